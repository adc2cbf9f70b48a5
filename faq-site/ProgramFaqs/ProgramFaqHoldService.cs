using ConversationHub.Core.Events;
using ConversationHub.Core.Operations;
using ConversationHub.Core.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Faq.ProgramFaqs;

/// <summary>
/// Keeps the program holds current: once at start, at once when an administrator saves a program
/// (<see cref="IProgramFaqRules.ChangedTopic"/>, from any node), and every <see cref="Interval"/> for programs written
/// by other means (imports, seeding). The hold's time does the hiding itself, so nothing needs to run at an end of service.
/// </summary>
internal sealed class ProgramFaqHoldService(IServiceScopeFactory scopes, IHubEvents events, TimeProvider time, ILogger<ProgramFaqHoldService> logger)
    : RecurringPassService(time, logger)
{
    // One sync at a time on this node: an event arriving during the timer's pass waits for it.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IDisposable? _subscription;

    protected override bool Enabled => true;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override string PassName => "program FAQ holds";

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = events.Subscribe(IProgramFaqRules.ChangedTopic, (_, ct) => RunPassAsync(ct));
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ProgramFaqHoldSync>().RunAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
