namespace ConversationHub.Faq.Tests.Ranking;

/// <summary>Records reports synchronously (Progress&lt;T&gt; posts them to the thread pool).</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    public List<T> Reports { get; } = [];

    public void Report(T value) => Reports.Add(value);
}
