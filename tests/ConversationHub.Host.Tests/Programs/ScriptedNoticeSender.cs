using System.Collections.Concurrent;
using ConversationHub.Core.Persistence;
using ConversationHub.Core.Programs;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// An SMS channel of the tests' own, shared by every node it is given to: it records every call (address, text, notice
/// id, outcome) and answers as <see cref="Behaviour"/> says for the n-th call (1-based): true, false (refused) or throw.
/// </summary>
internal sealed class ScriptedNoticeSender : ICitizenNoticeSender
{
    private int _calls;

    public Func<int, Task<bool>> Behaviour { get; set; } = _ => Task.FromResult(true);

    public ConcurrentQueue<(Guid NoticeId, string Address, string Text, bool Accepted)> Calls { get; } = new();

    public ReservationContactChannel Channel => ReservationContactChannel.Sms;

    public bool IsAvailable => true;

    /// <summary>The notices the channel accepted, by notice id.</summary>
    public IReadOnlyDictionary<Guid, int> Accepted => Calls.Where(c => c.Accepted).GroupBy(c => c.NoticeId).ToDictionary(g => g.Key, g => g.Count());

    public async Task<bool> SendAsync(string address, string text, Guid noticeId, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _calls);
        var accepted = false;
        try
        {
            accepted = await Behaviour(n);
            return accepted;
        }
        finally
        {
            Calls.Enqueue((noticeId, address, text, accepted));
        }
    }

    /// <summary>A host like <see cref="ReservationTestData.Start"/> whose SMS notices go to <paramref name="sender"/>.</summary>
    public static HubHost Start(TestDatabase database, TimeProvider clock, ScriptedNoticeSender sender, Core.Security.PiiProtectionOptions? pii = null, IDictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.Ordinal) { ["Programs:Reservations:Enabled"] = "false" };
        return HubHost.Start(database, ownsDatabase: false, pii ?? TestPii.CreateOptions(), overrides, s =>
        {
            s.AddSingleton(clock);
            // In place of the voice bridge's SMS sender (which the test host points at a stand-in ACS).
            s.RemoveAll<ICitizenNoticeSender>();
            s.AddScoped<ICitizenNoticeSender>(_ => sender);
        });
    }
}
