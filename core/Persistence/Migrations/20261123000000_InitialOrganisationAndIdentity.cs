using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Core.Persistence.Migrations;

/// <summary>Departments and the staff identity tables.</summary>
/// <remarks>
/// Hand-written and provider-neutral: column types come from the CLR types, so SQLite and PostgreSQL each get
/// their own mapping; identity columns carry both providers' annotations and each ignores the other's.
/// </remarks>
[DbContext(typeof(HubDbContext))]
[Migration("20261123000000_InitialOrganisationAndIdentity")]
internal sealed class InitialOrganisationAndIdentity : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "departments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Code = table.Column<string>(maxLength: 20, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kana = table.Column<string>(maxLength: 100, nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                Email = table.Column<string>(maxLength: 254, nullable: true),
                Extension = table.Column<string>(maxLength: 20, nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_departments", x => x.Id);
                table.ForeignKey("FK_departments_departments_ParentId", x => x.ParentId, "departments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "roles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_roles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 1024, nullable: false),
                DepartmentId = table.Column<Guid>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 1024, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 80, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(maxLength: 256, nullable: true),
                SecurityStamp = table.Column<string>(maxLength: 64, nullable: true),
                ConcurrencyStamp = table.Column<string>(maxLength: 64, nullable: true),
                PhoneNumber = table.Column<string>(maxLength: 1024, nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_users", x => x.Id);
                table.ForeignKey("FK_users_departments_DepartmentId", x => x.DepartmentId, "departments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "role_claims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(maxLength: 256, nullable: true),
                ClaimValue = table.Column<string>(maxLength: 1024, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_role_claims", x => x.Id);
                table.ForeignKey("FK_role_claims_roles_RoleId", x => x.RoleId, "roles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_claims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(maxLength: 256, nullable: true),
                ClaimValue = table.Column<string>(maxLength: 1024, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_claims", x => x.Id);
                table.ForeignKey("FK_user_claims_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_logins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(maxLength: 128, nullable: false),
                ProviderKey = table.Column<string>(maxLength: 128, nullable: false),
                ProviderDisplayName = table.Column<string>(maxLength: 256, nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_user_logins_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_roles",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                RoleId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_roles", x => new { x.UserId, x.RoleId });
                table.ForeignKey("FK_user_roles_roles_RoleId", x => x.RoleId, "roles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_user_roles_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "user_tokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(maxLength: 128, nullable: false),
                Name = table.Column<string>(maxLength: 128, nullable: false),
                Value = table.Column<string>(maxLength: 1024, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_user_tokens_users_UserId", x => x.UserId, "users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_departments_Code", "departments", "Code", unique: true);
        migrationBuilder.CreateIndex("IX_departments_ParentId", "departments", "ParentId");
        migrationBuilder.CreateIndex("IX_role_claims_RoleId", "role_claims", "RoleId");
        migrationBuilder.CreateIndex("RoleNameIndex", "roles", "NormalizedName", unique: true);
        migrationBuilder.CreateIndex("IX_user_claims_UserId", "user_claims", "UserId");
        migrationBuilder.CreateIndex("IX_user_logins_UserId", "user_logins", "UserId");
        migrationBuilder.CreateIndex("IX_user_roles_RoleId", "user_roles", "RoleId");
        migrationBuilder.CreateIndex("EmailIndex", "users", "NormalizedEmail");
        migrationBuilder.CreateIndex("IX_users_DepartmentId", "users", "DepartmentId");
        migrationBuilder.CreateIndex("UserNameIndex", "users", "NormalizedUserName", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("user_tokens");
        migrationBuilder.DropTable("user_roles");
        migrationBuilder.DropTable("user_logins");
        migrationBuilder.DropTable("user_claims");
        migrationBuilder.DropTable("role_claims");
        migrationBuilder.DropTable("users");
        migrationBuilder.DropTable("roles");
        migrationBuilder.DropTable("departments");
    }
}
