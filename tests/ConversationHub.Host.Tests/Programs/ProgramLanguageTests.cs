using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConversationHub.Core.Persistence;
using ConversationHub.Handoff.Persistence;
using ConversationHub.Handoff.Programs.Languages;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// A program in English, Chinese and Korean (issue 19) over real Direct Line: the greeting offers the program's languages,
/// each named in itself; a pick moves the conversation to that language, kept in the database, and the bot's prompts and
/// buttons follow (Japanese typed words still work); a text without a translation shows the Japanese with a note; the
/// entry's <c>?lang=</c> starts in a language the program has, and ignores others.
/// </summary>
public abstract class ProgramLanguageTests(DatabaseProvider provider)
{
    private const string Note = "(This information is available in Japanese only.)";

    [Fact]
    public async Task ChoosingEnglish_InAProgramConversation_TheBotSpeaksEnglish()
    {
        // Arrange: a program in four languages with no English name yet.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        await ProgramSeed.AddAsync(host, "lang", -1, 10, ct, p => p.Languages = "ja,en,zh,ko");
        using var citizen = new DirectLineTestClient(host.CreateClient());
        await ProgramSeed.EnterAsync(citizen, "lang", ct);
        await citizen.StartAsync(ct);
        var (greeting, watermark) = await citizen.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);

        // Act: English, then はい typed in Japanese.
        await citizen.SayAsync("English", "lang-1", ct);
        var english = await NextBotMessageAsync(citizen, watermark, ct);
        await citizen.SayAsync("はい", "lang-2", ct);
        var thanks = await NextBotMessageAsync(citizen, english.Watermark, ct);

        // Assert
        var first = greeting.First(DirectLineTestClient.IsBotMessage);
        Assert.Contains("「テスト施策 lang」", DirectLineTestClient.TextOf(first), StringComparison.Ordinal);
        Assert.Equal(["日本語", "English", "中文", "한국어"], Buttons(first));
        Assert.StartsWith("Hello. This chatbot answers questions about \"テスト施策 lang\".", DirectLineTestClient.TextOf(english.Activity), StringComparison.Ordinal);
        Assert.EndsWith(Note, DirectLineTestClient.TextOf(english.Activity), StringComparison.Ordinal);
        Assert.Equal("en-US", english.Activity.GetProperty("locale").GetString());
        Assert.StartsWith("Glad it helped.", DirectLineTestClient.TextOf(thanks.Activity), StringComparison.Ordinal);
        Assert.Equal("en", await LanguageOfAsync(host, Guid.Parse(citizen.ConversationId), ct));
    }

    [Fact]
    public async Task TranslatedName_IsShownWithoutNote_AndAMissingEndMessageFallsBackToJapaneseWithNote()
    {
        // Arrange: an English name for a program in service, and an ended program with no English end message.
        var ct = TestTimeout.Token(180);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        var program = await ProgramSeed.AddAsync(host, "named", -1, 10, ct, p => p.Languages = "ja,en");
        var ended = await ProgramSeed.AddAsync(host, "over", -30, -1, ct, p => { p.Languages = "ja,en"; p.LineKeyword = "overkw"; });
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HandoffDbContext>();
            db.ProgramTexts.Add(new ProgramText(program.Id, "en", DateTime.UtcNow) { Name = "Coupon for families", Version = 1 });
            db.ProgramTexts.Add(new ProgramText(ended.Id, "en", DateTime.UtcNow) { AfterEndGuidance = "Please call the Citizens Division.", Version = 1 });
            await db.SaveChangesAsync(ct);
        }

        var entered = await GenerateAsync(host, "/v3/directline/tokens/generate?program=named&lang=en", ct);
        using var citizen = new DirectLineTestClient(host.CreateClient()) { ConversationId = entered.Id, Token = entered.Token };

        // Act
        await citizen.StartAsync(ct);
        var greeting = await NextBotMessageAsync(citizen, "", ct);
        await citizen.SayAsync("overkw", "over-1", ct);
        var endMessage = await NextBotMessageAsync(citizen, greeting.Watermark, ct);

        // Assert: the name translated, no note; the end message in Japanese, the guidance in English, one note.
        var text = DirectLineTestClient.TextOf(greeting.Activity);
        Assert.Contains("\"Coupon for families\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Note, text, StringComparison.Ordinal);
        Assert.Equal("over の受付は終了しました。\n\nPlease call the Citizens Division.\n\n" + Note, DirectLineTestClient.TextOf(endMessage.Activity));
    }

    [Fact]
    public async Task LangEntry_StartsInTheProgramsLanguage_AndIgnoresOthers()
    {
        // Arrange
        var ct = TestTimeout.Token(120);
        await using var host = await HubHost.StartAsync(provider, null, ct);
        await ProgramSeed.AddAsync(host, "kolang", -1, 10, ct, p => p.Languages = "ja,ko");

        // Act
        var korean = await GenerateAsync(host, "/v3/directline/tokens/generate?program=kolang&lang=ko", ct);
        var notTheProgramsLanguage = await GenerateAsync(host, "/v3/directline/tokens/generate?program=kolang&lang=en", ct);
        var noProgram = await GenerateAsync(host, "/v3/directline/tokens/generate?lang=ko", ct);
        using var citizen = new DirectLineTestClient(host.CreateClient()) { ConversationId = korean.Id, Token = korean.Token };
        await citizen.StartAsync(ct);
        var greeting = await NextBotMessageAsync(citizen, "", ct);
        var page = await host.CreateClient().GetStringAsync(new Uri("/?program=kolang&lang=ko", UriKind.Relative), ct);

        // Assert
        Assert.Equal("ko", await LanguageOfAsync(host, Guid.Parse(korean.Id), ct));
        Assert.Equal("ja", await LanguageOfAsync(host, Guid.Parse(notTheProgramsLanguage.Id), ct));
        Assert.Equal("ja", await LanguageOfAsync(host, Guid.Parse(noProgram.Id), ct));
        Assert.StartsWith("안녕하세요.", DirectLineTestClient.TextOf(greeting.Activity), StringComparison.Ordinal);
        Assert.Contains("data-lang=\"ko\"", page, StringComparison.Ordinal);
    }

    internal static string[] Buttons(JsonElement activity) =>
        [.. activity.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];

    internal static async Task<(JsonElement Activity, string Watermark)> NextBotMessageAsync(DirectLineTestClient citizen, string watermark, CancellationToken ct)
    {
        while (true)
        {
            var (activities, next) = await citizen.GetActivitiesAsync(watermark, ct);
            if (activities.FirstOrDefault(DirectLineTestClient.IsBotMessage) is { ValueKind: JsonValueKind.Object } message)
            {
                return (message, next);
            }

            watermark = next;
            await Task.Delay(100, ct);
        }
    }

    internal static async Task<string> LanguageOfAsync(HubHost host, Guid conversationId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HubDbContext>().Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId).Select(c => c.Language).SingleAsync(ct);
    }

    private static async Task<(string Id, string Token)> GenerateAsync(HubHost host, string path, CancellationToken ct)
    {
        using var client = host.CreateClient();
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), null, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
    }
}

public sealed class SqliteProgramLanguageTests() : ProgramLanguageTests(DatabaseProvider.Sqlite);

public sealed class PostgresProgramLanguageTests() : ProgramLanguageTests(DatabaseProvider.Postgres);
