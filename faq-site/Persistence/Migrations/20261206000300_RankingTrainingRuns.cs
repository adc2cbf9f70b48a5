using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>
/// The retraining console's training runs (one at a time across nodes through a unique index on the active slot,
/// one scheduled run a day through one on the day), the log of model activations, and at most one active model
/// (the index on <c>ranking_models.IsActive</c> becomes unique over active rows). The changed first answers
/// quote masked queries and are ciphertext, so that column has no length limit. Hand-written and provider-neutral.
/// </summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261206000300_RankingTrainingRuns")]
internal sealed class RankingTrainingRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ranking_training_runs",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Trigger = table.Column<string>(maxLength: 16, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ActiveSlot = table.Column<int>(nullable: true),
                ScheduledDay = table.Column<DateOnly>(nullable: true),
                RequestedByUserId = table.Column<Guid>(nullable: true),
                RequestedAtUtc = table.Column<DateTime>(nullable: false),
                NodeId = table.Column<string>(maxLength: 32, nullable: true),
                StartedAtUtc = table.Column<DateTime>(nullable: true),
                HeartbeatAtUtc = table.Column<DateTime>(nullable: true),
                FinishedAtUtc = table.Column<DateTime>(nullable: true),
                ProgressJson = table.Column<string>(nullable: false),
                SnapshotId = table.Column<long>(nullable: true),
                ModelId = table.Column<long>(nullable: true),
                ActiveModelId = table.Column<long>(nullable: true),
                HeldOutQueries = table.Column<int>(nullable: false),
                NewNdcg10 = table.Column<double>(nullable: true),
                NewMrr10 = table.Column<double>(nullable: true),
                NewHit1 = table.Column<double>(nullable: true),
                ActiveNdcg10 = table.Column<double>(nullable: true),
                ActiveMrr10 = table.Column<double>(nullable: true),
                ActiveHit1 = table.Column<double>(nullable: true),
                ChangedAnswersJson = table.Column<string>(nullable: true),
                ChangedAnswerCount = table.Column<int>(nullable: false),
                AutoPromoted = table.Column<bool>(nullable: false),
                FailureReason = table.Column<string>(maxLength: 32, nullable: true),
                FailureDetail = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ranking_training_runs", x => x.Id));
        migrationBuilder.CreateIndex("IX_ranking_training_runs_ActiveSlot", "ranking_training_runs", "ActiveSlot", unique: true);
        migrationBuilder.CreateIndex("IX_ranking_training_runs_ScheduledDay", "ranking_training_runs", "ScheduledDay", unique: true);
        migrationBuilder.CreateIndex("IX_ranking_training_runs_RequestedAtUtc", "ranking_training_runs", "RequestedAtUtc");

        migrationBuilder.CreateTable(
            name: "ranking_model_activations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ModelId = table.Column<long>(nullable: false),
                PreviousModelId = table.Column<long>(nullable: true),
                Action = table.Column<string>(maxLength: 16, nullable: false),
                Via = table.Column<string>(maxLength: 16, nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ranking_model_activations", x => x.Id));
        migrationBuilder.CreateIndex("IX_ranking_model_activations_ModelId", "ranking_model_activations", "ModelId");

        // At most one active model, in the database: two nodes promoting at once must not leave two active.
        migrationBuilder.DropIndex("IX_ranking_models_IsActive", "ranking_models");
        migrationBuilder.CreateIndex("IX_ranking_models_IsActive", "ranking_models", "IsActive", unique: true, filter: "\"IsActive\"");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ranking_models_IsActive", "ranking_models");
        migrationBuilder.CreateIndex("IX_ranking_models_IsActive", "ranking_models", "IsActive");
        migrationBuilder.DropTable("ranking_model_activations");
        migrationBuilder.DropTable("ranking_training_runs");
    }
}
