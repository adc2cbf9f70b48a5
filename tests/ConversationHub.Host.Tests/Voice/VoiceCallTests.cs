using System.Globalization;
using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConversationHub.Host.Tests.Voice.CallerScript;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>Whole calls on the embedded default: the stand-in ACS on the host, our client and callbacks wired to it with no voice settings.</summary>
public sealed class VoiceCallTests
{
    [Fact]
    public async Task Call_OutOfHours_HearsTheNextOpeningAndEnds()
    {
        // Arrange: closed today and the next days, so the next opening lies ahead.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            settings[$"Calendar:Closures:{i}:Date"] = today.AddDays(i - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();

        // Act
        var call = phone.PlaceCall(Caller, City)!;
        var heard = await HearUntilAsync(phone, call, h => h.Any(p => p.Content.Contains("受付時間外", StringComparison.Ordinal)), ct);
        await Eventually.UntilAsync(() => call.State == "disconnected" ? "gone" : null, "hang-up", ct);

        // Assert
        Assert.Contains(heard, p => p.Content.Contains("次の受付は", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_Open_MenuRepeatQuestionAnsweredAndSmsSent()
    {
        // Arrange
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(), ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var acs = host.Services.GetRequiredService<AcsStandIn>();

        // Act + Assert: greeting and menu.
        var call = phone.PlaceCall(Caller, City)!;
        var heard = await HearUntilAsync(phone, call, h => h.Any(p => p.Content.Contains("お電話ありがとうございます", StringComparison.Ordinal)), ct);
        var first = heard.Count;

        // 9: the menu again.
        Assert.True(phone.PressKeys(call, "9"));
        heard = await HearUntilAsync(phone, call, h => h.Count > first && h.Skip(first).Any(p => p.Content.Contains("お電話ありがとうございます", StringComparison.Ordinal)), ct);
        var second = heard.Count;

        // A spoken question: the answer (for the ear, no URL) and the SMS offer.
        phone.Say(call, "住民票の写しを取りたい");
        heard = await HearUntilAsync(phone, call, h => h.Skip(second).Any(p => p.OperationContext == "sms_offer"), ct);
        var answer = heard.Skip(second).First(p => p.OperationContext == "answer");
        Assert.Contains("住民票", answer.Content, StringComparison.Ordinal);
        // The spoken words (the SSML's text, not its namespace) hold no address.
        var spoken = System.Xml.Linq.XDocument.Parse(answer.Content).Root!.Value;
        Assert.Contains("住民票", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("http", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("/faq/", spoken, StringComparison.Ordinal);

        // 1: the FAQ's address by SMS to the caller.
        Assert.True(phone.PressKeys(call, "1"));
        var sms = await Eventually.UntilAsync(() => acs.Sms.FirstOrDefault(s => s.To == Caller), "SMS", ct);
        Assert.Contains("/faq/", sms!.Message, StringComparison.Ordinal);
        Assert.Empty(AcsOpenApiSchemas.ValidateAll(acs.Operations));

        // The transcript holds the question and the answer; the caller's number is nowhere in clear.
        using var scope = host.Services.CreateScope();
        var voice = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
        var row = await voice.Calls.SingleAsync(ct);
        Assert.DoesNotContain(Caller, row.CallerEncrypted, StringComparison.Ordinal);
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        var conversation = await store.FindAsync(row.ConversationId, ct);
        Assert.Equal(ConversationChannel.Voice, conversation!.Channel);
        Assert.NotEqual(Caller, conversation.CitizenKey);
        var transcript = await store.ReadAsync(row.ConversationId, 0, 200, ct);
        Assert.Contains(transcript, a => a.Direction == ActivityDirection.Inbound && TextOf(a.ActivityJson) == "住民票の写しを取りたい");
        Assert.Contains(transcript, a => a.Direction == ActivityDirection.Outbound && a.ActivityJson.Contains("hub:faqId", StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, a => a.ActivityJson.Contains(Caller, StringComparison.Ordinal));
    }

    private static string? TextOf(string activityJson) =>
        System.Text.Json.JsonDocument.Parse(activityJson).RootElement.TryGetProperty("text", out var text) ? text.GetString() : null;
}
