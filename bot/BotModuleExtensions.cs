using ConversationHub.Bot.Benchmark;
using ConversationHub.Bot.DirectLine;
using ConversationHub.Bot.DirectLine.Apis;
using ConversationHub.Bot.Engine;
using ConversationHub.Bot.Line;
using ConversationHub.Bot.Line.Apis;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConversationHub.Bot;

/// <summary>Entry points of the Bot module: the bot engine and its channel adapters (Direct Line, LINE).</summary>
public static class BotModuleExtensions
{
    /// <summary>
    /// Registers the bot engine and the Direct Line adapter (its CORS policy and rate limits; the host's pipeline
    /// runs <c>UseWebSockets</c>, <c>UseCors</c> and <c>UseRateLimiter</c>).
    /// </summary>
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBotEngine();
        builder.Services.AddDirectLine();
        builder.AddLineChannel();
        builder.Services.AddOptions<LoadDiagnosticsOptions>().BindConfiguration(LoadDiagnosticsOptions.SectionName);
        builder.Services.AddHostedService<StopWithLoadRunService>();
        return builder;
    }

    /// <summary>Maps the module's endpoints: Direct Line 3.0 under <c>/v3/directline</c>, LINE under <c>/api/line</c>.</summary>
    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapDirectLineApi();
        endpoints.MapLineApi();
        endpoints.MapLoadDiagnosticsApi();
        return endpoints;
    }
}
