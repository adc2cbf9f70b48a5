using ConversationHub.Core.Persistence;
using ConversationHub.Core.Security;
using ConversationHub.Handoff.Agents;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Chats;
using ConversationHub.Handoff.Postal;
using ConversationHub.Handoff.Mail;
using ConversationHub.Handoff.Queue;
using ConversationHub.Handoff.Routing;
using ConversationHub.Handoff.Survey;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Handoff.Persistence;

/// <summary>
/// The handoff module's tables, on the same database as core's: agents' presence and connections, the queue's
/// contact records and offers, notes, canned responses and the audit trail. Who owns a conversation is core's
/// (<c>conversations.Owner</c>); nothing here contradicts it.
/// </summary>
public sealed class HandoffDbContext(DbContextOptions<HandoffDbContext> options) : DbContext(options), IPiiModelContext
{
    /// <summary>The migrations history table of this context.</summary>
    public const string MigrationsHistoryTable = "__migrations_handoff";

    /// <inheritdoc />
    public IPiiProtector Pii { get; } = PiiOptionsExtension.ProtectorOf(options);

    internal DbSet<AgentPresence> Agents => Set<AgentPresence>();

    internal DbSet<AgentConnection> Connections => Set<AgentConnection>();

    internal DbSet<HandoffRequest> Requests => Set<HandoffRequest>();

    internal DbSet<HandoffOffer> Offers => Set<HandoffOffer>();

    internal DbSet<ChatNote> Notes => Set<ChatNote>();

    internal DbSet<CannedResponse> CannedResponses => Set<CannedResponse>();

    internal DbSet<HandoffAuditEntry> Audit => Set<HandoffAuditEntry>();

    internal DbSet<HandoffLease> Leases => Set<HandoffLease>();

    internal DbSet<CaseRecord> Cases => Set<CaseRecord>();

    internal DbSet<CaseEntry> CaseEntries => Set<CaseEntry>();

    internal DbSet<CaseHistoryEntry> CaseHistory => Set<CaseHistoryEntry>();

    internal DbSet<CaseReply> CaseReplies => Set<CaseReply>();

    internal DbSet<CaseCategory> CaseCategories => Set<CaseCategory>();

    internal DbSet<CaseOption> CaseOptions => Set<CaseOption>();

    internal DbSet<CaseFieldDefinition> CaseFields => Set<CaseFieldDefinition>();

    internal DbSet<ReplyTemplate> ReplyTemplates => Set<ReplyTemplate>();

    internal DbSet<PostalDataset> PostalDatasets => Set<PostalDataset>();

    internal DbSet<OutboundMail> MailOutbox => Set<OutboundMail>();

    internal DbSet<InboundMail> MailInbox => Set<InboundMail>();
    internal DbSet<CaseSubmission> CaseSubmissions => Set<CaseSubmission>();

    internal DbSet<SurveyVersion> SurveyVersions => Set<SurveyVersion>();

    internal DbSet<SurveySession> SurveySessions => Set<SurveySession>();

    internal DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    internal DbSet<Reports.GeneratedReport> GeneratedReports => Set<Reports.GeneratedReport>();

    internal DbSet<Admin.Teams.StaffTeam> Teams => Set<Admin.Teams.StaffTeam>();

    internal DbSet<Admin.Teams.StaffTeamMember> TeamMembers => Set<Admin.Teams.StaffTeamMember>();

    internal DbSet<ConversationHub.Handoff.Programs.ProgramDefinition> Programs => Set<ConversationHub.Handoff.Programs.ProgramDefinition>();

    internal DbSet<ConversationHub.Handoff.Programs.Reservations.ReservationSettings> ReservationSettings => Set<ConversationHub.Handoff.Programs.Reservations.ReservationSettings>();

    internal DbSet<ConversationHub.Handoff.Programs.Reservations.ReservationPlace> ReservationPlaces => Set<ConversationHub.Handoff.Programs.Reservations.ReservationPlace>();

