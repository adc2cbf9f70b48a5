using System.Data;
using System.Data.Common;
using System.Globalization;
using ConversationHub.Core.ContactEvents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConversationHub.Core.ContactEvents.Services;

// One INSERT … ON CONFLICT DO NOTHING per event (both SQLite and PostgreSQL have the clause), so a duplicate neither
// fails nor aborts the producer's transaction. Raw SQL because the producer's context (handoff's, voice's) does not map
// this table; the values are written the way EF Core stores them in each provider, which the tests read back with EF.
internal sealed class ContactEventRecorder : IContactEventRecorder
{
    private const string Insert = """
        INSERT INTO contact_events ("SourceKey", "Kind", "OccurredAtUtc", "Channel", "ConversationId", "CaseId", "FaqId",
            "DepartmentId", "AgentId", "WaitMs", "Category", "ProgramId", "WrapUpCode", "Satisfaction", "RolledUp")
        VALUES (@key, @kind, @at, @channel, @conversation, @case, @faq, @department, @agent, @wait, @category, @program,
            @wrapUp, @satisfaction, @rolledUp)
        ON CONFLICT ("SourceKey") DO NOTHING
        """;

    public async Task<int> RecordAsync(DbContext db, IReadOnlyList<ContactEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return 0;
        }

        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var stored = 0;
            foreach (var contactEvent in events)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = Insert;
                Bind(command, contactEvent, sqlite);
                stored += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return stored;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static void Bind(DbCommand command, ContactEvent e, bool sqlite)
    {
        Add(command, "@key", e.SourceKey);
        Add(command, "@kind", e.Kind.ToString());
        Add(command, "@at", sqlite ? SqliteTime(e.OccurredAtUtc) : DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc));
        Add(command, "@channel", e.Channel.ToString());
        Add(command, "@conversation", Id(e.ConversationId, sqlite));
        Add(command, "@case", Id(e.CaseId, sqlite));
        Add(command, "@faq", e.FaqId);
        Add(command, "@department", Id(e.DepartmentId, sqlite));
        Add(command, "@agent", Id(e.AgentId, sqlite));
        Add(command, "@wait", e.WaitMs);
        Add(command, "@category", e.Category);
        Add(command, "@program", Id(e.ProgramId, sqlite));
        Add(command, "@wrapUp", e.WrapUpCode);
        Add(command, "@satisfaction", e.Satisfaction);
        Add(command, "@rolledUp", false);
    }

    // EF Core's SQLite provider stores a Guid as upper-case text and a DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF".
    private static object? Id(Guid? id, bool sqlite) => id is not { } value ? null : sqlite ? value.ToString().ToUpperInvariant() : value;

    private static string SqliteTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
