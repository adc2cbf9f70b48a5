using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConversationHub.Core.Persistence;

/// <summary>
/// Every timestamp is stored and read as UTC. SQLite returns <see cref="DateTimeKind.Unspecified"/>
/// and Npgsql refuses non-UTC values for <c>timestamp with time zone</c>, so both sides are pinned here.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => ToUtc(value),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
{
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
