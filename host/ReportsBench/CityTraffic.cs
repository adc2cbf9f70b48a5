using System.Globalization;
using ConversationHub.Core.Calendar;
using ConversationHub.Core.ContactEvents.Domain;

namespace ConversationHub.Host.ReportsBench;

/// <summary>
/// A year of a large city's contacts, generated the same on every run (a seeded generator per conversation, so the
/// transcript, the contact events and the cases of one conversation agree without being kept in memory). Conversations
/// arrive over the 365 Japan-time days before <see cref="FirstDay"/> + 365, mostly in office hours; one in five is a
/// phone call. The bot answers most with one to three FAQs; about three in ten are handed to a person, who answers
/// most within a wait of seconds to minutes (some abandon, a few meet the congestion message); every tenth
/// conversation becomes a case, most of them escalated to a department.
/// </summary>
internal sealed class CityTraffic(DateOnly firstDay, int conversations, IReadOnlyList<Guid> departments, IReadOnlyList<Guid> categories)
{
    /// <summary>The event columns written by <see cref="ContactEvents"/>, in order.</summary>
    public static readonly string[] EventColumns =
        ["SourceKey", "Kind", "OccurredAtUtc", "Channel", "ConversationId", "CaseId", "FaqId", "DepartmentId", "WaitMs", "Category", "WrapUpCode", "Satisfaction", "RolledUp"];

    /// <summary>The conversation columns written by <see cref="Conversations"/>, in order.</summary>
    public static readonly string[] ConversationColumns =
        ["Id", "Channel", "CitizenKey", "CitizenKeyHash", "Owner", "LastSequence", "CreatedAtUtc", "UpdatedAtUtc", "EndedAtUtc", "Version"];

    /// <summary>The transcript columns written by <see cref="Messages"/>, in order.</summary>
    public static readonly string[] MessageColumns =
        ["Id", "ConversationId", "Sequence", "Direction", "Type", "FromRole", "ActivityJson", "TimestampUtc", "Delivery", "DeliveryAttempts"];

    // Office hours carry most contacts: the weight of each Japan-time hour, 0時 to 23時.
    private static readonly int[] HourWeights = [1, 1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 15, 11, 14, 15, 14, 12, 8, 5, 4, 3, 3, 2, 1];
    private static readonly int TotalWeight = HourWeights.Sum();

    // Stands for the encrypted activity (the column holds ciphertext; nothing reads it here).
    private static readonly string Ciphertext = "v1:bench:" + new string('x', 150);

    /// <summary>The first day (Japan time) of the year generated.</summary>
    public DateOnly FirstDay { get; } = firstDay;

    /// <summary>The FAQ ids the bot answers with (400, a few of them often).</summary>
    public static IReadOnlyList<string> FaqIds { get; } = [.. Enumerable.Range(1, 400).Select(i => new Guid(i, 0x0F, 0xA0, 0, 0, 0, 0, 0, 0, 0, 1).ToString())];

    /// <summary>Every tenth conversation becomes a case.</summary>
    public static bool HasCase(int conversation) => conversation % 10 == 3;

    public IEnumerable<object?[]> Conversations()
    {
        for (var i = 0; i < conversations; i++)
        {
            var c = Plan(i);
            yield return [c.Id, c.Channel.ToString(), Ciphertext, "bench-" + i.ToString(CultureInfo.InvariantCulture), c.HandedOff && !c.Answered ? "Abandoned" : "Closed",
                (long)ReportsBenchOptions.MessagesPerConversation, c.ArrivedUtc, c.EndUtc, c.EndUtc, 4];
        }
    }

    public IEnumerable<object?[]> Messages()
    {
        for (var i = 0; i < conversations; i++)
        {
            var c = Plan(i);
            for (var m = 1; m <= ReportsBenchOptions.MessagesPerConversation; m++)
            {
                var inbound = m % 2 == 1;
                yield return [new Guid(i, (short)m, 0x3E, 0, 0, 0, 0, 0, 0, 0, 2), c.Id, (long)m, inbound ? "Inbound" : "Outbound", "message", inbound ? "user" : "bot",
                    Ciphertext, c.ArrivedUtc.AddSeconds(m * 20), inbound ? "NotRequired" : "Delivered", inbound ? 0 : 1];
            }
        }
    }

    /// <summary>The cases (conversation index, channel, made at, category, department or null when not escalated).</summary>
    public IEnumerable<(int Conversation, Guid ConversationId, ContactChannel Channel, DateTime CreatedUtc, Guid Category, Guid? Department)> Cases()
    {
        for (var i = 0; i < conversations; i++)
        {
            if (HasCase(i))
            {
                var c = Plan(i);
                yield return (i, c.Id, c.Channel, c.ArrivedUtc.AddMinutes(15), c.CaseCategory, c.Department);
            }
        }
    }

