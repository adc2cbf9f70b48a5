using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConversationHub.Core.Organisation.Infrastructure;

internal sealed class DepartmentEntityTypeConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Code).HasMaxLength(DepartmentLimits.CodeLength).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(DepartmentLimits.NameLength).IsRequired();
        builder.Property(d => d.Kana).HasMaxLength(DepartmentLimits.NameLength).IsRequired();
        builder.Property(d => d.Email).HasMaxLength(DepartmentLimits.EmailLength);
        builder.Property(d => d.Extension).HasMaxLength(DepartmentLimits.ExtensionLength);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasIndex(d => d.ParentId);
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
