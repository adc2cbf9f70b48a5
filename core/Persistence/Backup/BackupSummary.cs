namespace ConversationHub.Core.Persistence.Backup;

/// <summary>What a backup file holds: its size, its tables and the newest core migration.</summary>
public sealed record BackupSummary(string Path, long Bytes, int Tables, string LatestMigration);
