using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using ConversationHub.Core.Events;
using ConversationHub.Handoff.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConversationHub.Handoff.Postal;

/// <summary>How <see cref="ImportPostalDataset"/> treats the stored dataset.</summary>
internal enum PostalImportMode
{
    /// <summary>Parse and report; store nothing.</summary>
    DryRun,

    /// <summary>Store it in place of the current dataset (when at least one entry was read).</summary>
    Replace,

    /// <summary>Store it only when no dataset is stored yet (the demo; two nodes starting at once store one).</summary>
    SeedIfEmpty,
}

/// <summary>The outcome of a load: what was read, what was skipped (first lines with their numbers) and whether it was stored.</summary>
internal sealed record PostalImportResult(
    bool Stored,
    string SourceName,
    string Format,
    string Sha256,
    int Lines,
    int Entries,
    int Codes,
    int MalformedCount,
    IReadOnlyList<PostalLineError> Malformed,
    DateTime? LoadedAtUtc,
    double ParseMilliseconds,
    double IndexMilliseconds);

/// <summary>
/// Loads a postal code file: parses it, stores the compact form for every node, swaps this node's index and tells the
/// other nodes (<see cref="HandoffTopics.PostalDatasetChanged"/>), which reload from the database.
/// </summary>
internal sealed partial class ImportPostalDataset(
    HandoffDbContext db,
    PostalCodeDirectory directory,
    IHubEvents events,
    TimeProvider time,
    IOptions<PostalOptions> options,
    ILogger<ImportPostalDataset> logger)
{
    /// <exception cref="InvalidDataException">The file is a damaged zip or tarball, or a zip without a CSV.</exception>
    public async Task<PostalImportResult> ImportAsync(byte[] file, string sourceName, string loadedBy, PostalImportMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sourceName);
        var started = Stopwatch.GetTimestamp();
        // CPU-bound (about a second for the whole country): off the request's thread.
        var parsed = await Task.Run(() => PostalFileReader.Read(file, options.Value.ReportedLines), cancellationToken);
        var parseTime = Stopwatch.GetElapsedTime(started);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));
        var now = time.GetUtcNow().UtcDateTime;
        // Whole milliseconds: both providers give the value back exactly, so nodes compare what they serve with what is stored.
        var loadedAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        var info = new PostalDatasetInfo(sourceName, parsed.Format, sha, parsed.Entries.Count, parsed.CodeCount, parsed.MalformedCount, loadedAt, loadedBy);
        PostalImportResult Result(bool stored, TimeSpan indexTime) => new(
            stored, sourceName, parsed.Format, sha, parsed.Lines, parsed.Entries.Count, parsed.CodeCount, parsed.MalformedCount, parsed.Malformed,
            stored ? loadedAt : null, parseTime.TotalMilliseconds, indexTime.TotalMilliseconds);

        if (mode == PostalImportMode.DryRun || parsed.Entries.Count == 0)
        {
            return Result(false, TimeSpan.Zero);
        }

        var data = PostalDatasetCodec.Encode(parsed.Entries);
        var row = await db.PostalDatasets.FirstOrDefaultAsync(d => d.Id == PostalDataset.CurrentId, cancellationToken);
        if (row is null)
        {
            db.PostalDatasets.Add(new PostalDataset(info, data));
        }
        else if (mode == PostalImportMode.SeedIfEmpty)
        {
            return Result(false, TimeSpan.Zero);
        }
        else
        {
            row.Replace(info, data);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (mode == PostalImportMode.SeedIfEmpty)
        {
            // Another node seeded first; its event makes this one load the same data.
            return Result(false, TimeSpan.Zero);
        }

        var indexStarted = Stopwatch.GetTimestamp();
        var index = PostalIndex.Build(parsed.Entries);
        var indexTime = Stopwatch.GetElapsedTime(indexStarted);
        directory.Publish(index, info, indexTime);
        Log.Stored(logger, parsed.Format, parsed.Entries.Count, parsed.CodeCount, parsed.MalformedCount, (long)parseTime.TotalMilliseconds, (long)indexTime.TotalMilliseconds);
        await events.PublishAsync(HandoffTopics.PostalDatasetChanged, JsonSerializer.Serialize(new { sha256 = sha }), cancellationToken);
        return Result(true, indexTime);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4300, Level = LogLevel.Information,
            Message = "Postal code dataset stored ({Format}): {Entries} entries, {Codes} codes, {Malformed} malformed lines skipped; parsed in {ParseMs} ms, indexed in {IndexMs} ms")]
        public static partial void Stored(ILogger logger, string format, int entries, int codes, int malformed, long parseMs, long indexMs);
    }
}
