using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Handoff;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConversationHub.Host.Tests.Handoff;

/// <summary>
/// The queue's answer to the bot with its clock set explicitly: outside the business calendar's hours no person is
/// offered, even with agents signed in; inside them, with nobody signed in, neither.
/// </summary>
public sealed class HandoffDeskCalendarTests(HandoffHostFixture fixture) : IClassFixture<HandoffHostFixture>
{
    [Theory]
    [InlineData("2026-11-28T10:00:00+09:00")] // Saturday
    [InlineData("2026-12-30T10:00:00+09:00")] // 年末年始
    [InlineData("2026-11-25T07:59:00+09:00")] // before 08:30 on a Wednesday
    public async Task OutsideHours_IsClosed_EvenWithAnAgentSignedIn(string nowJst)
    {
        var ct = TestTimeout.Token(60);
        await using var agent = await AgentClient.ConnectAsync(fixture.Host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        var check = await CheckAtAsync(DateTimeOffset.Parse(nowJst, System.Globalization.CultureInfo.InvariantCulture), ct);

        Assert.Equal(HandoffAvailability.Closed, check.Availability);
    }

    [Fact]
    public async Task InsideHours_WithNobodySignedIn_HasNoAgents()
    {
        var ct = TestTimeout.Token(60);

        var check = await CheckAtAsync(DateTimeOffset.UtcNow, ct);

        Assert.Equal(HandoffAvailability.NoAgents, check.Availability);
    }

    [Fact]
    public async Task InsideHours_WithAnAgentSignedIn_IsAvailable_WithAnEstimate()
    {
        var ct = TestTimeout.Token(60);
        await using var agent = await AgentClient.ConnectAsync(fixture.Host, "operator", ct);
        Assert.True((await agent.AvailableAsync(ct)).Ok);

        var check = await CheckAtAsync(DateTimeOffset.UtcNow, ct);

        Assert.Equal(HandoffAvailability.Available, check.Availability);
        Assert.True(check.EstimatedWait > TimeSpan.Zero);
    }

    // The desk the bot asks, built from the host's services with its clock at `now`; the fixture's calendar is open
    // all day around the real date only, so the fixed dates above fall under the weekly hours and holidays.
    private async Task<HandoffCheck> CheckAtAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IHandoffDesk>().CheckAsync(ConversationChannel.WebChat, null, now, ct);
    }
}
