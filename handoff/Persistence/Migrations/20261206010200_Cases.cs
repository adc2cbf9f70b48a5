using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ConversationHub.Handoff.Persistence.Migrations;

/// <summary>
/// Cases (issue 15): the cases with their timeline, history and replies to citizens, the per-year counter that numbers
/// them without gaps, and the administrators' lists (categories, options, custom fields, reply templates). Encrypted
/// columns have no length limit (a ciphertext is about four times its text); the two encrypted columns of the agent
/// queue lose theirs for the same reason.
/// </summary>
[DbContext(typeof(HandoffDbContext))]
[Migration("20261206010200_Cases")]
internal sealed class Cases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // SQLite ignores declared lengths (and cannot alter a column in place); PostgreSQL enforces them.
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.AlterColumn<string>("Text", "handoff_notes", nullable: false, oldMaxLength: 8000, oldNullable: false);
            migrationBuilder.AlterColumn<string>("SatisfactionComment", "handoff_requests", nullable: true, oldMaxLength: 4000, oldNullable: true);
        }

        migrationBuilder.CreateTable(
            name: "handoff_cases",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                Year = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                Channel = table.Column<string>(maxLength: 16, nullable: false),
                ConversationId = table.Column<Guid>(nullable: true),
                SourceFaqId = table.Column<string>(maxLength: 64, nullable: true),
                CreatedById = table.Column<Guid>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                UpdatedAtUtc = table.Column<DateTime>(nullable: false),
                CategoryId = table.Column<Guid>(nullable: true),
                InquiryType = table.Column<string>(maxLength: 64, nullable: true),
                Flags = table.Column<string>(maxLength: 1000, nullable: false),
                Subject = table.Column<string>(nullable: true),
                Description = table.Column<string>(nullable: true),
                ContactName = table.Column<string>(nullable: true),
                ContactKana = table.Column<string>(nullable: true),
                ContactPhone = table.Column<string>(nullable: true),
                ContactEmail = table.Column<string>(nullable: true),
                PostalCode = table.Column<string>(nullable: true),
                Address = table.Column<string>(nullable: true),
                NameHash = table.Column<string>(maxLength: 64, nullable: true),
                PhoneHash = table.Column<string>(maxLength: 64, nullable: true),
                EmailHash = table.Column<string>(maxLength: 64, nullable: true),
                AddressHash = table.Column<string>(maxLength: 64, nullable: true),
                CustomFieldsJson = table.Column<string>(nullable: true),
                DepartmentId = table.Column<Guid>(nullable: true),
                EscalationReasons = table.Column<string>(maxLength: 1000, nullable: false),
                AssigneeId = table.Column<Guid>(nullable: true),
                AssigneeTeam = table.Column<string>(maxLength: 100, nullable: true),
                AwaitingSide = table.Column<string>(maxLength: 16, nullable: true),
                Token = table.Column<string>(maxLength: 16, nullable: false),
                CompletedAtUtc = table.Column<DateTime>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_cases", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_case_entries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                AuthorId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(nullable: true),
                MailId = table.Column<Guid>(nullable: true),
                Subject = table.Column<string>(nullable: true),
                Warning = table.Column<string>(maxLength: 200, nullable: true),
                MessageId = table.Column<string>(maxLength: 998, nullable: true),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_case_entries", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_case_history",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<Guid>(nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: 32, nullable: false),
                Field = table.Column<string>(maxLength: 64, nullable: true),
                Before = table.Column<string>(nullable: true),
                After = table.Column<string>(nullable: true),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_case_history", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_case_replies",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                AuthorId = table.Column<Guid>(nullable: false),
                DepartmentId = table.Column<Guid>(nullable: true),
                To = table.Column<string>(nullable: false),
                Subject = table.Column<string>(nullable: false),
                Body = table.Column<string>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                SubmittedAtUtc = table.Column<DateTime>(nullable: false),
                DecidedById = table.Column<Guid>(nullable: true),
                DecidedAtUtc = table.Column<DateTime>(nullable: true),
                RejectionReason = table.Column<string>(nullable: true),
                OutboxId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_handoff_case_replies", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_case_categories",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ParentId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Order = table.Column<int>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_case_categories", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_case_options",
            columns: table => new
            {
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Code = table.Column<string>(maxLength: 64, nullable: false),
                Label = table.Column<string>(maxLength: 100, nullable: false),
                Order = table.Column<int>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_case_options", x => new { x.Kind, x.Code }));

        migrationBuilder.CreateTable(
            name: "handoff_case_fields",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 64, nullable: false),
                Label = table.Column<string>(maxLength: 100, nullable: false),
                Type = table.Column<string>(maxLength: 16, nullable: false),
                Scope = table.Column<string>(maxLength: 16, nullable: false),
                Required = table.Column<bool>(nullable: false),
                Choices = table.Column<string>(maxLength: 4000, nullable: false),
                Order = table.Column<int>(nullable: false),
                IsActive = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_case_fields", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_reply_templates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 20000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_reply_templates", x => x.Id));

        migrationBuilder.CreateTable(
            name: "handoff_case_counters",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                Last = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_handoff_case_counters", x => x.Year));

        migrationBuilder.CreateIndex("IX_handoff_cases_Number", "handoff_cases", "Number", unique: true);
        migrationBuilder.CreateIndex("IX_handoff_cases_Year_Sequence", "handoff_cases", ["Year", "Sequence"], unique: true);
        migrationBuilder.CreateIndex("IX_handoff_cases_Token", "handoff_cases", "Token", unique: true);
        migrationBuilder.CreateIndex("IX_handoff_cases_NameHash", "handoff_cases", "NameHash");
        migrationBuilder.CreateIndex("IX_handoff_cases_PhoneHash", "handoff_cases", "PhoneHash");
        migrationBuilder.CreateIndex("IX_handoff_cases_EmailHash", "handoff_cases", "EmailHash");
        migrationBuilder.CreateIndex("IX_handoff_cases_AddressHash", "handoff_cases", "AddressHash");
        migrationBuilder.CreateIndex("IX_handoff_cases_ConversationId", "handoff_cases", "ConversationId");
        migrationBuilder.CreateIndex("IX_handoff_cases_Status_CreatedAtUtc", "handoff_cases", ["Status", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_handoff_cases_CreatedAtUtc", "handoff_cases", "CreatedAtUtc");
        migrationBuilder.CreateIndex("IX_handoff_cases_UpdatedAtUtc", "handoff_cases", "UpdatedAtUtc");
        migrationBuilder.CreateIndex("IX_handoff_cases_DepartmentId_Status", "handoff_cases", ["DepartmentId", "Status"]);
        migrationBuilder.CreateIndex("IX_handoff_case_entries_CaseId_AtUtc", "handoff_case_entries", ["CaseId", "AtUtc"]);
        migrationBuilder.CreateIndex("IX_handoff_case_entries_MailId", "handoff_case_entries", "MailId");
        migrationBuilder.CreateIndex("IX_handoff_case_history_CaseId_Id", "handoff_case_history", ["CaseId", "Id"]);
        migrationBuilder.CreateIndex("IX_handoff_case_replies_CaseId_SubmittedAtUtc", "handoff_case_replies", ["CaseId", "SubmittedAtUtc"]);
        migrationBuilder.CreateIndex("IX_handoff_case_replies_State_DepartmentId", "handoff_case_replies", ["State", "DepartmentId"]);
        migrationBuilder.CreateIndex("IX_handoff_case_fields_Key", "handoff_case_fields", "Key", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("handoff_case_counters");
        migrationBuilder.DropTable("handoff_reply_templates");
        migrationBuilder.DropTable("handoff_case_fields");
        migrationBuilder.DropTable("handoff_case_options");
        migrationBuilder.DropTable("handoff_case_categories");
        migrationBuilder.DropTable("handoff_case_replies");
        migrationBuilder.DropTable("handoff_case_history");
        migrationBuilder.DropTable("handoff_case_entries");
        migrationBuilder.DropTable("handoff_cases");
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.AlterColumn<string>("SatisfactionComment", "handoff_requests", maxLength: 4000, nullable: true, oldNullable: true);
            migrationBuilder.AlterColumn<string>("Text", "handoff_notes", maxLength: 8000, nullable: false, oldNullable: false);
        }
    }
}
