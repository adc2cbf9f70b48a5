using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Programs.Forms;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.Forms;

/// <summary>Form entries and the daily files are personal data: no answer is in the SQLite file in clear (issue 19).</summary>
public sealed class ProgramFormEncryptionTests
{
    [Fact]
    public async Task Entry_AndDailyFile_NoClearAnswerInTheDatabaseFile()
    {
        // Arrange
        var ct = TestTimeout.Token(180);
        var clock = new TestClock(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, ct);
        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        await using (var host = HubHost.Start(database, ownsDatabase: false, TestPii.CreateOptions(),
            new Dictionary<string, string?> { ["Programs:Forms:DailyEnabled"] = "false" }, services => services.AddSingleton<TimeProvider>(clock)))
        {
            var program = await ProgramFormTestData.ProgramAsync(host, ct);
            var form = await ProgramFormTestData.FormAsync(host, program, ct);
            await ProgramFormExportTests.TakeAsync(host, form, "暗号化確認太郎", ct);
            clock.Advance(TimeSpan.FromDays(1));

            // Act
            var made = await host.Services.GetRequiredService<DailyFormExportRunner>().RunAsync(ct);
            Assert.True(made >= 1, "the test form's daily file is made (the demo city's form gets one too)");
        }

        // Assert: the file and its write-ahead log hold none of the answers.
        var bytes = Read(path).Concat(Read(path + "-wal")).ToArray();
        foreach (var clear in new[] { "暗号化確認太郎", "ワカバ　ハナコ", "090-1234-5678", "hanako@example.jp", "1975-04-01" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(clear)));
        }
    }

    private static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
