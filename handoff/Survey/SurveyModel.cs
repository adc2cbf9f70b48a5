using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Survey;

/// <summary>The survey's tables in the handoff context: definition versions, sessions per conversation, answers.</summary>
internal static class SurveyModel
{
    public static void Configure(ModelBuilder modelBuilder, IPiiProtector pii)
    {
        modelBuilder.Entity<SurveyVersion>(b =>
        {
            b.ToTable("handoff_survey_versions");
            b.HasKey(v => v.Number);
            b.Property(v => v.Number).ValueGeneratedNever();
            b.Property(v => v.ConsentText).HasMaxLength(SurveyDefinition.MaxTextLength).IsRequired();
            b.Property(v => v.ItemsJson).HasMaxLength(100_000).IsRequired();
        });
        modelBuilder.Entity<SurveySession>(b =>
        {
            b.ToTable("handoff_survey_sessions");
            b.HasKey(s => s.ConversationId);
            b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(16);
            b.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(s => s.OfferedAtUtc);
        });
        modelBuilder.Entity<SurveyAnswer>(b =>
        {
            b.ToTable("handoff_survey_answers");
            b.HasKey(a => a.Id);
            b.Property(a => a.ItemKey).HasMaxLength(32).IsRequired();
            b.Property(a => a.Choice).HasMaxLength(SurveyDefinition.MaxOptionLength);
            b.Property(a => a.Text).IsEncryptedPersonalData(pii, "handoff_survey_answers.Text");
            // One answer per item and conversation, whichever node takes it.
            b.HasIndex(a => new { a.ConversationId, a.ItemKey }).IsUnique();
        });
    }
}
