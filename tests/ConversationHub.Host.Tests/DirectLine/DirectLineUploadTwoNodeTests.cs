using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Npgsql;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>Uploads live in the database, encrypted: a file sent through node A is served by node B, to token holders only.</summary>
public sealed class DirectLineUploadTwoNodeTests
{
    [Fact]
    public async Task FileUploadedOnNodeA_IsServedByNodeB_AndStoredEncrypted()
    {
        // Arrange: a PDF whose text is easy to look for in the database.
        var ct = TestTimeout.Token(180);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, ct);
        var pii = TestPii.CreateOptions();
        await using var nodeA = HubHost.Start(database, ownsDatabase: false, pii);
        await using var nodeB = HubHost.Start(database, ownsDatabase: false, pii);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% 若葉台 住民票 申請書 (citizen's scan)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        using var onA = new DirectLineTestClient(nodeA.CreateClient());
        await onA.GenerateAsync(ct);

        // Act
        using var upload = await DirectLineUploadTests.UploadAsync(onA, [("申請書.pdf", "application/pdf", pdf)], ct);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString();
        var (activities, _) = await onA.GetActivitiesAsync("", ct);
        var path = new Uri(activities.Single(a => a.GetProperty("id").GetString() == id).GetProperty("attachments")[0].GetProperty("contentUrl").GetString()!).AbsolutePath;
        using var onB = new DirectLineTestClient(nodeB.CreateClient()) { ConversationId = onA.ConversationId, Token = onA.Token };
        using var servedByB = await onB.SendAsync(HttpMethod.Get, path, onA.Token, null, ct);
        using var other = new DirectLineTestClient(nodeB.CreateClient());
        await other.GenerateAsync(ct);
        using var otherToken = await other.SendAsync(HttpMethod.Get, path, other.Token, null, ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, servedByB.StatusCode);
        Assert.Equal("application/pdf", servedByB.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await servedByB.Content.ReadAsByteArrayAsync(ct));
        Assert.True(otherToken.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.NotFound, $"another conversation's token got {otherToken.StatusCode}");
        var stored = await StoredContentAsync(database, ct);
        Assert.DoesNotContain("%PDF", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(pdf)[..40], stored, StringComparison.Ordinal);
    }

    private static async Task<string> StoredContentAsync(TestDatabase database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""SELECT "ContentBase64" FROM conversation_files""", connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