    /// <summary>The contact events of every conversation and case; <paramref name="caseIds"/> names the case of a conversation.</summary>
    public IEnumerable<object?[]> ContactEvents(IReadOnlyDictionary<int, Guid> caseIds)
    {
        for (var i = 0; i < conversations; i++)
        {
            var c = Plan(i);
            var key = "bench:" + c.Id.ToString("N") + ":";
            var channel = c.Channel.ToString();
            object?[] Event(string what, ContactEventKind kind, DateTime at, string? faq = null, long? wait = null, string? category = null, Guid? department = null, Guid? caseId = null, string? wrapUp = null, int? satisfaction = null) =>
                [key + what, kind.ToString(), at, channel, c.Id, caseId, faq, department, wait, category, wrapUp, satisfaction, false];

            yield return Event("arrived", ContactEventKind.Arrived, c.ArrivedUtc);
            for (var a = 0; a < c.Faqs.Length; a++)
            {
                yield return Event("bot" + a.ToString(CultureInfo.InvariantCulture), ContactEventKind.BotAnswered, c.ArrivedUtc.AddSeconds(20 + (a * 40)), faq: c.Faqs[a]);
            }

            if (c.HandedOff)
            {
                var handedAt = c.ArrivedUtc.AddMinutes(2);
                yield return Event("handed", ContactEventKind.HandedOff, handedAt, category: c.Topic);
                if (c.Congestion)
                {
                    yield return Event("congestion", ContactEventKind.Congestion, handedAt);
                }

                if (c.Answered)
                {
                    yield return Event("answered", ContactEventKind.Answered, handedAt.AddMilliseconds(c.WaitMs), wait: c.WaitMs);
                    yield return Event("closed", ContactEventKind.Closed, c.EndUtc, wrapUp: "resolved");
                    if (c.Satisfaction is { } rating)
                    {
                        yield return Event("satisfaction", ContactEventKind.SatisfactionGiven, c.EndUtc.AddMinutes(1), satisfaction: rating);
                    }
                }
                else
                {
                    yield return Event("abandoned", ContactEventKind.Abandoned, handedAt.AddMilliseconds(c.WaitMs), wait: c.WaitMs);
                }
            }

            if (HasCase(i) && c.Department is { } department && caseIds.TryGetValue(i, out var caseId))
            {
                yield return Event("escalated", ContactEventKind.Escalated, c.ArrivedUtc.AddHours(1), category: c.CaseCategory.ToString("N"), department: department, caseId: caseId);
            }
        }
    }

    private ConversationPlan Plan(int i)
    {
        var random = new Random(unchecked((i * 7919) + 18));
        var day = FirstDay.AddDays((int)((long)i * 365 / conversations));
        var pick = random.Next(TotalWeight);
        var hour = 0;
        while (pick >= HourWeights[hour])
        {
            pick -= HourWeights[hour++];
        }

        var arrived = JapanTime.At(day, new TimeOnly(hour, random.Next(60), random.Next(60))).UtcDateTime;
        var channel = i % 5 == 0 ? ContactChannel.Voice : random.Next(10) < 6 ? ContactChannel.WebChat : ContactChannel.Line;
        var answers = random.Next(100) switch { < 15 => 0, < 60 => 1, < 85 => 2, _ => 3 };
        // A skewed pick: a few FAQs (ごみの出し方, 住民票) are asked for far more than the rest.
        var faqs = Enumerable.Range(0, answers).Select(_ => FaqIds[(int)(FaqIds.Count * Math.Pow(random.NextDouble(), 3))]).ToArray();
        var handedOff = random.Next(100) < (channel == ContactChannel.Voice ? 40 : 25) || answers == 0 && random.Next(2) == 0;
        var congestion = handedOff && random.Next(100) < 3;
        var answered = handedOff && !congestion && random.Next(100) < 90;
        // Waits straddle 10 s: about half within, the rest up to a few minutes.
        var waitMs = (long)(-Math.Log(1 - random.NextDouble()) * 15_000);
        var satisfaction = answered && random.Next(100) < 20 ? random.Next(1, 6) : (int?)null;
        var caseCategory = categories[(int)(categories.Count * Math.Pow(random.NextDouble(), 2))];
        Guid? department = random.Next(100) < 60 ? departments[random.Next(departments.Count)] : null;
        return new ConversationPlan(new Guid(i, 0x0C, 0x0F, 0, 0, 0, 0, 0, 0, 0, 3), channel, arrived, arrived.AddMinutes(answered ? 12 : 3), faqs, handedOff, congestion, answered,
            waitMs, satisfaction, "topic-" + random.Next(20).ToString("D2", CultureInfo.InvariantCulture), caseCategory, department);
    }
}
