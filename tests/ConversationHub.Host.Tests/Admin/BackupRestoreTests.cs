using System.Collections.Concurrent;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Admin;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Admin;

/// <summary><c>admin backup</c> / <c>admin restore</c> (issue 18): an online SQLite backup while citizens chat, restored into an empty folder.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hub-backup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Backup_WhileChatsRun_RestoredDatabaseHoldsEveryMessageAcknowledgedBeforeIt()
    {
        // Arrange: four citizens keep writing on web chat; every message the platform acknowledged is remembered.
        var ct = TestTimeout.Token(300);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, DirectLineHostFixture.Settings(), ct);
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var citizens = Enumerable.Range(0, 4).Select(c => ChatAsync(host, c, acknowledged, stop.Token)).ToList();
        await Eventually.UntilAsync(() => acknowledged.Count >= 12 ? "chatting" : null, "a dozen acknowledged messages", ct);

        // Act: back up mid-conversation, let the chats go on a little, then restore into an empty data folder.
        var before = acknowledged.ToHashSet(StringComparer.Ordinal);
        var backupFile = Path.Combine(_folder, "backup", "hub-backup.db");
        var backupOutput = new StringWriter();
        var backedUp = await AdminBackupCommand.RunAsync(["backup", "--out", backupFile], Configuration(host.Database.ConnectionString), backupOutput, ct);
        var countAtBackup = acknowledged.Count;
        await Eventually.UntilAsync(() => acknowledged.Count >= countAtBackup + 4 ? "went on" : null, "chats going on after the backup", ct);
        await stop.CancelAsync();
        await Task.WhenAll(citizens);
        var restoredFile = Path.Combine(_folder, "restored", "data", "hub.db");
        var restoreOutput = new StringWriter();
        var restored = await AdminBackupCommand.RunAsync(["restore", "--from", backupFile], Configuration($"Data Source={restoredFile}"), restoreOutput, ct);

        // Assert: both succeeded and said so; every message acknowledged before the backup is in the restored file,
        // and a node started on it with the same keys reads the citizens' words.
        Assert.True(backedUp == AdminBackupCommand.Success, backupOutput.ToString());
        Assert.True(restored == AdminBackupCommand.Success, restoreOutput.ToString());
        Assert.Contains("integrity check ok", backupOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("which the backup does not contain", backupOutput.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(backupFile + ".partial"));
        await using var database = TestDatabase.SqliteFile(restoredFile);
        await using var node = HubHost.Start(database, ownsDatabase: false, host.Pii, DirectLineHostFixture.Settings());
        using var scope = node.Services.CreateScope();
        var hub = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var stored = await hub.Activities.AsNoTracking().Where(a => a.ClientActivityId != null && a.ClientActivityId.StartsWith("bk-"))
            .Select(a => new { a.ClientActivityId, a.ActivityJson }).ToListAsync(ct);
        var missing = before.Except(stored.Select(a => a.ClientActivityId!), StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {before.Count} acknowledged messages missing: {string.Join(", ", missing.Take(5))}");
        Assert.All(stored, a => Assert.Equal("バックアップ確認 " + a.ClientActivityId, JsonDocument.Parse(a.ActivityJson).RootElement.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Restore_OverAnExistingDatabase_IsRefusedAndChangesNothing()
    {
        // Arrange: a backup of a fresh platform database, and a target that already has a database.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        var backupFile = Path.Combine(_folder, "b.db");
        Assert.Equal(AdminBackupCommand.Success, await AdminBackupCommand.RunAsync(["backup", "--out", backupFile], Configuration(host.Database.ConnectionString), TextWriter.Null, ct));
        var target = Path.Combine(_folder, "existing", "hub.db");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, "newer data", ct);
        var output = new StringWriter();

        // Act
        var code = await AdminBackupCommand.RunAsync(["restore", "--from", backupFile], Configuration($"Data Source={target}"), output, ct);

        // Assert
        Assert.Equal(AdminBackupCommand.Failed, code);
        Assert.Contains("Restore into an empty data folder", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("newer data", await File.ReadAllTextAsync(target, ct));
    }

    [Fact]
    public async Task BackupAndRestore_BadInput_ClearRefusals()
    {
        // Arrange: a file that is not a database, an existing backup name, and a SQLite file that is not ours.
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, cancellationToken: ct);
        Directory.CreateDirectory(_folder);
        var garbage = Path.Combine(_folder, "garbage.db");
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Repeat((byte)0x5A, 8192)], ct);
        var foreign = Path.Combine(_folder, "foreign.db");
        await using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=false"))
        {
            await connection.OpenAsync(ct);
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE notes (text TEXT);";
            await create.ExecuteNonQueryAsync(ct);
        }

        var outputs = new List<string>();
        async Task<int> Run(string[] args, string connectionString)
        {
            var output = new StringWriter();
            var code = await AdminBackupCommand.RunAsync(args, Configuration(connectionString), output, ct);
            outputs.Add(output.ToString());
            return code;
        }

        // Act + Assert
        Assert.Equal(AdminBackupCommand.Failed, await Run(["backup", "--out", garbage], host.Database.ConnectionString));
        Assert.Contains("already exists", outputs[^1], StringComparison.Ordinal);
        Assert.Equal(AdminBackupCommand.Failed, await Run(["restore", "--from", garbage], $"Data Source={Path.Combine(_folder, "r1", "hub.db")}"));
        Assert.Contains("not a readable SQLite database", outputs[^1], StringComparison.Ordinal);
        Assert.Equal(AdminBackupCommand.Failed, await Run(["restore", "--from", foreign], $"Data Source={Path.Combine(_folder, "r2", "hub.db")}"));
        Assert.Contains("not a ConversationHub database", outputs[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "r1", "hub.db")));
        Assert.False(File.Exists(Path.Combine(_folder, "r2", "hub.db")));
        Assert.Equal(AdminBackupCommand.UsageError, await Run(["backup"], host.Database.ConnectionString));
        Assert.StartsWith("usage: admin backup --out", outputs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_OnPostgres_NamesThePgDumpCommand()
    {
        // Arrange
        var output = new StringWriter();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Hub"] = "Host=db.example;Port=5433;Database=hub;Username=hub;Password=secret",
        }).Build();

        // Act
        var code = await AdminBackupCommand.RunAsync(["backup", "--out", "hub.dump"], configuration, output, TestTimeout.Token());

        // Assert: the command with the server filled in, and never the password.
        Assert.Equal(AdminBackupCommand.UsageError, code);
        Assert.Contains("pg_dump --host=db.example --port=5433 --username=hub --format=custom --file=hub.dump hub", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static IConfiguration Configuration(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Hub"] = connectionString,
        }).Build();

    // One citizen writing message after message until told to stop; an acknowledged message's client id is recorded.
    private static async Task ChatAsync(HubHost host, int citizen, ConcurrentQueue<string> acknowledged, CancellationToken stop)
    {
        using var client = new DirectLineTestClient(host.CreateClient());
        await client.StartAsync(stop);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var id = $"bk-{citizen}-{n}";
            try
            {
                await client.SayAsync("バックアップ確認 " + id, id, stop);
                acknowledged.Enqueue(id);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
