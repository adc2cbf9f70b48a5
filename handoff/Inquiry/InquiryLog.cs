using Microsoft.Extensions.Logging;

namespace ConversationHub.Handoff.Inquiry;

/// <summary>The inquiry form's log lines (4300–4319): ids and reasons only, never what the citizen wrote.</summary>
internal static partial class InquiryLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Inquiry form submission {SubmissionId} made case {CaseNumber}")]
    public static partial void CaseReceived(ILogger logger, Guid submissionId, string caseNumber);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Inquiry form submission {SubmissionId} was repeated; it returns case {CaseNumber}")]
    public static partial void Repeated(ILogger logger, Guid submissionId, string caseNumber);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Inquiry form: the honeypot field was filled; nothing was made (step {Step})")]
    public static partial void HoneypotFilled(ILogger logger, string step);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information, Message = "Inquiry form: refused a submission sent {Seconds:0.0} s after the form was shown")]
    public static partial void TooFast(ILogger logger, double seconds);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "Inquiry form: refused a submission whose form ticket is missing, tampered with or expired")]
    public static partial void BadTicket(ILogger logger);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "Inquiry form: rate limit reached for a client address; answered 429")]
    public static partial void RateLimited(ILogger logger);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Information, Message = "Chat intake {RequestKey} made case {CaseNumber} for conversation {ConversationId}")]
    public static partial void ChatCaseReceived(ILogger logger, string requestKey, string caseNumber, Guid conversationId);

    [LoggerMessage(EventId = 4307, Level = LogLevel.Warning, Message = "Chat intake {RequestKey} for conversation {ConversationId} made no case: {Error}")]
    public static partial void ChatCaseRefused(ILogger logger, string requestKey, Guid conversationId, string error);
}
