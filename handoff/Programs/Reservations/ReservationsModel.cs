using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Reservations;

/// <summary>The reservations' tables (<c>program_…</c>) in the handoff context. Personal data is encrypted column by column.</summary>
internal static class ReservationsModel
{
    public static void Configure(ModelBuilder modelBuilder, IPiiProtector pii)
    {
        modelBuilder.Entity<ReservationSettings>(b =>
        {
            b.ToTable("program_reservation_settings");
            b.HasKey(s => s.ProgramId);
            b.Property(s => s.WhatToBring).HasMaxLength(ReservationSettings.MaxWhatToBringLength).IsRequired();
        });
        modelBuilder.Entity<ReservationPlace>(b =>
        {
            b.ToTable("program_places");
            b.HasKey(p => p.Id);
            b.Property(p => p.Name).HasMaxLength(ReservationPlace.MaxNameLength).IsRequired();
            b.Property(p => p.Address).HasMaxLength(ReservationPlace.MaxAddressLength).IsRequired();
            b.HasIndex(p => p.ProgramId);
        });
        modelBuilder.Entity<ReservationSlot>(b =>
        {
            b.ToTable("program_slots");
            b.HasKey(s => s.Id);
            b.HasIndex(s => new { s.PlaceId, s.Day, s.Starts }).IsUnique();
            b.HasIndex(s => new { s.ProgramId, s.Day });
            b.Property(s => s.Closed).HasDefaultValue(false);
        });
        modelBuilder.Entity<Reservation>(b =>
        {
            b.ToTable("program_reservations");
            b.HasKey(r => r.Id);
            b.Property(r => r.Number).HasMaxLength(16).IsRequired();
            b.HasIndex(r => r.Number).IsUnique();
            b.Property(r => r.Name).IsRequired().IsEncryptedPersonalData(pii, "program_reservations.Name");
            b.Property(r => r.Phone).IsRequired().IsEncryptedPersonalData(pii, "program_reservations.Phone");
            b.Property(r => r.PhoneHash).HasMaxLength(80).IsRequired();
            b.Property(r => r.ContactChannel).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.ContactAddress).IsEncryptedPersonalData(pii, "program_reservations.ContactAddress");
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.CreatedBy).HasMaxLength(Reservation.MaxActorLength).IsRequired();
            b.Property(r => r.ChangedBy).HasMaxLength(Reservation.MaxActorLength);
            b.Property(r => r.CancelledBy).HasMaxLength(Reservation.MaxActorLength);
            b.HasIndex(r => new { r.SlotId, r.Status });
            b.HasIndex(r => r.ProgramId);
            b.Property(r => r.RequestKey).HasMaxLength(Core.Programs.ReservationRequest.MaxRequestKeyLength);
            b.HasIndex(r => r.RequestKey).IsUnique();
            b.Ignore(r => r.Contact);
        });
        modelBuilder.Entity<ReservationChange>(b =>
        {
            b.ToTable("program_reservation_changes");
            b.HasKey(c => c.Id);
            b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.By).HasMaxLength(Reservation.MaxActorLength).IsRequired();
            b.HasIndex(c => new { c.ProgramId, c.JapanDay });
            b.HasIndex(c => c.ReservationId);
        });
        modelBuilder.Entity<ReservationReminder>(b =>
        {
            b.ToTable("program_reservation_reminders");
            b.HasKey(r => new { r.ReservationId, r.Day });
        });
        modelBuilder.Entity<ReservationLedger>(b =>
        {
            b.ToTable("program_reservation_ledgers");
            b.HasKey(l => l.Id);
            b.HasIndex(l => new { l.ProgramId, l.Day }).IsUnique();
        });
        modelBuilder.Entity<ReservationNotice>(b =>
        {
            b.ToTable("program_reservation_notices");
            b.HasKey(n => n.Id);
            b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(n => n.Channel).HasConversion<string>().HasMaxLength(16);
            b.Property(n => n.Address).IsEncryptedPersonalData(pii, "program_reservation_notices.Address");
            b.Property(n => n.Text).IsEncryptedPersonalData(pii, "program_reservation_notices.Text");
            b.Property(n => n.State).HasConversion<string>().HasMaxLength(16);
            b.Property(n => n.LeaseHolder).HasMaxLength(64);
            b.Property(n => n.LastError).HasMaxLength(ReservationNotice.MaxErrorLength);
            b.HasIndex(n => new { n.State, n.NextAttemptAtUtc });
            b.HasIndex(n => new { n.ProgramId, n.State });
        });
    }
}
