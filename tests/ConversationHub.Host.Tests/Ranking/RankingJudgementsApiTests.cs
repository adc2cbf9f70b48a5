using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Faq.Persistence;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>
/// The judgements API over HTTP on each provider: who may call what, precise 400s that store nothing, masked and
/// encrypted queries, the review queue, and snapshots whose hash repeats for the same judgements.
/// </summary>
public abstract class RankingJudgementsApiTests(HubHost host)
{
    private static readonly Uri Judgements = new("/api/faq/ranking/judgements", UriKind.Relative);
    private static readonly Uri Confirmations = new("/api/faq/ranking/confirmations", UriKind.Relative);
    private static readonly Uri Pending = new("/api/faq/ranking/judgements/pending?take=500", UriKind.Relative);
    private static readonly Uri Snapshots = new("/api/faq/ranking/snapshots", UriKind.Relative);

    [Fact]
    public async Task Endpoints_WrongCaller_AreRefused()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(host, ct);
        using var anonymous = host.CreateBrowserClient();
        using var agent = await host.SignInAsync("operator", ct);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        var anonymousPost = await anonymous.PostAsJsonAsync(Judgements, new { query = "住民票", faqId = faq.Id }, ct);
        var agentMapping = await agent.PostAsJsonAsync(Judgements, new { query = "住民票", faqId = faq.Id }, ct);
        var agentPending = await agent.GetAsync(Pending, ct);
        var editorConfirm = await editor.PostAsJsonAsync(Confirmations, new { query = "住民票", faqId = faq.Id }, ct);

        // Assert: a cookie client is sent to sign in (302) rather than given a bare 401.
        Assert.NotEqual(HttpStatusCode.Created, anonymousPost.StatusCode);
        Assert.True(anonymousPost.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Found, $"anonymous: {anonymousPost.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, agentMapping.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentPending.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editorConfirm.StatusCode);
        Assert.Equal(0, await CountForAsync(faq.Id, ct));
    }

    [Theory]
    [InlineData("", null, "query")]
    [InlineData("住民票の写し", 3, "grade")]
    [InlineData("住民票の写し", -1, "grade")]
    [InlineData("090-1234-5678", null, "query")]
    public async Task AddMapping_BadInput_Is400NamingTheFieldAndStoresNothing(string query, int? grade, string field)
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(host, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        var response = await editor.PostAsJsonAsync(Judgements, new { query, faqId = faq.Id, grade }, ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"no error for '{field}' in {errors}");
        Assert.Equal(0, await CountForAsync(faq.Id, ct));
    }

