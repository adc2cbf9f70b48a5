using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Proposals;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.FaqEditor;

/// <summary>
/// FAQ proposals (issue 17) on each database: who may propose, precise 400s, the citizen's question encrypted at
/// rest, and the editors' queue accepting into a draft with history or rejecting with a reason.
/// </summary>
public abstract class FaqProposalsTests(HostFixture fixture)
{
    private const string QueuePage = "/console/faq/proposals";

    // The queue shows forms (and so a token) only while some proposal is new; the token is per user, not per page.
    private const string TokenPage = "/console/faq/edit";

    private static readonly Uri Proposals = new("/api/faq/proposals", UriKind.Relative);

    private HubHost Host => fixture.Host;

    [Theory]
    [InlineData("operator")]
    [InlineData("supervisor")]
    [InlineData("dept-staff")]
    [InlineData("faq-editor")]
    [InlineData("admin")]
    public async Task Submit_StaffRole_IsCreated(string user)
    {
        // Arrange
        var ct = TestTimeout.Token();
        var marker = EditorForms.Marker();
        using var client = await Host.SignInAsync(user, ct);

        // Act
        using var response = await client.PostAsJsonAsync(Proposals, new { question = $"{marker} 提案の質問", source = "console" }, ct);

        // Assert
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await FaqTestData.WithFaqDbAsync(Host, db => db.Proposals.AsNoTracking().SingleAsync(p => p.ProposedQuestion == $"{marker} 提案の質問", ct));
        Assert.Equal(FaqProposalStatus.New, stored.Status);
        Assert.Equal(FaqProposalSource.Console, stored.Source);
        Assert.NotEqual(Guid.Empty, stored.ProposedByUserId);
    }

    [Fact]
    public async Task Submit_Anonymous_Is401()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var anonymous = Host.CreateBrowserClient();

        // Act
        using var response = await anonymous.PostAsJsonAsync(Proposals, new { question = "匿名の提案", source = "console" }, ct);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submit_ChatWithoutConversationOrQuestion_Is400NamingTheFieldsInJapanese()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var agent = await Host.SignInAsync("operator", ct);

