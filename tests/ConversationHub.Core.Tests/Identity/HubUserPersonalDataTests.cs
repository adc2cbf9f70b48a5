using ConversationHub.Core.Identity;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Tests.Identity;

/// <summary>Personal data of staff is encrypted in the database on both providers.</summary>
public abstract class HubUserPersonalDataTests(DatabaseProvider provider)
{
    [Fact]
    public async Task SaveChanges_PersonalColumns_AreStoredEncryptedAndReadBackInClear()
    {
        // Arrange
        var ct = TestTimeout.Token();
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        var user = new HubUser { UserName = "op001", NormalizedUserName = "OP001", DisplayName = "若葉 花子", Email = "hanako@example.jp", PhoneNumber = "090-0000-1111" };
        await using (var context = TestContexts.Hub(database))
        {
            await context.Database.MigrateAsync(ct);
            context.Users.Add(user);
            await context.SaveChangesAsync(ct);
        }

        // Act
        var raw = await ReadRawAsync(database, user.Id, ct);
        await using var reader = TestContexts.Hub(database);
        var loaded = await reader.Users.SingleAsync(u => u.Id == user.Id, ct);

        // Assert
        Assert.All(raw, value => Assert.StartsWith("pii1.", value, StringComparison.Ordinal));
        Assert.DoesNotContain(raw, value => value.Contains("花子", StringComparison.Ordinal) || value.Contains("hanako", StringComparison.Ordinal));
        Assert.Equal("若葉 花子", loaded.DisplayName);
        Assert.Equal("hanako@example.jp", loaded.Email);
        Assert.Equal("090-0000-1111", loaded.PhoneNumber);
    }

    [Fact]
    public async Task Query_TamperedCiphertext_IsRejectedNotReturned()
    {
        var ct = TestTimeout.Token();
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        var user = new HubUser { UserName = "op002", NormalizedUserName = "OP002", DisplayName = "本物の名前" };
        await using (var context = TestContexts.Hub(database))
        {
            await context.Database.MigrateAsync(ct);
            context.Users.Add(user);
            await context.SaveChangesAsync(ct);
        }

        // Swap in a ciphertext made for another column: authenticated as another purpose, it must not decrypt.
        var forged = TestContexts.Protector.Protect("偽の名前", "users.Email");
        await using (var context = TestContexts.Hub(database))
        {
            await context.Database.ExecuteSqlAsync($"UPDATE users SET \"DisplayName\" = {forged} WHERE \"Id\" = {user.Id}", ct);
        }

        await using var reader = TestContexts.Hub(database);
        await Assert.ThrowsAsync<PiiProtectionException>(() => reader.Users.SingleAsync(u => u.Id == user.Id, ct));
    }

    private static async Task<string[]> ReadRawAsync(TestDatabase database, Guid id, CancellationToken ct)
    {
        await using var context = TestContexts.Hub(database);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"DisplayName\", \"Email\", \"PhoneNumber\" FROM users WHERE \"Id\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        return [reader.GetString(0), reader.GetString(1), reader.GetString(2)];
    }
}

public sealed class SqliteHubUserPersonalDataTests() : HubUserPersonalDataTests(DatabaseProvider.Sqlite);

public sealed class PostgresHubUserPersonalDataTests() : HubUserPersonalDataTests(DatabaseProvider.Postgres);
