using System.Text.Json;
using ConversationHub.Host.Tests.DirectLine;

namespace ConversationHub.Host.Tests.Programs;

/// <summary>A citizen in a program's web chat over real Direct Line, one answer of the bot per message (the booking dialogue's way).</summary>
internal sealed class BookingChat(DirectLineTestClient client) : IDisposable
{
    private int _said;

    public DirectLineTestClient Client { get; } = client;

    public Guid ConversationId => Guid.Parse(Client.ConversationId);

    /// <summary>Enters the program <paramref name="code"/> through its chat entry and returns the bot's greeting.</summary>
    public async Task<JsonElement> EnterAsync(string code, CancellationToken ct)
    {
        await ProgramSeed.EnterAsync(Client, code, ct);
        await Client.StartAsync(ct);
        var (greeting, _) = await Client.PollUntilAsync(a => a.Any(DirectLineTestClient.IsBotMessage), ct);
        return greeting.First(DirectLineTestClient.IsBotMessage);
    }

    /// <summary>Says <paramref name="text"/> and returns the bot's message in reply to it.</summary>
    public async Task<JsonElement> SayAsync(string text, CancellationToken ct)
    {
        var id = await Client.SayAsync(text, "booking-" + Interlocked.Increment(ref _said), ct);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            var (activities, _) = await Client.PollUntilAsync(a => a.Any(x => IsReplyTo(x, id)), wait.Token);
            return activities.Last(x => IsReplyTo(x, id));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"the bot did not answer 「{text}」");
        }
    }

    public static string Text(JsonElement activity) => DirectLineTestClient.TextOf(activity);

    public static List<string> Titles(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var actions)
            ? [.. actions.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)]
            : [];

    /// <summary>The reservation number in the bot's answer (eight digits after 予約番号は).</summary>
    public static string Number(JsonElement activity) =>
        System.Text.RegularExpressions.Regex.Match(Text(activity), "予約番号は \\*\\*([0-9]{8})\\*\\*").Groups[1].Value;

    public void Dispose() => Client.Dispose();

    private static bool IsReplyTo(JsonElement activity, string id) =>
        DirectLineTestClient.IsBotMessage(activity) && activity.TryGetProperty("replyToId", out var reply) && reply.GetString() == id;
}