        // Act
        using var response = await agent.PostAsJsonAsync(Proposals, new { question = " ", source = "chat" }, ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("FAQ提案の内容に誤りがあります。", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Contains("質問", errors.GetProperty("question")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("会話ID", errors.GetProperty("conversationId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FromChat_CitizenQuestionIsEncryptedAtRest()
    {
        // Arrange
        var ct = TestTimeout.Token();
        var marker = EditorForms.Marker();
        var conversationId = Guid.NewGuid();
        using var agent = await Host.SignInAsync("operator", ct);

        // Act
        using var response = await agent.PostAsJsonAsync(
            Proposals, new { question = $"{marker} 粗大ごみの予約", citizenQuestion = "山田です。粗大ごみの予約の仕方を教えて", source = "chat", conversationId }, ct);

        // Assert: the column holds ciphertext; the context decrypts it for the editors' queue.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var raw = await FaqTestData.WithFaqDbAsync(Host, db =>
            db.Database.SqlQueryRaw<string>("SELECT \"CitizenQuestion\" AS \"Value\" FROM faq_proposals WHERE \"ProposedQuestion\" = {0}", $"{marker} 粗大ごみの予約").SingleAsync(ct));
        Assert.DoesNotContain("山田", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("粗大ごみ", raw, StringComparison.Ordinal);
        var stored = await FaqTestData.WithFaqDbAsync(Host, db => db.Proposals.AsNoTracking().SingleAsync(p => p.ProposedQuestion == $"{marker} 粗大ごみの予約", ct));
        Assert.Equal("山田です。粗大ごみの予約の仕方を教えて", stored.CitizenQuestion);
        Assert.Equal(conversationId, stored.ConversationId);
        Assert.DoesNotContain(Host.Logs, line => line.Contains("山田です", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accept_NewFaqProposal_CreatesDraftWithHistory()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        var id = await ProposeAsync("operator", new { question = $"{marker} 新しいFAQの質問", answer = "提案した回答です。", source = "console" }, ct);
        using var editor = await Host.SignInAsync("faq-editor", ct);

        // Act
        using var response = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=accept", Fields(id, ("question", $"{marker} 編集者が直した質問"), ("answer", "編集者が直した回答です。")), ct);

        // Assert
        var state = await FaqTestData.WithFaqDbAsync(Host, async db =>
        {
            var proposal = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, ct);
            var faq = await db.Faqs.AsNoTracking().SingleAsync(f => f.Id == proposal.ResultFaqId, ct);
            var revisions = await db.Revisions.AsNoTracking().Where(r => r.FaqId == faq.Id).ToListAsync(ct);
            return (proposal, faq, revisions);
        });
        Assert.True(HubHost.IsRedirectTo(response, $"/console/faq/edit/{state.faq.Id}?done=proposal"), response.StatusCode.ToString());
        Assert.Equal(FaqProposalStatus.Accepted, state.proposal.Status);
        Assert.NotNull(state.proposal.DecidedByUserId);
        Assert.NotNull(state.proposal.DecidedAtUtc);
        Assert.Equal(FaqStatus.Draft, state.faq.Status);
        Assert.Equal($"{marker} 編集者が直した質問", state.faq.Question);
        Assert.Equal("編集者が直した回答です。", state.faq.AnswerMarkdown);
        var revision = Assert.Single(state.revisions);
        Assert.Equal(1, revision.Number);
        Assert.Equal(state.proposal.DecidedByUserId, revision.EditorUserId);
        Assert.Contains("FAQ提案", revision.ChangeNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_ChangeOfExistingFaq_WritesItsNextRevision()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var faq = await FaqTestData.CreateAsync(Host, ct);
        var id = await ProposeAsync("dept-staff", new { faqId = faq.Id, question = faq.Question, answer = "担当課が直した回答です。", source = "faqpage" }, ct);
        using var editor = await Host.SignInAsync("faq-editor", ct);

        // Act
        using var response = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=accept", Fields(id), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(response, $"/console/faq/edit/{faq.Id}?done=proposal"), response.StatusCode.ToString());
        var state = await FaqTestData.WithFaqDbAsync(Host, async db => (
            await db.Faqs.AsNoTracking().SingleAsync(f => f.Id == faq.Id, ct),
            await db.Revisions.AsNoTracking().Where(r => r.FaqId == faq.Id).OrderByDescending(r => r.Number).FirstAsync(ct),
            await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, ct)));
        Assert.Equal("担当課が直した回答です。", state.Item1.AnswerMarkdown);
        Assert.Equal(state.Item3.ResultRevision, state.Item2.Number);
        Assert.Equal(state.Item3.DecidedByUserId, state.Item2.EditorUserId);
    }

    [Fact]
    public async Task Reject_WithReason_RecordsReasonWhoAndWhen_WithoutReasonIs400()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        var id = await ProposeAsync("supervisor", new { question = $"{marker} 却下される提案", source = "console" }, ct);
        using var editor = await Host.SignInAsync("faq-editor", ct);

        // Act
        using var empty = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=reject", Fields(id, ("reason", " ")), ct);
        var afterEmpty = await FaqTestData.WithFaqDbAsync(Host, db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, ct));
        using var rejected = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=reject", Fields(id, ("reason", "既存のFAQで案内できます。")), ct);
        using var twice = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=reject", Fields(id, ("reason", "二度目")), ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("却下の理由", await empty.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(FaqProposalStatus.New, afterEmpty.Status);
        Assert.True(HubHost.IsRedirectTo(rejected, "/console/faq/proposals?done=rejected"), rejected.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var stored = await FaqTestData.WithFaqDbAsync(Host, db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, ct));
        Assert.Equal(FaqProposalStatus.Rejected, stored.Status);
        Assert.Equal("既存のFAQで案内できます。", stored.RejectReason);
        Assert.NotNull(stored.DecidedByUserId);
        Assert.NotNull(stored.DecidedAtUtc);
        Assert.Null(stored.ResultFaqId);
    }

    [Fact]
    public async Task QueuePage_Operator_IsDenied_EditorSeesProposalAndCounts()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        await ProposeAsync("operator", new { question = $"{marker} 一覧に出る提案", citizenQuestion = $"{marker} 市民の言葉", source = "console" }, ct);
        using var agent = await Host.SignInAsync("operator", ct);
        using var editor = await Host.SignInAsync("faq-editor", ct);

        // Act
        using var denied = await agent.GetAsync(new Uri(QueuePage, UriKind.Relative), ct);
        using var deniedCounts = await agent.GetAsync(new Uri("/api/faq/proposals/counts", UriKind.Relative), ct);
        var page = await editor.GetStringAsync(new Uri(QueuePage + "?status=new&source=console", UriKind.Relative), ct);
        var counts = await editor.GetFromJsonAsync<JsonElement>(new Uri("/api/faq/proposals/counts", UriKind.Relative), ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(denied, "/account/denied"), denied.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, deniedCounts.StatusCode);
        Assert.Contains($"{marker} 一覧に出る提案", page, StringComparison.Ordinal);
        Assert.Contains($"{marker} 市民の言葉", page, StringComparison.Ordinal);
        Assert.Contains("日別（直近14日、日本時間）", page, StringComparison.Ordinal);
        // Today (Japan time) comes first and counts at least this test's proposal; no exact total, other tests add theirs.
        var today = counts.GetProperty("days")[0];
        Assert.Equal(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), today.GetProperty("period").GetString());
        Assert.True(today.GetProperty("new").GetInt32() >= 1);
        Assert.Equal(12, counts.GetProperty("months").GetArrayLength());
    }

    [Fact]
    public async Task CasePage_Operator_ShowsProposalPanelPrefilled_AndCaseProposalIsQueued()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        using var agent = await Host.SignInAsync("operator", ct);
        var caseId = await Cases.CaseConsoleTestData.CreateAsync(agent, $"{marker} 児童手当の申請", "090-0000-1111", ct);

        // Act
        var page = await agent.GetStringAsync(new Uri($"/console/cases/{caseId}", UriKind.Relative), ct);
        var id = await ProposeAsync("operator", new { question = $"{marker} 児童手当の申請", source = "case", caseId }, ct);

        // Assert
        Assert.Contains("id=\"faq-proposal\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{marker} 児童手当の申請\"", page, StringComparison.Ordinal);
        var stored = await FaqTestData.WithFaqDbAsync(Host, db => db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id, ct));
        Assert.Equal((FaqProposalSource.Case, caseId), (stored.Source, stored.CaseId));
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(Guid id, params (string Name, string Value)[] fields) =>
        [new("id", id.ToString()), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))];

    private async Task<Guid> ProposeAsync(string user, object body, CancellationToken ct)
    {
        using var client = await Host.SignInAsync(user, ct);
        using var response = await client.PostAsJsonAsync(Proposals, body, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }
}

public sealed class SqliteFaqProposalsTests(SqliteHostFixture fixture) : FaqProposalsTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresFaqProposalsTests(PostgresHostFixture fixture) : FaqProposalsTests(fixture), IClassFixture<PostgresHostFixture>;
