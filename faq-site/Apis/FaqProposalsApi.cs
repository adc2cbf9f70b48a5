using ConversationHub.Core.Identity;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.KnowledgeBase.Proposals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Security.Claims;

namespace ConversationHub.Faq.Apis;

/// <summary>
/// FAQ proposals (FAQ 提案) from staff: agents in a live chat, department staff on a case, editors on an FAQ page.
/// The other modules' consoles call this from the browser only; no module references another. Editors read the
/// daily and monthly counts here too (the reports will).
/// </summary>
internal static class FaqProposalsApi
{
    public static IEndpointRouteBuilder MapFaqProposalsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/faq/proposals").WithTags("FAQ proposals");
        group.MapPost("/", SubmitAsync).WithName("SubmitFaqProposal")
            .WithSummary("Proposes a new FAQ or a change to one, with the citizen question that prompted it.")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.Operator, HubRoles.Supervisor, HubRoles.DepartmentStaff, HubRoles.FaqEditor, HubRoles.Administrator));
        group.MapGet("/counts", CountsAsync).WithName("CountFaqProposals")
            .WithSummary("Proposals made per day (Japan time, last 14 days) and per month (last 12), by status.")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.FaqEditor, HubRoles.Administrator));
        return endpoints;
    }

    internal static async Task<Results<Created<SubmittedProposal>, ValidationProblem, ForbidHttpResult>> SubmitAsync(
        FaqProposalInput input, ClaimsPrincipal user, SubmitFaqProposal use, CancellationToken cancellationToken)
    {
        if (StaffUser.IdOf(user) is not { } proposer)
        {
            return TypedResults.Forbid();
        }

        var (id, errors) = await use.ExecuteAsync(input, proposer, cancellationToken);
        return id is { } created
            ? TypedResults.Created($"/console/faq/proposals#proposal-{created}", new SubmittedProposal(created))
            : TypedResults.ValidationProblem(errors, title: "FAQ提案の内容に誤りがあります。", detail: "項目ごとのメッセージを確認して、入力し直してください。");
    }

    internal static async Task<Ok<FaqProposalCounts>> CountsAsync(FaqProposalQueue queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queue.CountAsync(cancellationToken));

    internal sealed record SubmittedProposal(Guid Id);
}
