using ConversationHub.Core.Organisation;
using ConversationHub.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Core.Identity.Infrastructure;

/// <summary>Table names and personal-data encryption for the Identity tables.</summary>
internal static class IdentityModel
{
    public const int EncryptedLength = 1024;

    public static void Configure(ModelBuilder builder, IPiiProtector pii)
    {
        builder.Entity<HubUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(EncryptedLength).IsRequired().IsEncryptedPersonalData(pii, "users.DisplayName");
            user.Property(u => u.Email).HasMaxLength(EncryptedLength).IsEncryptedPersonalData(pii, "users.Email");
            user.Property(u => u.PhoneNumber).HasMaxLength(EncryptedLength).IsEncryptedPersonalData(pii, "users.PhoneNumber");
            user.Property(u => u.NormalizedEmail).HasMaxLength(80);
            user.Property(u => u.SecurityStamp).HasMaxLength(64);
            user.Property(u => u.ConcurrencyStamp).HasMaxLength(64);
            user.Property(u => u.PasswordHash).HasMaxLength(256);
            user.Ignore(u => u.IsContactCenter);
            user.Ignore(u => u.IsDisabled);
            user.Property(u => u.MustChangePassword).HasDefaultValue(false);
            user.HasIndex(u => u.DepartmentId);
            user.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<HubRole>(role =>
        {
            role.ToTable("roles");
            role.Property(r => r.ConcurrencyStamp).HasMaxLength(64);
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>(claim =>
        {
            claim.ToTable("user_claims");
            claim.Property(c => c.ClaimType).HasMaxLength(256);
            claim.Property(c => c.ClaimValue).HasMaxLength(1024);
        });
        builder.Entity<IdentityUserLogin<Guid>>(login =>
        {
            login.ToTable("user_logins");
            login.Property(l => l.LoginProvider).HasMaxLength(128);
            login.Property(l => l.ProviderKey).HasMaxLength(128);
            login.Property(l => l.ProviderDisplayName).HasMaxLength(256);
        });
        builder.Entity<IdentityUserToken<Guid>>(token =>
        {
            token.ToTable("user_tokens");
            token.Property(t => t.LoginProvider).HasMaxLength(128);
            token.Property(t => t.Name).HasMaxLength(128);
            // Holds the authenticator keys and recovery codes: encrypted, so a database copy or backup gives no one a
            // second factor. (Short values: the ciphertext stays far below the length.)
            token.Property(t => t.Value).HasMaxLength(1024).IsEncryptedPersonalData(pii, "user_tokens.Value");
        });
        builder.Entity<IdentityRoleClaim<Guid>>(claim =>
        {
            claim.ToTable("role_claims");
            claim.Property(c => c.ClaimType).HasMaxLength(256);
            claim.Property(c => c.ClaimValue).HasMaxLength(1024);
        });
    }
}
