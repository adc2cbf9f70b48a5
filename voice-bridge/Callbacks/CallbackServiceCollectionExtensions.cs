using ConversationHub.Core.Handoff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.VoiceBridge.Callbacks;

/// <summary>Registers callbacks (架電): the dialer the cases use, replacing core's phone-off default, and the handler of their calls' events.</summary>
internal static class CallbackServiceCollectionExtensions
{
    internal static IServiceCollection AddCallbacks(this IServiceCollection services)
    {
        services.AddOptions<CallbackOptions>().BindConfiguration(CallbackOptions.SectionName);
        services.AddScoped<CallbackCallHandler>();
        services.Replace(ServiceDescriptor.Scoped<ICallbackDialer, CallbackDialer>());
        // Reservation notices by SMS go out from the same city line as callbacks.
        services.AddScoped<Core.Programs.ICitizenNoticeSender, Notices.SmsNoticeSender>();
        return services;
    }
}
