namespace ConversationHub.Handoff.Chats;

/// <summary>
/// A 定型文 kept by supervisors. Placeholders in braces are filled when the agent inserts it:
/// <c>{agent}</c> (the agent's name), <c>{city}</c>, <c>{today}</c>.
/// </summary>
public sealed class CannedResponse
{
    // For EF Core.
    private CannedResponse()
    {
        Title = "";
        Body = "";
    }

    /// <summary>Creates a canned response.</summary>
    public CannedResponse(string title, string body, string? category, Guid updatedBy, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Title = title;
        Body = body;
        Category = category;
        UpdatedBy = updatedBy;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>Short title the agent searches by.</summary>
    public string Title { get; set; }

    /// <summary>The text, with placeholders.</summary>
    public string Body { get; set; }

    /// <summary>Optional grouping (an FAQ category or a situation).</summary>
    public string? Category { get; set; }

    /// <summary>Who changed it last.</summary>
    public Guid UpdatedBy { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime UpdatedAtUtc { get; set; }
}
