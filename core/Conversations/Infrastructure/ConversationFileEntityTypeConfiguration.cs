using ConversationHub.Core.Conversations.Domain;
using ConversationHub.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.Conversations.Infrastructure;

internal sealed class ConversationFileEntityTypeConfiguration(IPiiProtector pii) : IEntityTypeConfiguration<ConversationFile>
{
    public void Configure(EntityTypeBuilder<ConversationFile> builder)
    {
        builder.ToTable("conversation_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(f => f.ContentBase64).IsRequired().IsEncryptedPersonalData(pii, "conversation_files.Content");
        builder.HasIndex(f => f.ConversationId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(f => f.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
