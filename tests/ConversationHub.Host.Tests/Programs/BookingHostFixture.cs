using ConversationHub.Core.Persistence;
using ConversationHub.Host.Tests.DirectLine;
using ConversationHub.Host.Tests.Infrastructure;
using ConversationHub.Testing;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>
/// One platform for the booking dialogue's tests, its clock running from Monday 7 December 2026, 09:00 in Japan (the
/// days of <see cref="ReservationTestData"/>'s slots) while time passes, so the workers' delays still run out. Each test
/// makes its own program.
/// </summary>
public abstract class BookingHostFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    public HubHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider, TestTimeout.Token(120));
        Host = ReservationTestData.Start(_database, new RunningClock(ReservationTestData.Monday9am), settings: DirectLineHostFixture.Settings());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _database!.DisposeAsync();
    }
}

public sealed class SqliteBookingHostFixture() : BookingHostFixture(DatabaseProvider.Sqlite);

public sealed class PostgresBookingHostFixture() : BookingHostFixture(DatabaseProvider.Postgres);

/// <summary>A clock that starts at <c>start</c> and runs at the real pace.</summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
