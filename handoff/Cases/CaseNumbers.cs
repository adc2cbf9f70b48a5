using System.Data.Common;
using ConversationHub.Core.Calendar;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConversationHub.Handoff.Cases;

/// <summary>
/// Gives case numbers without gaps, also with several nodes: the year's counter row is incremented inside the
/// transaction that inserts the case. PostgreSQL holds the row's lock until that transaction ends (a second node waits,
/// then reads the committed value); SQLite has one writer at a time. A rolled-back case gives its number back.
/// </summary>
internal static class CaseNumbers
{
    /// <summary>The year a case made at <paramref name="nowUtc"/> is numbered in (Japan's calendar year).</summary>
    public static int YearOf(DateTime nowUtc) => JapanTime.ToJapan(new DateTimeOffset(nowUtc, TimeSpan.Zero)).Year;

    /// <summary>The next sequence of <paramref name="year"/>; call inside the transaction that saves the case.</summary>
    public static async Task<int> NextAsync(HandoffDbContext db, int year, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Case numbers are given inside the transaction that saves the case.");
        await using (var insert = Command(connection, transaction, """INSERT INTO handoff_case_counters ("Year", "Last") VALUES (@year, 0) ON CONFLICT ("Year") DO NOTHING""", year))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var update = Command(connection, transaction, """UPDATE handoff_case_counters SET "Last" = "Last" + 1 WHERE "Year" = @year RETURNING "Last" """, year);
        return Convert.ToInt32(await update.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int year)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = year;
        command.Parameters.Add(parameter);
        return command;
    }
}
