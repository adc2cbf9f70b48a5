namespace ConversationHub.Handoff.Cases;

/// <summary>A category (分類) of the configurable tree: 福祉 › 高齢者 …</summary>
public sealed class CaseCategory
{
    // For EF Core.
    private CaseCategory()
    {
        Name = "";
    }

    internal CaseCategory(Guid? parentId, string name, int order)
    {
        Id = Guid.CreateVersion7();
        ParentId = parentId;
        Name = name;
        Order = order;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>The parent category, null at the top.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>The label.</summary>
    public string Name { get; set; }

    /// <summary>Order among siblings.</summary>
    public int Order { get; set; }

    /// <summary>Retired categories keep their cases but are not offered.</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>Which list an option belongs to. Stored as its name.</summary>
public enum CaseOptionKind
{
    /// <summary>問い合わせ種別 (a pull-down).</summary>
    InquiryType,

    /// <summary>Inquiry flags (checkboxes): 要折り返し, 苦情 …</summary>
    InquiryFlag,

    /// <summary>Escalation reasons (checkboxes): 個人情報が必要, 行政判断が必要, FAQなし …</summary>
    EscalationReason,
}

/// <summary>One entry of a configurable list: a stable code and its label.</summary>
public sealed class CaseOption
{
    // For EF Core.
    private CaseOption()
    {
        Code = "";
        Label = "";
    }

    internal CaseOption(CaseOptionKind kind, string code, string label, int order)
    {
        Kind = kind;
        Code = code;
        Label = label;
        Order = order;
    }

    /// <summary>Which list.</summary>
    public CaseOptionKind Kind { get; private set; }

    /// <summary>The stable code (stored on cases).</summary>
    public string Code { get; private set; }

    /// <summary>The label shown.</summary>
    public string Label { get; set; }

    /// <summary>Order in the list.</summary>
    public int Order { get; set; }

    /// <summary>Retired options stay readable on old cases but are not offered.</summary>
    public bool IsActive { get; set; } = true;
}

/// <summary>The type of an administrator-defined field. Stored as its name.</summary>
public enum CaseFieldType
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>A number (decimal).</summary>
    Number,

    /// <summary>A date (yyyy-MM-dd).</summary>
    Date,

    /// <summary>One of the choices.</summary>
    Choice,

    /// <summary>Any of the choices.</summary>
    MultiChoice,
}

/// <summary>Where an administrator-defined field appears.</summary>
public enum CaseFieldScope
{
    /// <summary>On cases, in the staff console.</summary>
    Case,

    /// <summary>On the citizens' inquiry form (and so on the cases it makes).</summary>
    InquiryForm,
}

/// <summary>A field an administrator defines without a code change: its values live in <see cref="CaseRecord.CustomFieldsJson"/>.</summary>
public sealed class CaseFieldDefinition
{
    // For EF Core.
    private CaseFieldDefinition()
    {
        Key = "";
        Label = "";
        Choices = "";
    }

    internal CaseFieldDefinition(string key, string label, CaseFieldType type, CaseFieldScope scope, bool required, IEnumerable<string> choices, int order)
    {
        Id = Guid.CreateVersion7();
        Key = key;
        Label = label;
        Type = type;
        Scope = scope;
        Required = required;
        Choices = string.Join('\n', choices);
        Order = order;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>The stable key in the values' JSON (ASCII letters, digits, underscore).</summary>
    public string Key { get; private set; }

    /// <summary>The label shown.</summary>
    public string Label { get; set; }

    /// <summary>The type.</summary>
    public CaseFieldType Type { get; set; }

    /// <summary>Where it appears.</summary>
    public CaseFieldScope Scope { get; set; }

    /// <summary>Whether a value is required.</summary>
    public bool Required { get; set; }

    /// <summary>The choices of a choice field, one per line.</summary>
    public string Choices { get; set; }

    /// <summary>Order on the form.</summary>
    public int Order { get; set; }

    /// <summary>Retired fields keep their values on old cases but are not asked.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The choices as a list.</summary>
    public IReadOnlyList<string> ChoiceList => Choices.Length == 0 ? [] : Choices.Split('\n');
}

/// <summary>An editable template for replies to citizens; <c>{number}</c>, <c>{name}</c> and <c>{city}</c> are filled in.</summary>
public sealed class ReplyTemplate
{
    // For EF Core.
    private ReplyTemplate()
    {
        Name = "";
        Subject = "";
        Body = "";
    }

    internal ReplyTemplate(string name, string subject, string body)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Subject = subject;
        Body = body;
    }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; private set; }

    /// <summary>The template's name in the pick list.</summary>
    public string Name { get; set; }

    /// <summary>The subject.</summary>
    public string Subject { get; set; }

    /// <summary>The body.</summary>
    public string Body { get; set; }
}

/// <summary>The last case number given in a year. Updated inside the transaction that inserts the case, so numbers have no gaps.</summary>
public sealed class CaseCounter
{
    // For EF Core.
    private CaseCounter()
    {
    }

    /// <summary>The year.</summary>
    public int Year { get; private set; }

    /// <summary>The last sequence given.</summary>
    public int Last { get; private set; }
}
