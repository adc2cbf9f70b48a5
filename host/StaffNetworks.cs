using System.Net;
using ConversationHub.Core.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ConversationHub.Host;

/// <summary>
/// <c>Security:StaffNetworks</c>: the networks (CIDR, e.g. <c>10.20.0.0/16</c>) the staff area may be used from. Empty
/// (the default) allows every address. Behind a reverse proxy the client's address must reach the platform (forwarded
/// headers), or every request looks like the proxy's.
/// </summary>
public sealed class StaffNetworkOptions
{
    public List<string> StaffNetworks { get; set; } = [];

    /// <summary>The parsed networks; invalid entries are refused at start by <see cref="StaffNetworkOptionsValidator"/>.</summary>
    public IReadOnlyList<IPNetwork> Parsed() =>
        [.. StaffNetworks.Select(n => IPNetwork.TryParse(n.Trim(), out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>()];
}

internal sealed class StaffNetworkOptionsValidator : IValidateOptions<StaffNetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffNetworkOptions options)
    {
        var invalid = options.StaffNetworks.Where(n => !IPNetwork.TryParse(n.Trim(), out _)).ToList();
        return invalid.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Security:StaffNetworks has entries that are not networks in CIDR form (e.g. 10.20.0.0/16): {string.Join(", ", invalid)}");
    }
}

/// <summary>
/// Refuses the staff area to addresses outside <see cref="StaffNetworkOptions"/> with 403, before sign-in is even
/// offered: the console, sign-in, the agents' hub and every endpoint that needs a signed-in user. What citizens and
/// vendors use — the public site, web chat, LINE and phone webhooks, health checks — stays open, because those
/// endpoints are anonymous.
/// </summary>
internal static class StaffNetworks
{
    public static WebApplicationBuilder AddStaffNetworks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffNetworkOptions>().BindConfiguration(SecurityHeaderOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StaffNetworkOptions>, StaffNetworkOptionsValidator>();
        return builder;
    }

    public static WebApplication UseStaffNetworks(this WebApplication app)
    {
        var networks = app.Services.GetRequiredService<IOptions<StaffNetworkOptions>>().Value.Parsed();
        if (networks.Count == 0)
            return app;

        app.Use(async (context, next) =>
        {
            if (!IsStaffArea(context) || IsAllowed(context.Connection.RemoteIpAddress, networks))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var message = context.RequestServices.GetRequiredService<IStringLocalizer<CoreStrings>>()["StaffNetwork_Refused"].Value;
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The staff area is not available from this network.").ExecuteAsync(context);
                return;
            }

            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(message, context.RequestAborted);
        });
        return app;
    }

    private static bool IsStaffArea(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase))
            return true;
        // Anything else is staff-only exactly when its endpoint needs a signed-in user.
        return context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
    }

    private static bool IsAllowed(IPAddress? address, IReadOnlyList<IPNetwork> networks)
    {
        if (address is null)
            return false;
        var client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(client));
    }
}
