using ConversationHub.Core.Persistence;
using ConversationHub.Faq.Ranking.History;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>
/// A model this build cannot use stops the real host process at start, with one line naming what is wrong,
/// instead of ranking silently wrong at query time: a configured model file, and an active model of the history.
/// </summary>
public sealed class RankingModelStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-ranking-model-").FullName;

    [Fact]
    public async Task Start_ModelFileOfOtherFeatures_ExitsNamingTheSettingAndFeature()
    {
        // Arrange: a genuine model file whose first feature this build does not compute.
        var ct = TestTimeout.Token(180);
        string json;
        await using (var trainer = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct))
            json = await PlatformTrainingTests.TrainedModelJsonAsync(trainer, ct);
        var path = Path.Combine(_directory, "renamed.json");
        await File.WriteAllTextAsync(path, Renamed(json), ct);

        // Act
        var (exitCode, output) = await RunHostAsync([$"--FaqRanking:ModelPath={path}", $"--DemoCity:Password={HubHost.DemoPassword}"], ct);

        // Assert
        Assert.Equal(1, exitCode);
        Assert.Contains($"ConversationHub could not start: FaqRanking:ModelPath: the ranking model '{path}' cannot be used.", output, StringComparison.Ordinal);
        Assert.Contains("renamed_feature", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ActiveModelOfOtherFeatures_ExitsWithOneLine()
    {
        // Arrange: a node activated a model whose feature list is not this build's; then the process starts on that database.
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var pii = TestPii.CreateOptions();
        await using (var first = HubHost.Start(database, ownsDatabase: false, pii))
        {
            var json = Renamed(await PlatformTrainingTests.TrainedModelJsonAsync(first, ct));
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConversationHub.Faq.Persistence.FaqDbContext>();
            var record = new RankingModelRecord(json, null, null, 1, 1, 0, DateTime.UtcNow);
            record.Activate(DateTime.UtcNow);
            db.RankingModels.Add(record);
            await db.SaveChangesAsync(ct);
        }

        // Act
        var (exitCode, output) = await RunHostAsync(
        [
            $"--Database:Provider={database.Provider}",
            $"--ConnectionStrings:Hub={database.ConnectionString}",
            $"--Pii:ActiveKeyId={pii.ActiveKeyId}",
            $"--Pii:Keys:{pii.ActiveKeyId}={pii.Keys[pii.ActiveKeyId!]}",
            $"--Pii:LookupKey={pii.LookupKey}",
            $"--DemoCity:Password={HubHost.DemoPassword}",
        ], ct);

        // Assert
        Assert.Equal(1, exitCode);
        var line = output.Split('\n').Single(l => l.StartsWith("ConversationHub could not start:", StringComparison.Ordinal));
        Assert.StartsWith("ConversationHub could not start: Ranking model ", line, StringComparison.Ordinal);
        Assert.Contains("renamed_feature", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Renamed(string modelJson) =>
        modelJson.Replace("\"first_stage_score\"", "\"renamed_feature\"", StringComparison.Ordinal);

    /// <summary>The host process as an operator starts it (empty working directory, settings as switches); its exit code and output.</summary>
    private static async Task<(int ExitCode, string Output)> RunHostAsync(IEnumerable<string> settings, CancellationToken ct)
    {
        await using var host = await HostProcess.RunAsync(["--urls=http://127.0.0.1:0", .. settings], ct);
        return (host.ExitCode, host.Output);
    }
}
