using ConversationHub.Core.Conversations.Services;
using ConversationHub.Core.Handoff;
using ConversationHub.Handoff.Cases;
using ConversationHub.Handoff.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ConversationHub.Handoff.Inquiry;

/// <summary>
/// The handoff module's <see cref="ICaseIntake"/>: a case for the chat's citizen, made like the form's (no staff actor,
/// the confirmation mail in the same transaction, once per request key), with the chat's channel and its transcript as
/// the first entry, as an agent's 「案件化」 would have it.
/// </summary>
internal sealed class CaseIntake(
    IConversationStore conversations, CaseDesk desk, ReceiveCase receive, IStringLocalizer<HandoffStrings> strings, ILogger<CaseIntake> logger) : ICaseIntake
{
    /// <inheritdoc />
    public async Task<string?> CreateFromChatAsync(ChatCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var conversation = await conversations.FindAsync(request.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var activities = await conversations.ReadAsync(request.ConversationId, 0, 2000, cancellationToken);
        var input = new CaseInput
        {
            ContactEmail = request.Email,
            Description = request.Text,
            SourceFaqId = request.FaqId,
        };
        // The form's own fields cannot be asked in the chat: none is required here, staff fill them in on the case.
        var (outcome, _) = await receive.ReceiveAsync(request.RequestKey, CaseDesk.ChannelOf(conversation.Channel), input, CustomFieldCheck.NotAsked, conversation.Id,
            [new CaseEntryDraft(CaseEntryKind.Transcript, null, desk.TranscriptText(activities), strings["Cases_Entry_TranscriptSubject"])], cancellationToken);
        if (outcome.Case is not { } created)
        {
            InquiryLog.ChatCaseRefused(logger, request.RequestKey, conversation.Id, string.Join(',', outcome.Errors?.Keys ?? [outcome.Error?.ToString() ?? "?"]));
            return null;
        }

        InquiryLog.ChatCaseReceived(logger, request.RequestKey, created.Number, conversation.Id);
        return created.Number;
    }
}
