using System.Globalization;
using System.Security.Claims;
using ConversationHub.Core.Identity;
using ConversationHub.Faq.Editor;
using ConversationHub.Faq.Ranking.Retraining;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ConversationHub.Faq.Apis;

/// <summary>
/// The retraining console's API for FAQ editors and administrators: start a training run (one at a time across
/// nodes), poll it, list runs and models, promote or roll back with an explicit confirmation, and read the log.
/// </summary>
internal static class RankingModelsApi
{
    public static IEndpointRouteBuilder MapRankingModelsApi(this IEndpointRouteBuilder endpoints)
    {
        var editors = endpoints.MapGroup("/api/faq/ranking").WithTags("Ranking models")
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.FaqEditor, HubRoles.Administrator));
        editors.MapPost("/training-runs", StartAsync).WithName("StartRankingTrainingRun")
            .WithSummary("Queues a training run on the stored judgements; any node's runner trains it. 409 while one is queued or running.");
        editors.MapGet("/training-runs", RunsAsync).WithName("ListRankingTrainingRuns");
        editors.MapGet("/training-runs/{id:long}", RunAsync).WithName("GetRankingTrainingRun")
            .WithSummary("Status and progress (for polling); when finished, the held-out figures and the changed first answers.");
        editors.MapGet("/models", ModelsAsync).WithName("ListRankingModels");
        editors.MapPost("/models/{id:long}/activate", ActivateAsync).WithName("ActivateRankingModel")
            .WithSummary("Promotes a newer model or rolls back to an earlier one; the body must be { \"confirm\": true }.");
        editors.MapGet("/model-activations", ActivationsAsync).WithName("ListRankingModelActivations");
        endpoints.MapGet(RankingConsoleScript.Path, RankingConsoleScript.Serve).ExcludeFromDescription()
            .RequireAuthorization(policy => policy.RequireRole(HubRoles.FaqEditor, HubRoles.Administrator));
        return endpoints;
    }

    internal static async Task<Results<Accepted<TrainingRunView>, ProblemHttpResult>> StartAsync(
        ClaimsPrincipal user, StartTrainingRun use, CancellationToken cancellationToken)
    {
        var result = await use.ExecuteAsync(StaffUser.IdOf(user), cancellationToken);
        if (result.Queued is { } run)
            return TypedResults.Accepted($"/api/faq/ranking/training-runs/{run.Id}", TrainingRunView.From(run, null));
        var busy = result.Busy;
        var detail = busy is null
            ? "Another training run held the slot a moment ago; try again."
            : string.Create(CultureInfo.InvariantCulture, $"Training run {busy.Id} is {busy.Status.ToString().ToLowerInvariant()} (requested at {busy.RequestedAtUtc:yyyy-MM-dd'T'HH:mm:ss'Z'}{(busy.NodeId is null ? "" : $", on node {busy.NodeId}")}); only one run at a time across all nodes. Wait for it to finish, then start again.");
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A training run is already queued or running.", detail: detail);
    }

    internal static async Task<Ok<List<TrainingRunView>>> RunsAsync(RankingModelsOverview overview, CancellationToken cancellationToken) =>
        TypedResults.Ok((await overview.RunsAsync(cancellationToken)).Select(r => TrainingRunView.From(r, null)).ToList());

    internal static async Task<Results<Ok<TrainingRunView>, NotFound>> RunAsync(long id, RankingModelsOverview overview, CancellationToken cancellationToken)
    {
        if (await overview.RunAsync(id, cancellationToken) is not { } run)
            return TypedResults.NotFound();
        var questions = await overview.QuestionsAsync(run.ChangedAnswers, cancellationToken);
        return TypedResults.Ok(TrainingRunView.From(run, questions));
    }

    internal static async Task<Ok<IReadOnlyList<RankingModelItem>>> ModelsAsync(RankingModelsOverview overview, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.ModelsAsync(cancellationToken));

    internal static async Task<Ok<IReadOnlyList<RankingModelActivationItem>>> ActivationsAsync(RankingModelsOverview overview, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.ActivationsAsync(cancellationToken));

    internal static async Task<Results<Ok<ActivatedModel>, ValidationProblem, NotFound, ProblemHttpResult>> ActivateAsync(
        long id, ActivateRequest? request, ClaimsPrincipal user, ActivateRankingModel use, CancellationToken cancellationToken)
    {
        if (request?.Confirm != true)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["confirm"] = ["Switching the model every node ranks with needs { \"confirm\": true }."] });
        }

        return await use.ExecuteAsync(id, StaffUser.IdOf(user), cancellationToken) switch
        {
            ActivateRankingModelResult.Activated => TypedResults.Ok(new ActivatedModel(id)),
            ActivateRankingModelResult.NotFound => TypedResults.NotFound(),
            ActivateRankingModelResult.AlreadyActive => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "The model is already active.", detail: $"Ranking model {id} is the active model; nothing was changed."),
            ActivateRankingModelResult.Concurrent => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Another activation happened at the same moment.",
                detail: $"Ranking model {id} was not activated because another model was activated at the same moment; read the models again and retry."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "The model cannot be used.",
                detail: $"Ranking model {id} was trained on other features than this version computes; the active model stays."),
        };
    }

    internal sealed record ActivateRequest(bool? Confirm);

    internal sealed record ActivatedModel(long ActiveModelId);
}