    [Fact]
    public async Task AddMapping_UnknownFaqOrSource_Is400()
    {
        var ct = TestTimeout.Token();
        using var editor = await host.SignInAsync("faq-editor", ct);

        var unknownFaq = await editor.PostAsJsonAsync(Judgements, new { query = "住民票", faqId = Guid.NewGuid() }, ct);
        var citizenSource = await editor.PostAsJsonAsync(Judgements, new { query = "住民票", faqId = Guid.NewGuid(), source = "search_click" }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, unknownFaq.StatusCode);
        Assert.Contains("faqId", await unknownFaq.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, citizenSource.StatusCode);
        Assert.Contains("source", await citizenSource.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_QueryWithPhoneNumber_IsStoredMaskedAndEncrypted()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(host, ct);
        using var agent = await host.SignInAsync("operator", ct);

        // Act
        var response = await agent.PostAsJsonAsync(Confirmations, new { query = "山田です 090-1234-5678 粗大ごみの出し方", faqId = faq.Id }, ct);

        // Assert: the API answers with the masked text; the column holds neither the number nor the words in clear.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("山田です ＊ 粗大ごみの出し方", item.GetProperty("query").GetString());
        Assert.Equal("agent_confirmed", item.GetProperty("source").GetString());
        Assert.Equal(2, item.GetProperty("grade").GetInt32());
        var id = item.GetProperty("id").GetInt64();
        var stored = await FaqTestData.WithFaqDbAsync(host, db =>
            db.Database.SqlQueryRaw<string>("SELECT \"Query\" AS \"Value\" FROM ranking_judgements WHERE \"Id\" = {0}", id).SingleAsync(ct));
        Assert.DoesNotContain("1234", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("粗大ごみ", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs, line => line.Contains("粗大ごみ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_CitizenClick_LeavesThePendingListOnceDecided()
    {
        // Arrange: two clicks from the search page wait for review.
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(host, ct);
        var first = await AddClickAsync(faq.Id, "ごみ袋 どこで買える", 3, ct);
        var second = await AddClickAsync(faq.Id, "ごみ袋 値段", 1, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);
        Assert.Contains(first, await PendingIdsAsync(editor, ct));

        // Act
        var approve = await editor.PostAsJsonAsync(new Uri($"/api/faq/ranking/judgements/{first}/approve", UriKind.Relative), new { grade = 2 }, ct);
        var reject = await editor.PostAsync(new Uri($"/api/faq/ranking/judgements/{second}/reject", UriKind.Relative), null, ct);
        var again = await editor.PostAsync(new Uri($"/api/faq/ranking/judgements/{second}/reject", UriKind.Relative), null, ct);
        var missing = await editor.PostAsync(new Uri("/api/faq/ranking/judgements/99999999/approve", UriKind.Relative), null, ct);

        // Assert
        Assert.Equal(HttpStatusCode.Created, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reject.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var pending = await PendingIdsAsync(editor, ct);
        Assert.DoesNotContain(first, pending);
        Assert.DoesNotContain(second, pending);
        var decision = await approve.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(first, decision.GetProperty("reviewOfId").GetInt64());
        Assert.Equal("editor_mapping", decision.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Snapshot_NothingAddedBetween_HasTheSameHash()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var faq = await FaqTestData.CreateAsync(host, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);
        await editor.PostAsJsonAsync(Judgements, new { query = "転入届の期限", faqId = faq.Id }, ct);

        // Act: other tests of this class may add judgements meanwhile, so compare snapshots by their max id.
        var a = await (await editor.PostAsync(Snapshots, null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var b = await (await editor.PostAsync(Snapshots, null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);

        // Assert
        Assert.NotEqual(a.GetProperty("id").GetInt64(), b.GetProperty("id").GetInt64());
        Assert.Equal(64, a.GetProperty("contentHash").GetString()!.Length);
        if (a.GetProperty("maxJudgementId").GetInt64() == b.GetProperty("maxJudgementId").GetInt64())
            Assert.Equal(a.GetProperty("contentHash").GetString(), b.GetProperty("contentHash").GetString());
    }

    private async Task<long> AddClickAsync(Guid faqId, string query, int position, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var use = scope.ServiceProvider.GetRequiredService<ConversationHub.Faq.Ranking.Judgements.RecordJudgement>();
        var result = await use.ExecuteAsync(new(ConversationHub.Faq.Ranking.Judgements.JudgementSource.SearchClick, query, faqId, 1, position), ct);
        return result.Judgement!.Id;
    }

    private static async Task<List<long>> PendingIdsAsync(HttpClient editor, CancellationToken ct) =>
        [.. (await editor.GetFromJsonAsync<JsonElement>(Pending, ct)).EnumerateArray().Select(j => j.GetProperty("id").GetInt64())];

    private Task<int> CountForAsync(Guid faqId, CancellationToken ct) =>
        FaqTestData.WithFaqDbAsync(host, (FaqDbContext db) => db.RankingJudgements.CountAsync(j => j.FaqId == faqId, ct));
}

public sealed class SqliteRankingJudgementsApiTests(SqliteHostFixture fixture)
    : RankingJudgementsApiTests(fixture.Host), IClassFixture<SqliteHostFixture>;

public sealed class PostgresRankingJudgementsApiTests(PostgresHostFixture fixture)
    : RankingJudgementsApiTests(fixture.Host), IClassFixture<PostgresHostFixture>;
