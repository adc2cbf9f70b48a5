using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs;

/// <summary>The programs' table in the handoff context.</summary>
internal static class ProgramModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProgramDefinition>(b =>
        {
            b.ToTable("programs");
            b.HasKey(p => p.Id);
            b.Property(p => p.Code).HasMaxLength(ProgramDefinition.MaxCodeLength).IsRequired();
            b.Property(p => p.Name).HasMaxLength(ProgramDefinition.MaxNameLength).IsRequired();
            b.Property(p => p.HoursJson).HasMaxLength(4000).IsRequired();
            b.Property(p => p.PhoneNumbers).HasMaxLength(500).IsRequired();
            b.Property(p => p.LineKeyword).HasMaxLength(50);
            b.Property(p => p.FaqCategory).HasMaxLength(200);
            b.Property(p => p.FaqIds).HasMaxLength(4000);
            b.Property(p => p.KeepFaqsAfterEnd).HasDefaultValue(false);
            b.Property(p => p.Languages).HasMaxLength(100).IsRequired();
            b.Property(p => p.EndMessage).HasMaxLength(ProgramDefinition.MaxMessageLength).IsRequired();
            b.Property(p => p.AfterEndGuidance).HasMaxLength(ProgramDefinition.MaxMessageLength).IsRequired();
            b.Property(p => p.Version).IsConcurrencyToken();
            b.HasIndex(p => p.Code).IsUnique();
        });
    }
}
