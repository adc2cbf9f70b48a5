using System.Security.Claims;
using ConversationHub.Core.Events;
using ConversationHub.Core.Identity;
using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.Persistence;
using ConversationHub.Faq.Synonyms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace ConversationHub.Faq.Apis;

/// <summary>The synonym dictionary for FAQ editors: read it, replace it; every node applies it at once.</summary>
internal static class SynonymsApi
{
    public static IEndpointRouteBuilder MapSynonymsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/faq/synonyms").WithTags("FAQ synonyms")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.FaqEditor, HubRoles.Administrator));
        group.MapGet("/", GetAsync).WithName("GetSynonyms");
        group.MapPut("/", ReplaceAsync).WithName("ReplaceSynonyms");
        return endpoints;
    }

    internal static async Task<Ok<SynonymDictionaryDto>> GetAsync(FaqDbContext db, CancellationToken cancellationToken)
    {
        var groups = await db.SynonymGroups.AsNoTracking().OrderBy(g => g.Id).Select(g => g.Terms).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SynonymDictionaryDto([.. groups.Select(t => (IReadOnlyList<string>)t.Split('\n', StringSplitOptions.RemoveEmptyEntries))]));
    }

    internal static async Task<Results<NoContent, ValidationProblem>> ReplaceAsync(
        SynonymDictionaryDto dictionary, ClaimsPrincipal user, FaqDbContext db, IHubEvents events, TimeProvider time, CancellationToken cancellationToken)
    {
        var groups = dictionary.Groups ?? [];
        var errors = SynonymDictionaryValidator.Validate(groups);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["groups"] = [.. errors] });
        }

        var editor = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var now = time.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SynonymGroups.ExecuteDeleteAsync(ct);
            db.SynonymGroups.AddRange(groups.Select(g => new FaqSynonymGroup(string.Join('\n', g.Select(t => t.Trim()))) { UpdatedAtUtc = now, UpdatedBy = editor }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        await events.PublishAsync(SynonymTopics.Changed, "", cancellationToken);
        return TypedResults.NoContent();
    }

    internal sealed record SynonymDictionaryDto(IReadOnlyList<IReadOnlyList<string>>? Groups);
}
