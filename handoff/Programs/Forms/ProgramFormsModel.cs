using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Forms;

/// <summary>The program forms' tables in the handoff context: definition versions, entries, daily exports.</summary>
internal static class ProgramFormsModel
{
    public static void Configure(ModelBuilder modelBuilder, IPiiProtector pii)
    {
        modelBuilder.Entity<ProgramFormVersion>(b =>
        {
            b.ToTable("program_form_versions");
            b.HasKey(v => new { v.FormId, v.Number });
            b.Property(v => v.Number).ValueGeneratedNever();
            b.Property(v => v.Name).HasMaxLength(FormDefinition.MaxNameLength).IsRequired();
            b.Property(v => v.DefinitionJson).HasMaxLength(200_000).IsRequired();
            b.HasIndex(v => v.ProgramId);
        });
        modelBuilder.Entity<ProgramFormEntry>(b =>
        {
            b.ToTable("program_form_entries");
            b.HasKey(e => e.Id);
            b.Property(e => e.Source).HasMaxLength(16).IsRequired();
            b.Property(e => e.ValuesJson).IsRequired().IsEncryptedPersonalData(pii, "program_form_entries.ValuesJson");
            b.Property(e => e.DuplicateHash).HasMaxLength(100);
            b.HasIndex(e => new { e.FormId, e.DuplicateHash });
            b.HasIndex(e => new { e.FormId, e.TakenOn });
            b.HasIndex(e => e.ProgramId);
            b.HasIndex(e => e.ConversationId);
        });
        modelBuilder.Entity<ProgramFormExport>(b =>
        {
            b.ToTable("program_form_exports");
            b.HasKey(e => e.Id);
            b.Property(e => e.Csv).IsEncryptedPersonalData(pii, "program_form_exports.Csv");
            b.HasIndex(e => new { e.FormId, e.Day }).IsUnique();
            b.HasIndex(e => e.ProgramId);
        });
    }
}
