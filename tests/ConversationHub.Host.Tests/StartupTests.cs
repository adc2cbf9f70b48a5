using System.Diagnostics;
using System.Net;
using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Pii:Keys:k1", "c2hvcnQ=", "Pii:Keys:k1")]
    [InlineData("Calendar:WeeklyHours:Monday", "17:00-08:00", "Calendar:WeeklyHours:Monday")]
    [InlineData("Security:TwoFactor:RequiredRoles:0", "Admins", "Security:TwoFactor:RequiredRoles")]
    public async Task Start_InvalidSetting_ExitsWithOneLineNamingTheSetting(string key, string value, string named)
    {
        // Arrange: the real host process, as an operator would start it, in an empty working directory.
        var workingDirectory = Directory.CreateTempSubdirectory("hub-start").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ConversationHub.Host.dll"), $"--{key}={value}", "--urls=http://127.0.0.1:0" },
        };

        // Act
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(TestTimeout.Token(60));

        // Assert
        Assert.Equal(1, process.ExitCode);
        Assert.Contains($"ConversationHub could not start: {named}", await stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", await stdout + await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_WhileServing_ShutsDownCleanly()
    {
        // Arrange: the real host process on a fresh SQLite file.
        var ct = TestTimeout.Token(90);
        var workingDirectory = Directory.CreateTempSubdirectory("hub-stop").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ConversationHub.Host.dll"), "--urls=http://127.0.0.1:0", "--DemoCity:Password=Wakaba2026Demo" },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        string? line;
        do
        {
            line = await process.StandardOutput.ReadLineAsync(ct);
        }
        while (line is not null && !line.Contains("ConversationHub is running", StringComparison.Ordinal));

        // Act
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }

        var rest = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        // Assert
        Assert.NotNull(line);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Application is shutting down", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", rest + await stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workingDirectory, "data", "hub.db")));
    }

    [Fact]
    public async Task Restart_OnSeededDatabase_KeepsDataAndSeedsNothingTwice()
    {
        // Arrange: a first start seeds the demo city.
        var ct = TestTimeout.Token(120);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var pii = TestPii.CreateOptions();
        int departments, users, faqs;
        await using (var first = HubHost.Start(database, ownsDatabase: false, pii))
        {
            (departments, users, faqs) = await CountAsync(first, ct);
        }

        // Act: start again on the same database and keys.
        await using var second = HubHost.Start(database, ownsDatabase: false, pii);
        using var client = second.CreateClient();
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(departments >= 40 && users == ConversationHub.Host.DemoCity.DemoAccount.All.Count && faqs >= 145, $"{departments} departments, {users} users, {faqs} FAQs");
        Assert.Equal((departments, users, faqs), await CountAsync(second, ct));
    }

    [Fact]
    public async Task Endpoints_EachStateAnAuthorizationRule()
    {
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: TestTimeout.Token());
        var endpoints = host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();

        var unstated = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0
                && e.Metadata.GetMetadata<AuthorizationPolicy>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.True(unstated.Count == 0, "Endpoints without an authorization rule: " + string.Join(", ", unstated));
    }

    [Fact]
    public async Task Logs_AfterStartAndSignIn_HoldNoPersonalDataOrPasswords()
    {
        var ct = TestTimeout.Token(120);
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Logging:LogLevel:Default"] = "Debug" };
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, overrides, ct);
        using var client = host.CreateBrowserClient();

        await FormPost.SubmitAsync(client, "/account/login", new Dictionary<string, string>(StringComparer.Ordinal) { ["userName"] = "operator", ["password"] = "Typo-Secret9" }, ct);
        await FormPost.SubmitAsync(client, "/account/login", new Dictionary<string, string>(StringComparer.Ordinal) { ["userName"] = "operator", ["password"] = HubHost.DemoPassword }, ct);
        await client.GetStringAsync(new Uri("/console", UriKind.Relative), ct);
        var logs = string.Join("\n", host.Logs);

        Assert.Contains("sign-in", logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Typo-Secret9", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(HubHost.DemoPassword, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("コールセンター 太郎", logs, StringComparison.Ordinal);
    }

    private static async Task<(int Departments, int Users, int Faqs)> CountAsync(HubHost host, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var faq = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        return (await hub.Departments.CountAsync(ct), await hub.Users.CountAsync(ct), await faq.Faqs.CountAsync(ct));
    }
}
