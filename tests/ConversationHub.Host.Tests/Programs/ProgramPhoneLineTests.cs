using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.Handoff;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Host.Tests.Voice;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>A call to a program's number on the embedded stand-in ACS: the call's conversation carries the program.</summary>
public sealed class ProgramPhoneLineTests
{
    [Fact]
    public async Task Call_ToProgramsNumber_ConversationCarriesTheProgram()
    {
        // Arrange: the demo city's line is the program's number.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(), ct);
        var program = await ProgramSeed.AddAsync(host, "phone", -1, 30, ct, p => p.PhoneNumbers = CallerScript.City);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();

        // Act
        var call = phone.PlaceCall(CallerScript.Caller, CallerScript.City)!;
        await CallerScript.HearUntilAsync(phone, call, h => h.Any(p => p.Content.Contains("お電話ありがとうございます", StringComparison.Ordinal)), ct);

        // Assert
        await using var scope = host.Services.CreateAsyncScope();
        var conversationId = await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Calls.AsNoTracking().Select(c => c.ConversationId).SingleAsync(ct);
        var conversation = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, ct);
        Assert.Equal(program.Id, conversation.ProgramId);
    }

    [Fact]
    public async Task Call_ToAnEndedProgramsNumber_PlaysTheProgramsEndMessageAndCarriesNoProgram()
    {
        // Arrange: the demo city's line is the number of a program whose service ended yesterday.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var host = await HubHost.StartAsync(DatabaseProvider.Sqlite, HandoffSettings.OpenAllDay(), ct);
        await ProgramSeed.AddAsync(host, "phoneended", -30, -1, ct, p => p.PhoneNumbers = CallerScript.City);
        var phone = host.Services.GetRequiredService<SimulatedPhone>();

        // Act
        var call = phone.PlaceCall(CallerScript.Caller, CallerScript.City)!;
        var heard = await CallerScript.HearUntilAsync(phone, call, h => h.Any(p => p.Content.Contains("phoneended の受付は終了しました。", StringComparison.Ordinal)), ct);

        // Assert: the program's message and guidance, not the city's greeting and menu; the call is no program's.
        var prompt = heard.First(p => p.Content.Contains("phoneended の受付は終了しました。", StringComparison.Ordinal)).Content;
        Assert.Contains("お問い合わせは市民課（電話 0120-000-000）へどうぞ。", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(heard, p => p.Content.Contains("お電話ありがとうございます", StringComparison.Ordinal));
        await using var scope = host.Services.CreateAsyncScope();
        var conversationId = await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Calls.AsNoTracking().Select(c => c.ConversationId).SingleAsync(ct);
        var conversation = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Conversations.AsNoTracking().SingleAsync(c => c.Id == conversationId, ct);
        Assert.Null(conversation.ProgramId);
    }
}
