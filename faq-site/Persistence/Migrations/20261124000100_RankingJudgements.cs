using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>
/// Learning-to-rank data: append-only query→FAQ judgements (masked, encrypted query), snapshots that freeze them
/// for a training run, and the history of trained models. Hand-written and provider-neutral like the others.
/// </summary>
[DbContext(typeof(FaqDbContext))]
[Migration("20261124000100_RankingJudgements")]
internal sealed class RankingJudgements : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ranking_judgements",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Source = table.Column<string>(maxLength: 32, nullable: false),
                Query = table.Column<string>(maxLength: 2000, nullable: false),
                FaqId = table.Column<Guid>(nullable: false),
                Grade = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: true),
                StaffUserId = table.Column<Guid>(nullable: true),
                ReviewOfId = table.Column<long>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ranking_judgements", x => x.Id));
        migrationBuilder.CreateIndex("IX_ranking_judgements_FaqId", "ranking_judgements", "FaqId");
        migrationBuilder.CreateIndex("IX_ranking_judgements_ReviewOfId", "ranking_judgements", "ReviewOfId");

        migrationBuilder.CreateTable(
            name: "ranking_judgement_snapshots",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                MaxJudgementId = table.Column<long>(nullable: false),
                JudgementCount = table.Column<int>(nullable: false),
                ContentHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedByUserId = table.Column<Guid>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ranking_judgement_snapshots", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ranking_models",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ModelJson = table.Column<string>(nullable: false),
                SnapshotId = table.Column<long>(nullable: true),
                SnapshotHash = table.Column<string>(maxLength: 64, nullable: true),
                HeldOutQueries = table.Column<int>(nullable: false),
                HeldOutNdcg = table.Column<double>(nullable: false),
                PreviousHeldOutNdcg = table.Column<double>(nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                ActivatedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ranking_models", x => x.Id));
        migrationBuilder.CreateIndex("IX_ranking_models_IsActive", "ranking_models", "IsActive");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ranking_models");
        migrationBuilder.DropTable("ranking_judgement_snapshots");
        migrationBuilder.DropTable("ranking_judgements");
    }
}
