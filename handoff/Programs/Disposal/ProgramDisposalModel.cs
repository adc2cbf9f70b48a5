using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Disposal;

/// <summary>The disposal records' table in the handoff context.</summary>
internal static class ProgramDisposalModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProgramDisposalRecord>(b =>
        {
            b.ToTable("program_disposals");
            b.HasKey(r => r.Id);
            b.Property(r => r.ProgramCode).HasMaxLength(ProgramDefinition.MaxCodeLength).IsRequired();
            b.Property(r => r.ProgramName).HasMaxLength(ProgramDefinition.MaxNameLength).IsRequired();
            b.Property(r => r.Trigger).HasMaxLength(16).IsRequired();
            b.Property(r => r.ByName).HasMaxLength(256);
            b.Property(r => r.DisposedJson).HasMaxLength(4000).IsRequired();
            b.Property(r => r.RemainingJson).HasMaxLength(4000).IsRequired();
            b.Property(r => r.DatabaseState).HasMaxLength(4000).IsRequired();
            // One disposal per program, whichever node or administrator starts it.
            b.HasIndex(r => r.ProgramId).IsUnique();
        });
    }
}
