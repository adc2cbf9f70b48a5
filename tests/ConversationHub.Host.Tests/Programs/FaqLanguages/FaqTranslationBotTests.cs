using System.Text.Json;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs.FaqLanguages;

/// <summary>
/// The bot over real Direct Line for a citizen whose conversation is in English: a question in English is answered from
/// the English translation (link with <c>?lang=en</c>); a question only the Japanese search understands, about an FAQ
/// without an English translation, gets the Japanese answer under a note in English.
/// </summary>
public abstract class FaqTranslationBotTests(DatabaseProvider provider)
{
    [Fact]
    public async Task EnglishConversation_AnswersFromTranslation_ElseJapaneseWithNote()
    {
        // Arrange: the demo translates coupon-001 into English; coupon-007 has no English translation.
        var ct = TestTimeout.Token(240);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var (translatedId, translatedQuestion) = await FaqLanguageTestData.FaqAsync(host, "coupon-001", ct);
        var (plainId, plainQuestion) = await FaqLanguageTestData.FaqAsync(host, "coupon-007", ct);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        await ChooseLanguageAsync(host, Guid.Parse(citizen.ConversationId), "en", ct);

        // Act
        await citizen.SayAsync("What is the child-rearing support coupon?", "en-1", ct);
        var (afterFirst, _) = await citizen.PollUntilAsync(a => AnswerFor(a, translatedId) is not null, ct);
        await citizen.SayAsync("子育て応援クーポンはどこで使えますか？なくした場合は再発行できますか？", "en-2", ct);
        var (afterSecond, _) = await citizen.PollUntilAsync(a => AnswerFor(a, plainId) is not null, ct);

        // Assert
        var translated = DirectLineTestClient.TextOf(AnswerFor(afterFirst, translatedId)!.Value);
        Assert.Contains("**What is the Child-Rearing Support Coupon?**", translated, StringComparison.Ordinal);
        Assert.Contains("[Read more](" + FaqLanguageTestData.PagePath(translatedId, translatedQuestion, "en") + ")", translated, StringComparison.Ordinal);
        Assert.DoesNotContain("not yet available", translated, StringComparison.Ordinal);
        var fallback = DirectLineTestClient.TextOf(AnswerFor(afterSecond, plainId)!.Value);
        Assert.StartsWith("This answer is not yet available in English, so it is shown in Japanese.", fallback, StringComparison.Ordinal);
        Assert.Contains("**" + plainQuestion + "**", fallback, StringComparison.Ordinal);
        Assert.Contains(FaqLanguageTestData.PagePath(plainId, plainQuestion, "en"), fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JapaneseConversation_EnglishQuestion_NotAnsweredFromTranslations()
    {
        // Arrange: the default language is Japanese; translations are only for citizens who chose another language.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var (translatedId, _) = await FaqLanguageTestData.FaqAsync(host, "coupon-001", ct);
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await citizen.StartAsync(ct);
        await citizen.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);

        // Act
        await citizen.SayAsync("What is the child-rearing support coupon?", "ja-1", ct);
        var (activities, _) = await citizen.PollUntilAsync(a => a.Count(DirectLineTestClient.IsBotMessage) >= 2, ct);

        // Assert
        Assert.Null(AnswerFor(activities, translatedId));
        Assert.DoesNotContain(activities.Where(DirectLineTestClient.IsBotMessage), a => DirectLineTestClient.TextOf(a).Contains("What is the Child-Rearing Support Coupon?", StringComparison.Ordinal));
    }

    private static async Task ChooseLanguageAsync(HubHost host, Guid conversationId, string language, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var conversation = (await store.FindAsync(conversationId, ct))!;
        conversation.ChooseLanguage(language);
        await store.SaveAsync(conversation, ct);
    }

    private static JsonElement? AnswerFor(List<JsonElement> activities, Guid faqId) =>
        activities.Where(DirectLineTestClient.IsBotMessage)
            .Where(a => a.TryGetProperty("channelData", out var data) && data.TryGetProperty(Bot.Engine.BotActivities.FaqIdKey, out var id) && id.GetString() == faqId.ToString())
            .Select(a => (JsonElement?)a)
            .FirstOrDefault();
}

public sealed class SqliteFaqTranslationBotTests() : FaqTranslationBotTests(DatabaseProvider.Sqlite);

public sealed class PostgresFaqTranslationBotTests() : FaqTranslationBotTests(DatabaseProvider.Postgres);
