using ConversationHub.Core.Persistence;
using Microsoft.Extensions.Options;

namespace ConversationHub.Core.Conversations.Services;

/// <summary>
/// On SQLite, lets one of this process's transcript writes run at a time, waiting asynchronously for its turn.
/// SQLite has a single writer anyway; without the gate, concurrent turns waited for its lock inside SQLite's busy
/// handler, each holding a thread-pool thread asleep (in whole seconds where the native library lacks usleep), which
/// starved the threads that would have finished the holder's transaction (issue 5, <c>bot load</c>: reply p99 in
/// seconds). PostgreSQL locks per conversation row, so there the gate is open.
/// </summary>
internal sealed class TranscriptWriteGate(DatabaseProvider provider)
{
    private readonly SemaphoreSlim? _sqliteWriter = provider == DatabaseProvider.Sqlite ? new(1, 1) : null;

    public TranscriptWriteGate(IOptions<DatabaseOptions> database)
        : this(database?.Value.ParsedProvider ?? throw new ArgumentNullException(nameof(database)))
    {
    }

    /// <summary>Waits for the gate; disposing the result opens it again.</summary>
    public async ValueTask<Passage> EnterAsync(CancellationToken cancellationToken)
    {
        if (_sqliteWriter is null)
        {
            return default;
        }

        await _sqliteWriter.WaitAsync(cancellationToken);
        return new Passage(_sqliteWriter);
    }

    /// <summary>Held while writing; <see cref="Dispose"/> lets the next writer in.</summary>
    internal readonly struct Passage(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
