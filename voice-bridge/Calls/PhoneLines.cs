using System.Globalization;
using ConversationHub.VoiceBridge.Flows;
using Microsoft.Extensions.Configuration;

namespace ConversationHub.VoiceBridge.Calls;

/// <summary>
/// The city's phone lines, for now from configuration (<c>Voice:Lines:&lt;n&gt;:Number</c>, <c>Name</c>,
/// <c>ServiceEndsOn</c>, <c>MaxQueueLength</c>, <c>MaxWait</c>, <c>EmergencyForwardTo</c>); one demo line (the stand-in's
/// default city number) when none is configured. Administrators' editing UI (and storage) comes later.
/// </summary>
internal sealed class PhoneLines(IConfiguration configuration)
{
    internal const string DemoNumber = "+81501234567";

    public PhoneLine? Find(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return null;
        }

        var lines = All();
        return lines.FirstOrDefault(l => string.Equals(l.Number, number, StringComparison.Ordinal));
    }

    private List<PhoneLine> All()
    {
        var lines = new List<PhoneLine>();
        foreach (var section in configuration.GetSection("Voice:Lines").GetChildren())
        {
            if (section["Number"] is not { Length: > 0 } number)
            {
                continue;
            }

            var line = new PhoneLine { Number = number, Name = section["Name"] ?? "", EmergencyForwardTo = section["EmergencyForwardTo"] };
            if (DateOnly.TryParse(section["ServiceEndsOn"], CultureInfo.InvariantCulture, out var ends))
            {
                line = line with { ServiceEndsOn = ends };
            }

            if (int.TryParse(section["MaxQueueLength"], CultureInfo.InvariantCulture, out var max))
            {
                line = line with { MaxQueueLength = max };
            }

            if (TimeSpan.TryParse(section["MaxWait"], CultureInfo.InvariantCulture, out var wait))
            {
                line = line with { MaxWait = wait };
            }

            if (section["Languages"] is { Length: > 0 } languages)
            {
                line = line with { Languages = [.. languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] };
            }

            lines.Add(line);
        }

        return lines.Count > 0 ? lines : [new PhoneLine { Number = DemoNumber, Name = "代表（デモ）" }];
    }
}
