using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.VoiceBridge.Persistence;

internal sealed class OutboundCallbackEntityTypeConfiguration : IEntityTypeConfiguration<OutboundCallback>
{
    public void Configure(EntityTypeBuilder<OutboundCallback> builder)
    {
        builder.ToTable("voice_callbacks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CallConnectionId).HasMaxLength(128);
        // Ciphertext: no maximum length.
        builder.Property(c => c.CitizenEncrypted).IsRequired();
        builder.Property(c => c.AgentTarget).HasMaxLength(200).IsRequired();
        builder.Property(c => c.LineNumber).HasMaxLength(32).IsRequired();
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Result).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Detail).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.CallConnectionId);
        builder.HasIndex(c => c.CaseId);
    }
}
