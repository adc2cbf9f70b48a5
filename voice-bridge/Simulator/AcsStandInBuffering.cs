using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ConversationHub.VoiceBridge.Simulator;

/// <summary>
/// Keeps the stand-in's request bodies readable twice: minimal APIs bind the body before endpoint filters run, and the
/// HMAC check must hash the exact bytes that were sent.
/// </summary>
internal sealed class AcsStandInBuffering : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/calling") || path.StartsWithSegments("/sms") || path.StartsWithSegments(AcsStandInApi.BasePath))
            {
                context.Request.EnableBuffering();
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
