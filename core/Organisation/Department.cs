namespace ConversationHub.Core.Organisation;

/// <summary>A city department (組織): the unit that owns FAQs and answers escalated cases.</summary>
public sealed class Department
{
    /// <summary>Creates a department.</summary>
    public Department(string code, string name, string kana)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        Kana = kana;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>The city's own department code (組織コード), unique; the key used by CSV imports.</summary>
    public string Code { get; private set; }

    /// <summary>Display name, for example 市民課.</summary>
    public string Name { get; set; }

    /// <summary>Reading in katakana or hiragana (for sorting and search), for example シミンカ.</summary>
    public string Kana { get; set; }

    /// <summary>The parent department (部 above 課), or null for a top-level unit.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>The department's shared mailbox for escalations (an organisational address, not personal data).</summary>
    public string? Email { get; set; }

    /// <summary>Internal extension number (内線).</summary>
    public string? Extension { get; set; }

    /// <summary>Inactive departments keep their history but receive no new work.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAtUtc { get; set; } = DateTime.UtcNow;
}