    internal DbSet<ConversationHub.Handoff.Programs.Reservations.ReservationSlot> ReservationSlots => Set<ConversationHub.Handoff.Programs.Reservations.ReservationSlot>();

    internal DbSet<ConversationHub.Handoff.Programs.Reservations.Reservation> Reservations => Set<ConversationHub.Handoff.Programs.Reservations.Reservation>();

    internal DbSet<ConversationHub.Handoff.Programs.Reservations.ReservationChange> ReservationChanges => Set<ConversationHub.Handoff.Programs.Reservations.ReservationChange>();

    internal DbSet<ConversationHub.Handoff.Programs.Reservations.ReservationReminder> ReservationReminders => Set<ConversationHub.Handoff.Programs.Reservations.ReservationReminder>();

    internal DbSet<ConversationHub.Handoff.Programs.Reservations.ReservationLedger> ReservationLedgers => Set<ConversationHub.Handoff.Programs.Reservations.ReservationLedger>();
    internal DbSet<ConversationHub.Handoff.Programs.Forms.ProgramFormVersion> ProgramFormVersions => Set<ConversationHub.Handoff.Programs.Forms.ProgramFormVersion>();

    internal DbSet<ConversationHub.Handoff.Programs.Forms.ProgramFormEntry> ProgramFormEntries => Set<ConversationHub.Handoff.Programs.Forms.ProgramFormEntry>();

    internal DbSet<ConversationHub.Handoff.Programs.Forms.ProgramFormExport> ProgramFormExports => Set<ConversationHub.Handoff.Programs.Forms.ProgramFormExport>();
    internal DbSet<ConversationHub.Handoff.Programs.Rosters.RosterSettings> RosterSettings => Set<ConversationHub.Handoff.Programs.Rosters.RosterSettings>();

    internal DbSet<ConversationHub.Handoff.Programs.Rosters.RosterImport> RosterImports => Set<ConversationHub.Handoff.Programs.Rosters.RosterImport>();

    internal DbSet<ConversationHub.Handoff.Programs.Rosters.RosterHousehold> RosterHouseholds => Set<ConversationHub.Handoff.Programs.Rosters.RosterHousehold>();

    internal DbSet<ConversationHub.Handoff.Programs.Rosters.RosterMemberKey> RosterKeys => Set<ConversationHub.Handoff.Programs.Rosters.RosterMemberKey>();

    internal DbSet<ConversationHub.Handoff.Programs.Rosters.RosterEvent> RosterEvents => Set<ConversationHub.Handoff.Programs.Rosters.RosterEvent>();

