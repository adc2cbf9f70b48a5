namespace ConversationHub.Handoff.Postal;

/// <summary>What a stored (or served) dataset is: where it came from, when and by whom it was loaded, and its size.</summary>
/// <param name="SourceName">File name or path as given (never a citizen's data).</param>
/// <param name="Format">See <see cref="PostalParseResult.Format"/>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the source file's bytes.</param>
/// <param name="EntryCount">Candidates (code and town pairs).</param>
/// <param name="CodeCount">Distinct codes.</param>
/// <param name="MalformedLines">Lines skipped when it was loaded.</param>
/// <param name="LoadedAtUtc">When it was stored.</param>
/// <param name="LoadedBy"><c>user:&lt;id&gt;</c>, <c>setting:Postal:Source</c>, <c>cli</c> or <c>demo</c>.</param>
internal sealed record PostalDatasetInfo(string SourceName, string Format, string Sha256, int EntryCount, int CodeCount, int MalformedLines, DateTime LoadedAtUtc, string LoadedBy);
