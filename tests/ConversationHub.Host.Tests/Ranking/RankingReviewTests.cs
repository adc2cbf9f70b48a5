using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Ranking.Judgements;
using ConversationHub.Faq.Search.Index;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Host.Tests.FaqEditor;
using ConversationHub.Host.Tests.FaqSite;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Host.Tests.Ranking;

/// <summary>
/// The review queue of the retraining console (issue 17) over HTTP on each database: accept, reject and reassign
/// candidate groups, bulk decisions under a filter, a search miss turned into a draft FAQ or an editor mapping,
/// two editors deciding at once, who may reach it, and training reading the decisions. Each test seeds rows whose
/// query carries its own marker and filters the queue by it.
/// </summary>
public abstract class RankingReviewTests(HubHost host)
{
    private const string QueuePage = "/console/faq/ranking";

    // The anti-forgery token is per user, not per page; the edit page always carries one.
    private const string TokenPage = "/console/faq/edit";

    private static readonly Uri Decisions = new("/api/faq/ranking/review/decisions", UriKind.Relative);
    private static readonly Uri Bulk = new("/api/faq/ranking/review/bulk", UriKind.Relative);

    [Fact]
    public async Task AcceptOnPage_GroupOfClicksAndAgentConfirmation_OneDecisionPerRowLeavesQueueAndTrainingReadsGrade()
    {
        // Arrange: three clicks and an agent's confirmation for one (query, FAQ).
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        var query = $"{marker} 住民票の写し";
        var faq = await FaqTestData.CreateAsync(host, ct);
        var ids = await SeedAsync(faq.Id, query, ct, JudgementSource.SearchClick, JudgementSource.SearchClick, JudgementSource.SuggestionClick, JudgementSource.AgentConfirmed);
        using var editor = await host.SignInAsync("faq-editor", ct);
        var before = await ListAsync(editor, $"q={marker}", ct);

        // Act: accept at grade 1 (関連あり) through the page's form.
        using var response = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=accept",
            [new("id", Text(ids[0])), new("grade", "1"), new("upTo", Text(before.GetProperty("maxJudgementId").GetInt64())), new("q", marker)], ct);

