using ConversationHub.Handoff.Programs.Reservations;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Languages;

/// <summary>The program texts' table in the handoff context.</summary>
internal static class ProgramTextsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProgramText>(b =>
        {
            b.ToTable("program_texts");
            b.HasKey(t => t.Id);
            b.Property(t => t.Language).HasMaxLength(8).IsRequired();
            b.Property(t => t.Name).HasMaxLength(ProgramDefinition.MaxNameLength);
            b.Property(t => t.EndMessage).HasMaxLength(ProgramDefinition.MaxMessageLength);
            b.Property(t => t.AfterEndGuidance).HasMaxLength(ProgramDefinition.MaxMessageLength);
            b.Property(t => t.WhatToBring).HasMaxLength(ReservationSettings.MaxWhatToBringLength);
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => new { t.ProgramId, t.Language }).IsUnique();
        });
    }
}
