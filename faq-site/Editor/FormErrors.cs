namespace ConversationHub.Faq.Editor;

/// <summary>
/// Validation messages keyed like the use cases key them (<c>question</c>, <c>publishUntilUtc</c>), with the id
/// of the form control each belongs to, so the summary links to the field and the field names its message.
/// </summary>
internal sealed class FormErrors(IReadOnlyDictionary<string, string> controlIds)
{
    private readonly Dictionary<string, string[]> _messages = new(StringComparer.Ordinal);

    public bool Any => _messages.Count > 0;

    /// <summary>Every message with the control it links to, in the order they were added.</summary>
    public IEnumerable<(string ControlId, string Message)> Summary =>
        _messages.SelectMany(m => m.Value.Select(text => (ControlIdOf(m.Key), text)));

    public void AddRange(IReadOnlyDictionary<string, string[]> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var (key, texts) in messages)
        {
            _messages[key] = texts;
        }
    }

    public IReadOnlyList<string> For(string key) => _messages.TryGetValue(key, out var texts) ? texts : [];

    /// <summary>The id of the element holding the messages of <paramref name="key"/>.</summary>
    public string ErrorIdOf(string key) => ControlIdOf(key) + "-error";

    /// <summary>The <c>aria-describedby</c> value: the hint (if any) and, when there are messages, their element.</summary>
    public string? DescribedBy(string key, string? hintId = null)
    {
        var ids = new[] { hintId, For(key).Count > 0 ? ErrorIdOf(key) : null }.OfType<string>().ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    private string ControlIdOf(string key) => controlIds.TryGetValue(key, out var id) ? id : key;
}