        // Assert
        var group = Assert.Single(before.GetProperty("groups").EnumerateArray());
        Assert.Equal(4, group.GetProperty("count").GetInt32());
        Assert.Equal(2, group.GetProperty("sources").GetProperty("search_click").GetInt32());
        Assert.Equal(1, group.GetProperty("sources").GetProperty("agent_confirmed").GetInt32());
        Assert.Equal(faq.Question, group.GetProperty("faqQuestion").GetString());
        Assert.True(HubHost.IsRedirectTo(response, $"{QueuePage}?q={marker}&done=accepted&count=4"), response.Headers.Location?.ToString());
        var decisions = await DecisionsOfAsync(ids, ct);
        Assert.Equal(ids.Order(), decisions.Select(d => d.ReviewOfId!.Value).Order());
        Assert.All(decisions, d => Assert.Equal((JudgementSource.EditorMapping, 1, faq.Id, query), (d.Source, d.Grade, d.FaqId, d.Query)));
        Assert.All(decisions, d => Assert.NotNull(d.StaffUserId));
        Assert.Empty((await ListAsync(editor, $"q={marker}", ct)).GetProperty("groups").EnumerateArray());
        Assert.Equal(1, await LabelAsync(query, faq.Id, ct));
        var page = await editor.GetStringAsync(new Uri($"{QueuePage}?q={marker}&done=accepted&count=4", UriKind.Relative), ct);
        Assert.Contains("承認しました（判定4件）。", page, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">判定の確認</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectViaApi_Group_TrainingLabelsItZeroAndSecondDecisionIs409()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        var query = $"{marker} 粗大ごみ";
        var faq = await FaqTestData.CreateAsync(host, ct);
        var ids = await SeedAsync(faq.Id, query, ct, JudgementSource.SiteFeedback, JudgementSource.SearchClick);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        using var rejected = await editor.PostAsJsonAsync(Decisions, new { groupIds = new[] { ids[0] }, decision = "reject" }, ct);
        using var again = await editor.PostAsJsonAsync(Decisions, new { groupIds = new[] { ids[0] }, decision = "accept" }, ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(2, (await rejected.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("rows").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.All(await DecisionsOfAsync(ids, ct), d => Assert.Equal(0, d.Grade));
        Assert.Equal(2, (await DecisionsOfAsync(ids, ct)).Count);
        Assert.Equal(0, await LabelAsync(query, faq.Id, ct));
    }

    [Fact]
    public async Task Reassign_ToOtherFaq_MapsQueryToItAndRejectsOriginal()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        var query = $"{marker} 児童手当";
        var original = await FaqTestData.CreateAsync(host, ct);
        var other = await FaqTestData.CreateAsync(host, ct);
        var ids = await SeedAsync(original.Id, query, ct, JudgementSource.SearchClick, JudgementSource.ChatFeedback);
        using var editor = await host.SignInAsync("admin", ct);

        // Act
        using var same = await editor.PostAsJsonAsync(Decisions, new { groupIds = new[] { ids[1] }, decision = "reassign", faqId = original.Id }, ct);
        using var response = await editor.PostAsJsonAsync(Decisions, new { groupIds = new[] { ids[1] }, decision = "reassign", faqId = other.Id, grade = 2 }, ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Contains("must differ", (await same.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").GetProperty("faqId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(await DecisionsOfAsync(ids, ct), d => Assert.Equal((0, original.Id), (d.Grade, d.FaqId)));
        var mapping = await FaqTestData.WithFaqDbAsync(host, db => db.RankingJudgements.AsNoTracking().SingleAsync(j => j.FaqId == other.Id, ct));
        Assert.Equal((JudgementSource.EditorMapping, 2, query, (long?)null), (mapping.Source, mapping.Grade, mapping.Query, mapping.ReviewOfId));
        Assert.Equal(0, await LabelAsync(query, original.Id, ct));
        Assert.Equal(2, await LabelAsync(query, other.Id, ct));
    }

    [Fact]
    public async Task ReassignAndMapMissOnPage_SearchBoxThenChoice_RecordMappingsForTheChosenFaq()
    {
        // Arrange: a candidate group and a missed query under one marker; the FAQ they belong to is found by its own marker.
        var ct = TestTimeout.Token(90);
        var marker = EditorForms.Marker();
        var target = EditorForms.Marker();
        var original = await FaqTestData.CreateAsync(host, ct);
        var other = await FaqTestData.CreateAsync(host, ct, question: $"{target} のごみの出し方");
        await FaqTestData.IndexAsync(host, ct, other.Id);
        var ids = await SeedAsync(original.Id, $"{marker} 資源ごみ", ct, JudgementSource.SearchClick);
        var missIds = await SeedMissesAsync($"{marker} 古紙の日", 1, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);
        var upTo = Text((await ListAsync(editor, $"q={marker}", ct)).GetProperty("maxJudgementId").GetInt64());

        // Act
        var queue = await editor.GetStringAsync(new Uri($"{QueuePage}?q={marker}", UriKind.Relative), ct);
        var searched = await editor.GetStringAsync(new Uri($"{QueuePage}?q={marker}&reassign=c-{ids[0]}&find={target}", UriKind.Relative), ct);
        using var reassigned = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=reassign",
            [new("id", Text(ids[0])), new("faqId", other.Id.ToString()), new("grade", "1"), new("upTo", upTo), new("q", marker)], ct);
        using var mapped = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=mapMiss",
            [new("id", Text(missIds[0])), new("faqId", other.Id.ToString()), new("grade", "2"), new("q", marker)], ct);

        // Assert
        Assert.Contains("この質問のFAQ下書きを作る", queue, StringComparison.Ordinal);
        Assert.Contains("既存のFAQに結び付ける", queue, StringComparison.Ordinal);
        Assert.Contains($"name=\"faqId\" value=\"{other.Id}\"", searched, StringComparison.Ordinal);
        Assert.Contains("このFAQに付け替える", searched, StringComparison.Ordinal);
        Assert.True(HubHost.IsRedirectTo(reassigned, "done=reassigned&count=1"), reassigned.Headers.Location?.ToString());
        Assert.True(HubHost.IsRedirectTo(mapped, "done=mapped&count=1"), mapped.Headers.Location?.ToString());
        Assert.Equal(1, await LabelAsync($"{marker} 資源ごみ", other.Id, ct));
        Assert.Equal(0, await LabelAsync($"{marker} 資源ごみ", original.Id, ct));
        Assert.Equal(2, await LabelAsync($"{marker} 古紙の日", other.Id, ct));
    }

    [Fact]
    public async Task Bulk_FilteredBySource_DecidesOnlyMatchingGroups_PageAsksConfirmationWithCount()
    {
        // Arrange: a click group and a suggestion group under one marker; a second click group on another FAQ.
        var ct = TestTimeout.Token(90);
        var marker = EditorForms.Marker();
        var faq = await FaqTestData.CreateAsync(host, ct);
        var otherFaq = await FaqTestData.CreateAsync(host, ct);
        var clicks = await SeedAsync(faq.Id, $"{marker} 転入届", ct, JudgementSource.SearchClick, JudgementSource.SearchClick);
        var moreClicks = await SeedAsync(otherFaq.Id, $"{marker} 転出届", ct, JudgementSource.SearchClick);
        var suggestions = await SeedAsync(faq.Id, $"{marker} 引っ越し", ct, JudgementSource.SuggestionClick);
        using var editor = await host.SignInAsync("faq-editor", ct);
        var list = await ListAsync(editor, $"q={marker}&source=search_click", ct);
        var upTo = Text(list.GetProperty("maxJudgementId").GetInt64());
        var filter = new KeyValuePair<string, string>[] { new("q", marker), new("source", "search_click"), new("upTo", upTo), new("scope", "filtered"), new("decision", "reject") };

        // Act: the page first states what it will do; the API then accepts the rest.
        using var confirm = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=bulk", filter, ct);
        var decidedBeforeConfirming = await DecisionsOfAsync([.. clicks, .. moreClicks], ct);
        using var done = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=bulk", [.. filter, new("confirmed", "true")], ct);
        using var accepted = await editor.PostAsJsonAsync(Bulk, new { decision = "accept", q = marker, upToJudgementId = list.GetProperty("maxJudgementId").GetInt64() }, ct);

        // Assert
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(2, list.GetProperty("sourceCounts").GetProperty("search_click").GetInt32());
        Assert.Equal(1, list.GetProperty("sourceCounts").GetProperty("suggestion_click").GetInt32());
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("2行（判定3件）を「却下」で処理します。よろしいですか？", await confirm.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Empty(decidedBeforeConfirming);
        Assert.True(HubHost.IsRedirectTo(done, "done=rejected&count=3"), done.Headers.Location?.ToString());
        Assert.All(await DecisionsOfAsync([.. clicks, .. moreClicks], ct), d => Assert.Equal(0, d.Grade));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, (await accepted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("rows").GetInt32());
        Assert.Equal(2, Assert.Single(await DecisionsOfAsync(suggestions, ct)).Grade);
    }

    [Fact]
    public async Task Bulk_SelectedRowsOnPage_DecidesOnlyTheTickedGroupsAtGradeOne()
    {
        // Arrange: three groups; two are ticked.
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        var faq = await FaqTestData.CreateAsync(host, ct);
        var first = await SeedAsync(faq.Id, $"{marker} 保育園", ct, JudgementSource.SearchClick);
        var second = await SeedAsync(faq.Id, $"{marker} 学童保育", ct, JudgementSource.LineFeedback);
        var third = await SeedAsync(faq.Id, $"{marker} 幼稚園", ct, JudgementSource.SearchClick);
        using var editor = await host.SignInAsync("faq-editor", ct);
        var fields = new KeyValuePair<string, string>[]
        {
            new("q", marker), new("scope", "selected"), new("decision", "accept1"), new("selected", Text(first[0])), new("selected", Text(second[0])), new("confirmed", "true"),
        };

        // Act
        using var response = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=bulk", fields, ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(response, "done=accepted&count=2"), response.Headers.Location?.ToString());
        Assert.All(await DecisionsOfAsync([.. first, .. second], ct), d => Assert.Equal(1, d.Grade));
        Assert.Empty(await DecisionsOfAsync(third, ct));
    }

    [Fact]
    public async Task MissToDraft_OnPage_WritesDraftWithHistoryAndHandlesTheQuerysMisses()
    {
        // Arrange: the same masked query missed twice.
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        var query = $"{marker} 犬の登録";
        var missIds = await SeedMissesAsync(query, 2, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);
        var group = Assert.Single((await ListAsync(editor, $"q={marker}", ct)).GetProperty("groups").EnumerateArray());
        Assert.Contains(marker, await editor.GetStringAsync(new Uri("/api/faq/reports/misses?days=7&top=100", UriKind.Relative), ct), StringComparison.Ordinal);

        // Act
        using var response = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=draft", [new("id", Text(missIds[0])), new("q", marker)], ct);
        using var twice = await EditorForms.PostAsync(editor, TokenPage, QueuePage + "?handler=draft", [new("id", Text(missIds[1])), new("q", marker)], ct);

        // Assert
        Assert.Equal("Miss", group.GetProperty("kind").GetString());
        Assert.Equal("search_miss", group.GetProperty("sources").EnumerateObject().Single().Name);
        Assert.Equal(2, group.GetProperty("count").GetInt32());
        Assert.True(HubHost.IsRedirectTo(response, "done=drafted&count=2&faq="), response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("ほかの職員がすでに処理しました", await twice.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        var state = await FaqTestData.WithFaqDbAsync(host, async db =>
        {
            var faq = await db.Faqs.AsNoTracking().SingleAsync(f => f.Question == query, ct);
            var revisions = await db.Revisions.AsNoTracking().Where(r => r.FaqId == faq.Id).ToListAsync(ct);
            var misses = await db.SearchMisses.AsNoTracking().Where(m => missIds.Contains(m.Id)).ToListAsync(ct);
            return (faq, revisions, misses);
        });
        Assert.Equal(FaqStatus.Draft, state.faq.Status);
        var revision = Assert.Single(state.revisions);
        Assert.NotNull(revision.EditorUserId);
        Assert.Contains("検索で見つからなかった質問", revision.ChangeNote, StringComparison.Ordinal);
        Assert.All(state.misses, m => Assert.Equal((state.faq.Id, revision.EditorUserId), (m.HandledFaqId, m.HandledByUserId)));
        Assert.Empty((await ListAsync(editor, $"q={marker}", ct)).GetProperty("groups").EnumerateArray());
        // Handled: the editors' list of searches that found nothing no longer asks for it.
        var report = await editor.GetStringAsync(new Uri("/api/faq/reports/misses?days=7&top=100", UriKind.Relative), ct);
        Assert.DoesNotContain(marker, report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissToExistingFaq_ViaApi_RecordsEditorMappingAndHandlesMisses()
    {
        // Arrange
        var ct = TestTimeout.Token(60);
        var marker = EditorForms.Marker();
        var query = $"{marker} 印鑑証明";
        var faq = await FaqTestData.CreateAsync(host, ct);
        var missIds = await SeedMissesAsync(query, 1, ct);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        using var noFaq = await editor.PostAsJsonAsync(new Uri($"/api/faq/ranking/review/misses/{missIds[0]}/mapping", UriKind.Relative), new { grade = 2 }, ct);
        using var response = await editor.PostAsJsonAsync(new Uri($"/api/faq/ranking/review/misses/{missIds[0]}/mapping", UriKind.Relative), new { faqId = faq.Id, grade = 1 }, ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, noFaq.StatusCode);
        Assert.True((await noFaq.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors").TryGetProperty("faqId", out _));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mapping = await FaqTestData.WithFaqDbAsync(host, db => db.RankingJudgements.AsNoTracking().SingleAsync(j => j.FaqId == faq.Id, ct));
        Assert.Equal((JudgementSource.EditorMapping, 1, query), (mapping.Source, mapping.Grade, mapping.Query));
        Assert.Equal(1, await LabelAsync(query, faq.Id, ct));
        var miss = await FaqTestData.WithFaqDbAsync(host, db => db.SearchMisses.AsNoTracking().SingleAsync(m => m.Id == missIds[0], ct));
        Assert.Equal(faq.Id, miss.HandledFaqId);
    }

    [Fact]
    public async Task Concurrent_TwoEditorsDecideSameGroupAndSameMiss_OnlyOneDecisionIsRecorded()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        using var editor = await host.SignInAsync("faq-editor", ct);
        using var admin = await host.SignInAsync("admin", ct);
        var faq = await FaqTestData.CreateAsync(host, ct);
        for (var round = 0; round < 4; round++)
        {
            var marker = EditorForms.Marker();
            var ids = await SeedAsync(faq.Id, $"{marker} 同時の判定", ct, JudgementSource.SearchClick, JudgementSource.SearchClick, JudgementSource.SiteFeedback);
            var missIds = await SeedMissesAsync($"{marker} 同時の下書き", 2, ct);

            // Act
            var responses = await Task.WhenAll(
                editor.PostAsJsonAsync(Decisions, new { groupIds = new[] { ids[0] }, decision = "accept" }, ct),
                admin.PostAsJsonAsync(Decisions, new { groupIds = new[] { ids[2] }, decision = "reject" }, ct),
                editor.PostAsync(new Uri($"/api/faq/ranking/review/misses/{missIds[0]}/draft", UriKind.Relative), null, ct),
                admin.PostAsync(new Uri($"/api/faq/ranking/review/misses/{missIds[1]}/draft", UriKind.Relative), null, ct));

            // Assert: one decision of each pair wins whole; the other is told so and writes nothing.
            var codes = responses.Select(r => r.StatusCode).ToList();
            Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, codes.Take(2).Order());
            Assert.Equal(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }, codes.Skip(2).Order());
            var decisions = await DecisionsOfAsync(ids, ct);
            Assert.Equal(3, decisions.Count);
            Assert.Single(decisions.Select(d => d.Grade).Distinct());
            Assert.Equal(1, await FaqTestData.WithFaqDbAsync(host, db => db.Faqs.CountAsync(f => f.Question == $"{marker} 同時の下書き", ct)));
            foreach (var r in responses)
                r.Dispose();
        }
    }

    [Fact]
    public async Task Access_OperatorAndAnonymous_AreRefusedOnPageAndApi()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var anonymous = host.CreateBrowserClient();
        using var agent = await host.SignInAsync("operator", ct);
        var api = new Uri("/api/faq/ranking/review", UriKind.Relative);
        var page = new Uri(QueuePage, UriKind.Relative);

        // Act
        using var anonymousPage = await anonymous.GetAsync(page, ct);
        using var anonymousApi = await anonymous.GetAsync(api, ct);
        using var anonymousDecide = await anonymous.PostAsJsonAsync(Decisions, new { groupIds = new[] { 1 }, decision = "reject" }, ct);
        using var agentPage = await agent.GetAsync(page, ct);
        using var agentApi = await agent.GetAsync(api, ct);
        using var agentSearch = await agent.GetAsync(new Uri("/api/faq/ranking/review/faqs?q=住民票", UriKind.Relative), ct);
        using var agentDecide = await agent.PostAsJsonAsync(Decisions, new { groupIds = new[] { 1 }, decision = "reject" }, ct);

        // Assert
        Assert.True(HubHost.IsRedirectTo(anonymousPage, "/account/login"), anonymousPage.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousDecide.StatusCode);
        Assert.True(HubHost.IsRedirectTo(agentPage, "/account/denied"), agentPage.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, agentApi.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentSearch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentDecide.StatusCode);
    }

    [Fact]
    public async Task List_BadFilter_Is400NamingEachParameter_PageSaysItInJapanese()
    {
        // Arrange
        var ct = TestTimeout.Token();
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        using var response = await editor.GetAsync(new Uri("/api/faq/ranking/review?source=nope&from=2026-13-01&category=x&page=0", UriKind.Relative), ct);
        var page = await editor.GetStringAsync(new Uri($"{QueuePage}?from=2026-12-06&to=2026-12-01", UriKind.Relative), ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("errors");
        Assert.Equal(new[] { "category", "from", "page", "source" }, errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("search_click", errors.GetProperty("source")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("終了日は", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#to\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaqSearch_StaffVariant_FindsFaqsOfEveryVisibility()
    {
        // Arrange: a center-only FAQ citizens' search would filter out.
        var ct = TestTimeout.Token();
        var marker = EditorForms.Marker();
        var faq = await FaqTestData.CreateAsync(host, ct, f => f.Visibility = FaqVisibility.Center, question: $"{marker} 窓口の内部手順");
        await FaqTestData.IndexAsync(host, ct, faq.Id);
        using var editor = await host.SignInAsync("faq-editor", ct);

        // Act
        var found = await editor.GetFromJsonAsync<JsonElement>(new Uri($"/api/faq/ranking/review/faqs?q={marker}", UriKind.Relative), ct);

        // Assert
        Assert.Contains(found.GetProperty("faqs").EnumerateArray(), f => f.GetProperty("faqId").GetGuid() == faq.Id);
        Assert.False(await EditorForms.IsFoundAsync(editor, marker, faq.Id, ct));
    }

    internal static async Task<List<long>> SeedAsync(HubHost host, Guid faqId, string query, CancellationToken ct, params JudgementSource[] sources) =>
        await FaqTestData.WithFaqDbAsync(host, async db =>
        {
            var now = DateTime.UtcNow;
            var rows = sources.Select((s, i) => new RankingJudgement(
                s,
                query,
                faqId,
                s is JudgementSource.AgentConfirmed or JudgementSource.SiteFeedback ? 2 : 1,
                s is JudgementSource.SearchClick or JudgementSource.SuggestionClick ? i + 1 : null,
                s is JudgementSource.AgentConfirmed ? Guid.NewGuid() : null,
                null,
                now.AddMinutes(i - sources.Length))).ToList();
            db.RankingJudgements.AddRange(rows);
            await db.SaveChangesAsync(ct);
            return rows.Select(r => r.Id).ToList();
        });

    private Task<List<long>> SeedAsync(Guid faqId, string query, CancellationToken ct, params JudgementSource[] sources) =>
        SeedAsync(host, faqId, query, ct, sources);

    private Task<List<long>> SeedMissesAsync(string query, int count, CancellationToken ct) =>
        FaqTestData.WithFaqDbAsync(host, async db =>
        {
            var rows = Enumerable.Range(0, count).Select(i => new FaqSearchMiss(query, SearchMissKind.ZeroHit, null, 0, SearchChannel.Site, DateTime.UtcNow.AddMinutes(-i))).ToList();
            db.SearchMisses.AddRange(rows);
            await db.SaveChangesAsync(ct);
            return rows.Select(r => r.Id).ToList();
        });

    private static string Text(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> ListAsync(HttpClient client, string query, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri("/api/faq/ranking/review?" + query, UriKind.Relative), ct);

    private Task<List<RankingJudgement>> DecisionsOfAsync(IReadOnlyList<long> candidateIds, CancellationToken ct) =>
        FaqTestData.WithFaqDbAsync(host, db => db.RankingJudgements.AsNoTracking()
            .Where(j => j.ReviewOfId != null && candidateIds.Contains(j.ReviewOfId.Value)).ToListAsync(ct));

    // What training reads: the labels built from every stored judgement.
    private async Task<int?> LabelAsync(string query, Guid faqId, CancellationToken ct)
    {
        var all = await FaqTestData.WithFaqDbAsync(host, db => db.RankingJudgements.AsNoTracking().OrderBy(j => j.Id).ToListAsync(ct));
        var labels = JudgementLabels.Build(all);
        return labels.TryGetValue(SynonymExpander.FoldForMatching(query), out var faqs) && faqs.TryGetValue(faqId.ToString("N"), out var grade) ? grade : null;
    }
}

public sealed class SqliteRankingReviewTests(SqliteHostFixture fixture) : RankingReviewTests(fixture.Host), IClassFixture<SqliteHostFixture>;

public sealed class PostgresRankingReviewTests(PostgresHostFixture fixture) : RankingReviewTests(fixture.Host), IClassFixture<PostgresHostFixture>;
