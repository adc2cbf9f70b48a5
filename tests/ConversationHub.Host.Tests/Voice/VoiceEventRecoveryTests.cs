using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.VoiceBridge.Acs;
using ConversationHub.VoiceBridge.Acs.Wire;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ConversationHub.Host.Tests.Voice.CallerScript;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>
/// An event acknowledged by a node that stopped before handling it stays in the ledger (encrypted) and is taken over
/// once its claim runs out: the call is still answered; handled events lose their payload.
/// </summary>
public sealed class VoiceEventRecoveryTests
{
    [Fact]
    public async Task IncomingCallAcknowledgedByAStoppedNode_IsTakenOverAndAnswered()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        // Event Grid's notification goes nowhere: only the ledger row (as the stopped node left it) knows the call.
        var settings = HandoffSettings.OpenAllDay(new Dictionary<string, string?> { ["Voice:Simulator:EventGridUrl"] = "http://127.0.0.1:9/lost" });
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, settings, ct);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();
        var call = phone.PlaceCall(Caller, City)!;

        var incoming = new IncomingCall("lost-event-1", CommunicationIdentifierModel.ForPhoneNumber(City), CommunicationIdentifierModel.ForPhoneNumber(Caller),
            call.IncomingCallContext!, call.ServerCallId, call.CorrelationId, null);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
            var pii = scope.ServiceProvider.GetRequiredService<IPiiProtector>();
            db.ProcessedEvents.Add(new ProcessedVoiceEvent
            {
                Source = VoiceEventLedger.EventGrid,
                EventId = incoming.EventId,
                Type = AcsEventGridReader.IncomingCallType,
                ReceivedAtUtc = DateTime.UtcNow.AddSeconds(-2),
                Payload = pii.Protect(VoiceEventJson.Write(incoming), VoiceEventLedger.PayloadPurpose),
                ClaimedUntilUtc = DateTime.UtcNow.AddSeconds(-1),
            });
            await db.SaveChangesAsync(ct);
            var row = await db.ProcessedEvents.AsNoTracking().SingleAsync(e => e.EventId == incoming.EventId, ct);
            Assert.DoesNotContain(Caller, row.Payload, StringComparison.Ordinal);
        }

        await HearUntilAsync(phone, call, h => h.Heard("お電話ありがとうございます"), ct);
        var handled = await Eventually.UntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().ProcessedEvents.AsNoTracking()
                .FirstOrDefaultAsync(e => e.EventId == incoming.EventId && e.HandledAtUtc != null, ct);
        }, "the event marked handled", ct);
        Assert.Null(handled!.Payload);
        phone.HangUp(call);
    }
}
