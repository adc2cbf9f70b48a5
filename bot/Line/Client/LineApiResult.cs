using System.Net;

namespace ConversationHub.Bot.Line.Client;

/// <summary>The outcome of one call to LINE: the status (0 when no answer came) and LINE's error message.</summary>
internal sealed record LineApiResult(int Status, string? Error, TimeSpan? RetryAfter = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>409 on a retry key: LINE accepted this request earlier, so it is delivered.</summary>
    public bool IsAlreadyAccepted => Status == (int)HttpStatusCode.Conflict;

    /// <summary>Rate limited, a server error or no answer: the same request may be tried again (same retry key).</summary>
    public bool IsRetryable => Status is 0 or 429 or >= 500;

    public string Describe() => Status == 0 ? "no response: " + Error : $"{Status} {Error}".TrimEnd();
}
