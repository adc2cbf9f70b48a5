using System.Text.Json;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Search.Misses;
using ConversationHub.Faq.Search.Service;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConversationHub.Host.Tests.DirectLine;

/// <summary>A field picked from the greeting scopes the bot's search, until a question needs the whole FAQ.</summary>
public sealed class CategoryScopeTests(DirectLineHostFixture fixture) : IClassFixture<DirectLineHostFixture>
{
    private const string Field = "税";

    [Fact]
    public async Task PickedCategory_ScopesSearch_AndFallsBackToTheWholeFaqWhenNothingFits()
    {
        // Arrange: a question whose best match in the whole FAQ lies outside 税, but which 税 answers well.
        var ct = TestTimeout.Token(90);
        var fieldId = await FieldIdAsync(ct);
        var question = ScopedQuestion(fieldId);
        using var client = new DirectLineTestClient(fixture.Host.CreateClient());
        await client.StartAsync(ct);
        var (greeting, _) = await client.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        Assert.Contains(Field, Titles(greeting.First(DirectLineTestClient.IsBotMessage)));

        // Act
        var picked = await client.SayAsync(Field, "scope-1", ct);
        var asked = await client.SayAsync(question, "scope-2", ct);
        var outside = await client.SayAsync("粗大ごみの出し方を教えてください", "scope-3", ct);
        var (activities, _) = await client.PollUntilAsync(a => a.Any(x => IsAnswerTo(x, outside)), ct);

        // Assert: the pick is acknowledged with a way out; the answer comes from 税; the unrelated question is
        // answered from the whole FAQ, and the bot says it widened the search.
        var ack = activities.Single(x => DirectLineTestClient.IsBotMessage(x) && ReplyTo(x) == picked);
        Assert.Contains($"「{Field}」の分野から", DirectLineTestClient.TextOf(ack), StringComparison.Ordinal);
        Assert.Contains("すべての分野から探す", Titles(ack));

        var scopedAnswer = activities.Single(x => IsAnswerTo(x, asked));
        Assert.Contains(fieldId, CategoriesOf(scopedAnswer));
        Assert.DoesNotContain("見つからなかったため", DirectLineTestClient.TextOf(scopedAnswer), StringComparison.Ordinal);

        var widened = activities.Single(x => IsAnswerTo(x, outside));
        Assert.StartsWith($"「{Field}」の分野では見つからなかったため、すべての分野から探しました。", DirectLineTestClient.TextOf(widened), StringComparison.Ordinal);
        Assert.Contains("粗大ごみ", DirectLineTestClient.TextOf(widened), StringComparison.Ordinal);
        Assert.DoesNotContain(fieldId, CategoriesOf(widened));
    }

    private async Task<Guid> FieldIdAsync(CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var faq = scope.ServiceProvider.GetRequiredService<FaqDbContext>();
        return await faq.Categories.Where(c => c.Kind == FaqCategoryKind.Field && c.Name == Field).Select(c => c.Id).SingleAsync(ct);
    }

    // Picked from the demo data at run time, so the test keeps proving that the scope changes the answer.
    private string ScopedQuestion(Guid fieldId)
    {
        var search = fixture.Host.Services.GetRequiredService<FaqSearchService>();
        var threshold = fixture.Host.Services.GetRequiredService<IOptions<FaqSearchOptions>>().Value.LowConfidenceScore;
        string[] candidates = ["口座振替にしたい", "証明書はどこで取れますか", "減免はありますか", "通知書の送付先を変更したい", "支払い方法を教えて", "亡くなった家族の手続き"];
        return candidates.FirstOrDefault(q =>
                search.Search(q, FaqAudience.Public, top: 1) is [var whole] && !search.CategoryIdsOf(whole.FaqId).Contains(fieldId)
                && search.Search(q, FaqAudience.Public, fieldId, top: 1) is [var scoped] && scoped.Score >= threshold)
            ?? throw new InvalidOperationException("No candidate question separates the scoped from the whole search in the demo data.");
    }

    private List<Guid> CategoriesOf(JsonElement answer)
    {
        var faqId = Guid.Parse(answer.GetProperty("channelData").GetProperty("hub:faqId").GetString()!);
        return [.. fixture.Host.Services.GetRequiredService<FaqSearchService>().CategoryIdsOf(faqId)];
    }

    private static string ReplyTo(JsonElement activity) => activity.TryGetProperty("replyToId", out var r) ? r.GetString() ?? "" : "";

    private static bool IsAnswerTo(JsonElement activity, string id) =>
        DirectLineTestClient.IsBotMessage(activity) && ReplyTo(activity) == id && activity.TryGetProperty("channelData", out var data) && data.TryGetProperty("hub:faqId", out _);

    private static List<string> Titles(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var actions)
            ? [.. actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)]
            : [];
}
