using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ConversationHub.Host.Tests.Logs;

/// <summary>Keeps each log event as the line the host's console writes (Serilog's rendered compact JSON).</summary>
internal sealed class JsonLinesSink : ILogEventSink
{
    private readonly RenderedCompactJsonFormatter _formatter = new();

    public ConcurrentQueue<string> Lines { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        using var line = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _formatter.Format(logEvent, line);
        Lines.Enqueue(line.ToString().TrimEnd('\n', '\r'));
    }
}
