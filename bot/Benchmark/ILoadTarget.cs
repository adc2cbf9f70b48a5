namespace ConversationHub.Bot.Benchmark;

/// <summary>One kind of server under load: the platform's Direct Line, or the echo ceiling.</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    /// <summary>Opens conversation (socket) number <paramref name="index"/>; false when the server refused it.</summary>
    Task<bool> OpenAsync(int index, CancellationToken cancellationToken);

    /// <summary>Waits until the opened conversations have received what the server sends unasked (the greeting).</summary>
    Task WaitIdleAsync(TimeSpan within, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="text"/> on an opened conversation; the reply is matched in the measurements.</summary>
    Task SendAsync(int index, string text, long scheduled, CancellationToken cancellationToken);
}
