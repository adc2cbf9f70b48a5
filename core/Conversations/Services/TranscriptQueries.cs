using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Persistence;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ConversationHub.Core.Conversations.Services;

/// <summary>
/// The transcript's queries that run several times per citizen message (the post, the bot's turn, each stream's
/// wake-up), compiled once. PERF: EF otherwise walks and hashes each query's expression tree on every call to find
/// its cached plan, which in the <c>bot load</c> profile cost more than running the SQL.
/// </summary>
internal static class TranscriptQueries
{
    public static readonly PerModel<Func<HubDbContext, Guid, CancellationToken, Task<Conversation?>>> Conversation = new(() =>
        EF.CompileAsyncQuery((HubDbContext db, Guid conversationId, CancellationToken _) =>
            db.Conversations.FirstOrDefault(c => c.Id == conversationId)));

    public static readonly PerModel<Func<HubDbContext, Guid, long, int, IAsyncEnumerable<TranscriptActivity>>> After = new(() =>
        EF.CompileAsyncQuery((HubDbContext db, Guid conversationId, long afterSequence, int max) =>
            db.Activities.AsNoTracking()
                .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
                .OrderBy(a => a.Sequence)
                .Take(max)));

    public static readonly PerModel<Func<HubDbContext, Guid, long, CancellationToken, Task<TranscriptActivity?>>> At = new(() =>
        EF.CompileAsyncQuery((HubDbContext db, Guid conversationId, long sequence, CancellationToken _) =>
            db.Activities.AsNoTracking().FirstOrDefault(a => a.ConversationId == conversationId && a.Sequence == sequence)));

    public static readonly PerModel<Func<HubDbContext, Guid, string, CancellationToken, Task<TranscriptActivity?>>> ByClientId = new(() =>
        EF.CompileAsyncQuery((HubDbContext db, Guid conversationId, string clientActivityId, CancellationToken _) =>
            db.Activities.AsNoTracking().FirstOrDefault(a => a.ConversationId == conversationId && a.ClientActivityId == clientActivityId)));

    public static readonly PerModel<Func<HubDbContext, Guid, CancellationToken, Task<SequenceAndChannel>>> LastSequence = new(() =>
        EF.CompileAsyncQuery((HubDbContext db, Guid conversationId, CancellationToken _) =>
            db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
                .Select(c => new SequenceAndChannel(c.LastSequence, c.Channel, c.ProgramId)).Single()));

    public static readonly PerModel<Func<HubDbContext, Guid, long, CancellationToken, Task<DateTime?>>> TimestampAt = new(() =>
        EF.CompileAsyncQuery((HubDbContext db, Guid conversationId, long sequence, CancellationToken _) =>
            db.Activities.AsNoTracking()
                .Where(a => a.ConversationId == conversationId && a.Sequence == sequence)
                .Select(a => (DateTime?)a.TimestampUtc)
                .SingleOrDefault()));

    internal sealed record SequenceAndChannel(long LastSequence, ConversationChannel Channel, Guid? ProgramId);

    /// <summary>
    /// A compiled query per EF model: a compiled query refuses a context of another model, and one process can hold
    /// several (tests run SQLite and PostgreSQL hosts, each model captures its host's PII protector). A node has one.
    /// </summary>
    internal sealed class PerModel<TQuery>(Func<TQuery> compile)
        where TQuery : class
    {
        private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

        public TQuery For(HubDbContext db) => _byModel.GetValue(db.Model, _ => compile());
    }
}