    internal DbSet<ConversationHub.Handoff.Programs.Reservations.ReservationNotice> ReservationNotices => Set<ConversationHub.Handoff.Programs.Reservations.ReservationNotice>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AgentPresence>(b =>
        {
            b.ToTable("handoff_agents");
            b.HasKey(a => a.AgentId);
            b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.AwayReason).HasMaxLength(32);
            b.Property(a => a.Categories).HasMaxLength(2000).IsRequired();
            b.Property(a => a.Languages).HasMaxLength(200).IsRequired();
            b.Property(a => a.PhoneTarget).HasMaxLength(AgentPhone.MaxLength);
            b.HasIndex(a => new { a.Status, a.IdleSinceUtc });
        });
        modelBuilder.Entity<AgentConnection>(b =>
        {
            b.ToTable("handoff_agent_connections");
            b.HasKey(c => c.ConnectionId);
            b.Property(c => c.ConnectionId).HasMaxLength(64);
            b.Property(c => c.NodeId).HasMaxLength(64).IsRequired();
            b.HasIndex(c => new { c.AgentId, c.SeenAtUtc });
        });
        modelBuilder.Entity<HandoffRequest>(b =>
        {
            b.ToTable("handoff_requests");
            b.HasKey(r => r.ConversationId);
            b.Property(r => r.Channel).HasMaxLength(16).IsRequired();
            b.Property(r => r.Reason).HasMaxLength(64).IsRequired();
            b.Property(r => r.Category).HasMaxLength(200);
            b.Property(r => r.Language).HasMaxLength(16).IsRequired();
            b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.WrapUpCode).HasMaxLength(32);
            b.Property(r => r.SatisfactionComment).IsEncryptedPersonalData(Pii, "handoff_requests.SatisfactionComment");
            b.HasIndex(r => new { r.Outcome, r.Priority, r.WaitingSinceUtc });
            b.HasIndex(r => r.QueuedAtUtc);
        });
        modelBuilder.Entity<HandoffOffer>(b =>
        {
            b.ToTable("handoff_offers");
            b.HasKey(o => o.Id);
            b.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
            // One open offer per conversation, whichever node routes: the database refuses the second.
            b.HasIndex(o => o.ConversationId).IsUnique().HasFilter("\"State\" = 'Open'").HasDatabaseName("IX_handoff_offers_open_per_conversation");
            b.HasIndex(o => new { o.AgentId, o.State });
            b.HasIndex(o => new { o.State, o.ExpiresAtUtc });
        });
        modelBuilder.Entity<ChatNote>(b =>
        {
            b.ToTable("handoff_notes");
            b.HasKey(n => n.Id);
            b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(n => n.Text).IsRequired().IsEncryptedPersonalData(Pii, "handoff_notes.Text");
            b.HasIndex(n => new { n.ConversationId, n.CreatedAtUtc });
        });
        modelBuilder.Entity<CannedResponse>(b =>
        {
            b.ToTable("handoff_canned_responses");
            b.HasKey(c => c.Id);
            b.Property(c => c.Title).HasMaxLength(100).IsRequired();
            b.Property(c => c.Body).HasMaxLength(2000).IsRequired();
            b.Property(c => c.Category).HasMaxLength(100);
        });
        modelBuilder.Entity<HandoffAuditEntry>(b =>
        {
            b.ToTable("handoff_audit");
            b.HasKey(a => a.Id);
            b.Property(a => a.Action).HasMaxLength(32).IsRequired();
            b.Property(a => a.Detail).HasMaxLength(200);
            b.HasIndex(a => new { a.ConversationId, a.Id });
            b.HasIndex(a => a.AtUtc);
        });
        modelBuilder.Entity<HandoffLease>(b =>
        {
            b.ToTable("handoff_leases");
            b.HasKey(l => l.Key);
            b.Property(l => l.Key).HasMaxLength(64);
            b.Property(l => l.Holder).HasMaxLength(64).IsRequired();
        });
        CasesModel.Configure(modelBuilder, Pii);
        modelBuilder.ApplyConfiguration(new PostalDatasetEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new OutboundMailEntityTypeConfiguration(Pii));
        modelBuilder.ApplyConfiguration(new InboundMailEntityTypeConfiguration(Pii));
        SurveyModel.Configure(modelBuilder, Pii);

        modelBuilder.ApplyConfiguration(new Reports.GeneratedReportEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Admin.Teams.StaffTeamEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new Admin.Teams.StaffTeamMemberEntityTypeConfiguration());
        ConversationHub.Handoff.Programs.ProgramModel.Configure(modelBuilder);
        ConversationHub.Handoff.Programs.Disposal.ProgramDisposalModel.Configure(modelBuilder);
        ConversationHub.Handoff.Programs.Reservations.ReservationsModel.Configure(modelBuilder, Pii);
        ConversationHub.Handoff.Programs.Forms.ProgramFormsModel.Configure(modelBuilder, Pii);
        ConversationHub.Handoff.Programs.Rosters.RosterModel.Configure(modelBuilder, Pii);
    }

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        HubModelConventions.Apply(configurationBuilder);
}
