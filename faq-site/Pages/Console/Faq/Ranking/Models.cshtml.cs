using ConversationHub.Faq.Editor;
using ConversationHub.Faq.Ranking.Retraining;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConversationHub.Faq.Pages.Console.Faq.Ranking;

/// <summary>
/// The retraining console's models tab: start a training run and follow it, read the latest run's comparison with
/// the active model and its changed first answers, and promote or roll back a model after a confirmation page.
/// </summary>
[Authorize(Roles = FaqEditorRoles.EditorsAndAdministrators)]
internal sealed class ModelsModel(RankingModelsOverview overview, StartTrainingRun start, ActivateRankingModel activate) : PageModel
{
    /// <summary>The run to show; the latest when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Run { get; set; }

    /// <summary>The model whose activation is being confirmed.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Confirm { get; set; }

    /// <summary>What was just done: <c>started</c>, <c>activated</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public TrainingRun? ShownRun { get; private set; }

    public IReadOnlyDictionary<Guid, string> Questions { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<RankingModelItem> Models { get; private set; } = [];

    public IReadOnlyList<RankingModelActivationItem> Activations { get; private set; } = [];

    public RankingModelItem? ActiveModel => Models.FirstOrDefault(m => m.IsActive);

    public RankingModelItem? ToConfirm { get; private set; }

    /// <summary>A message in Japanese when a start or an activation was refused.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Confirm is not null && ToConfirm is null)
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostTrainAsync(CancellationToken cancellationToken)
    {
        var result = await start.ExecuteAsync(StaffUser.IdOf(User), cancellationToken);
        if (result.Queued is { } run)
            return Redirect($"/console/faq/ranking/models?run={run.Id}&done=started#training-run");
        Error = "Models_Error_Busy";
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Without <paramref name="confirmed"/> it only shows the confirmation page (a plain link can never switch models).</summary>
    public async Task<IActionResult> OnPostActivateAsync(long id, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
            return Redirect($"/console/faq/ranking/models?confirm={id}#confirm");
        switch (await activate.ExecuteAsync(id, StaffUser.IdOf(User), cancellationToken))
        {
            case ActivateRankingModelResult.Activated:
                return Redirect($"/console/faq/ranking/models?done=activated#models");
            case ActivateRankingModelResult.NotFound:
                return NotFound();
            case ActivateRankingModelResult.AlreadyActive:
                Error = "Models_Error_AlreadyActive";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case ActivateRankingModelResult.Concurrent:
                Error = "Models_Error_Concurrent";
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                Error = "Models_Error_Unusable";
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ShownRun = Run is { } id ? await overview.RunAsync(id, cancellationToken) : await overview.LatestRunAsync(cancellationToken);
        if (ShownRun is { } run)
            Questions = await overview.QuestionsAsync(run.ChangedAnswers, cancellationToken);
        Models = await overview.ModelsAsync(cancellationToken);
        Activations = await overview.ActivationsAsync(cancellationToken);
        ToConfirm = Confirm is { } model ? Models.FirstOrDefault(m => m.Id == model) : null;
    }
}
