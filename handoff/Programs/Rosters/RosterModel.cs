using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Programs.Rosters;

/// <summary>The rosters' tables in the handoff context. Personal fields are encrypted; look-ups go through hashes.</summary>
internal static class RosterModel
{
    public const string HouseholdsTable = "program_roster_households";
    public const string KeysTable = "program_roster_keys";

    public static void Configure(ModelBuilder modelBuilder, IPiiProtector pii)
    {
        modelBuilder.Entity<RosterSettings>(b =>
        {
            b.ToTable("program_roster_settings");
            b.HasKey(s => s.ProgramId);
            b.Property(s => s.ProgramId).ValueGeneratedNever();
            b.Property(s => s.LayoutJson).HasMaxLength(4000).IsRequired();
            b.Property(s => s.Version).IsConcurrencyToken();
            b.Ignore(s => s.Layout);
        });
        modelBuilder.Entity<RosterImport>(b =>
        {
            b.ToTable("program_roster_imports");
            b.HasKey(i => i.Id);
            b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.ImportedBy).HasMaxLength(RosterImport.MaxActorLength).IsRequired();
            b.HasIndex(i => new { i.ProgramId, i.ImportedAtUtc });
        });
        modelBuilder.Entity<RosterHousehold>(b =>
        {
            b.ToTable(HouseholdsTable);
            b.HasKey(h => h.Id);
            b.Property(h => h.Id).ValueGeneratedNever();
            b.Property(h => h.HeadHash).HasMaxLength(RosterHousehold.MaxHashLength).IsRequired();
            b.Property(h => h.NumberHash).HasMaxLength(RosterHousehold.MaxHashLength);
            b.Property(h => h.HouseholdNumber).IsEncryptedPersonalData(pii, HouseholdsTable + ".HouseholdNumber");
            b.Property(h => h.PostalCode).IsRequired().IsEncryptedPersonalData(pii, HouseholdsTable + ".PostalCode");
            b.Property(h => h.Address).IsRequired().IsEncryptedPersonalData(pii, HouseholdsTable + ".Address");
            b.Property(h => h.Members).IsRequired().IsEncryptedPersonalData(pii, HouseholdsTable + ".Members");
            b.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(h => h.DeclinedBy).HasMaxLength(RosterImport.MaxActorLength);
            b.HasIndex(h => new { h.ImportId, h.HeadHash });
            b.HasIndex(h => new { h.ImportId, h.NumberHash });
        });
        modelBuilder.Entity<RosterMemberKey>(b =>
        {
            b.ToTable(KeysTable);
            b.HasKey(k => new { k.ImportId, k.Hash, k.HouseholdId });
            b.Property(k => k.Hash).HasMaxLength(RosterHousehold.MaxHashLength);
        });
        modelBuilder.Entity<RosterEvent>(b =>
        {
            b.ToTable("program_roster_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(RosterEvent.MaxKindLength);
            b.Property(e => e.By).HasMaxLength(RosterImport.MaxActorLength).IsRequired();
            b.HasIndex(e => new { e.HouseholdId, e.OnDay });
            b.HasIndex(e => e.ProgramId);
        });
    }
}
