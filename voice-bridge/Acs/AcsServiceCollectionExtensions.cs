using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>Registers the ACS adapter: options, the signed REST clients with their retry pipeline, the readers and the authenticator.</summary>
internal static class AcsServiceCollectionExtensions
{
    internal static IServiceCollection AddAcs(this IServiceCollection services)
    {
        services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VoiceOptions>, VoiceOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<AcsHmacSigningHandler>();
        services.AddHttpClient<AcsCallAutomationClient>(ConfigureClient).AddHttpMessageHandler<AcsHmacSigningHandler>().AddAcsResilience();
        services.AddHttpClient<AcsSmsClient>(ConfigureClient).AddHttpMessageHandler<AcsHmacSigningHandler>().AddAcsResilience();
        services.AddHttpClient(AcsCallbackAuthenticator.MetadataClientName);
        services.AddSingleton<AcsCallbackAuthenticator>();
        return services;
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var endpoint = services.GetRequiredService<IOptionsMonitor<VoiceOptions>>().CurrentValue.Acs.Endpoint;
        if (endpoint is not null)
        {
            client.BaseAddress = endpoint;
        }
    }

    // The retry sits outside the signing handler (each try is signed afresh) and retries only transient failures of
    // requests marked idempotent: those with repeatability ids, DELETE, and SMS (ids in the body).
    private static void AddAcsResilience(this IHttpClientBuilder builder) =>
        builder.AddResilienceHandler("acs", (pipeline, context) =>
        {
            var delay = context.ServiceProvider.GetRequiredService<IOptionsMonitor<VoiceOptions>>().CurrentValue.Acs.RetryDelay;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = delay,
                ShouldHandle = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    if (request is null || !request.Options.TryGetValue(AcsRestSender.Idempotent, out var idempotent) || !idempotent)
                    {
                        return ValueTask.FromResult(false);
                    }

                    return ValueTask.FromResult(args.Outcome switch
                    {
                        { Exception: HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException } => true,
                        { Result: { } response } => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500,
                        _ => false,
                    });
                },
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(10));
        });
}
