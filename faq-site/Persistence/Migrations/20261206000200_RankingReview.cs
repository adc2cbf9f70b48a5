using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConversationHub.Faq.Persistence.Migrations;

/// <summary>
/// The review queue of the retraining console (issue 17): a judgement is decided at most once (the index on
/// <c>ReviewOfId</c> becomes unique; both providers allow many nulls in a unique index), and a search miss records
/// that an editor handled it. Hand-written and provider-neutral like the others.
/// </summary>
/// <remarks>
/// The unique index fails to build if two decisions already point at one candidate; the old approve endpoint
/// checked before inserting, so only a race could have made such a pair. Judgements are append-only (snapshots hash
/// them), so the migration does not delete one: an operator resolves it by hand before upgrading.
/// </remarks>
[DbContext(typeof(FaqDbContext))]
[Migration("20261206000200_RankingReview")]
internal sealed class RankingReview : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ranking_judgements_ReviewOfId", "ranking_judgements");
        migrationBuilder.CreateIndex("IX_ranking_judgements_ReviewOfId", "ranking_judgements", "ReviewOfId", unique: true);

        migrationBuilder.AddColumn<DateTime>("HandledAtUtc", "faq_search_misses", nullable: true);
        migrationBuilder.AddColumn<Guid>("HandledByUserId", "faq_search_misses", nullable: true);
        migrationBuilder.AddColumn<Guid>("HandledFaqId", "faq_search_misses", nullable: true);
        migrationBuilder.CreateIndex("IX_faq_search_misses_HandledAtUtc", "faq_search_misses", "HandledAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_faq_search_misses_HandledAtUtc", "faq_search_misses");
        migrationBuilder.DropColumn("HandledFaqId", "faq_search_misses");
        migrationBuilder.DropColumn("HandledByUserId", "faq_search_misses");
        migrationBuilder.DropColumn("HandledAtUtc", "faq_search_misses");
        migrationBuilder.DropIndex("IX_ranking_judgements_ReviewOfId", "ranking_judgements");
        migrationBuilder.CreateIndex("IX_ranking_judgements_ReviewOfId", "ranking_judgements", "ReviewOfId");
    }
}
