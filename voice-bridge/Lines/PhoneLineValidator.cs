using ConversationHub.VoiceBridge.Flows;
using ConversationHub.VoiceBridge.Persistence;
using ConversationHub.VoiceBridge.Resources;
using Microsoft.Extensions.Localization;

namespace ConversationHub.VoiceBridge.Lines;

/// <summary>Checks a <see cref="PhoneLineRequest"/> field by field; messages in Japanese (<c>PhoneLineStrings.resx</c>), keyed by the JSON field name.</summary>
internal sealed class PhoneLineValidator(IStringLocalizer<PhoneLineStrings> strings)
{
    public const int MaxQueueLimit = 1000;

    public const int MinWaitSeconds = 10;

    public const int MaxWaitSecondsLimit = 7200;

    public string VersionRequired => strings["Line_VersionRequired"];

    public string ForwardToWhileOn => strings["Line_ForwardToWhileOn"];

    public string DeleteWhileOn => strings["Line_DeleteWhileOn"];

    /// <summary>The normalized values, or the errors; <paramref name="number"/> null on update (the number is the route's).</summary>
    public Dictionary<string, string[]> Validate(PhoneLineRequest request, string? number, out ValidLine valid)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var normalizedNumber = number ?? "";
        if (number is null)
        {
            var problem = PhoneNumbers.TryNormalize(request.Number, out normalizedNumber);
            if (problem != PhoneNumbers.Problem.None)
            {
                errors["number"] = [PhoneNumbers.Message(strings, problem, strings["Label_Number"])];
            }
        }

        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["name"] = [strings["Line_NameRequired"]];
        }
        else if (name.Length > VoiceLineEntityTypeConfiguration.NameLength)
        {
            errors["name"] = [strings["Line_NameTooLong", VoiceLineEntityTypeConfiguration.NameLength]];
        }

        var greeting = string.IsNullOrWhiteSpace(request.Greeting) ? null : request.Greeting.Trim();
        if (greeting?.Length > VoiceLineEntityTypeConfiguration.GreetingLength)
        {
            errors["greeting"] = [strings["Line_GreetingTooLong", VoiceLineEntityTypeConfiguration.GreetingLength]];
        }

        var maxQueue = request.MaxQueueLength ?? 10;
        if (maxQueue is < 0 or > MaxQueueLimit)
        {
            errors["maxQueueLength"] = [strings["Line_MaxQueueLength", 0, MaxQueueLimit]];
        }

        var maxWait = request.MaxWaitSeconds ?? 600;
        if (maxWait is < MinWaitSeconds or > MaxWaitSecondsLimit)
        {
            errors["maxWaitSeconds"] = [strings["Line_MaxWait", MinWaitSeconds, MaxWaitSecondsLimit]];
        }

        var languages = new List<string>();
        var known = string.Join("、", CallLanguage.All.Select(l => l.Tag));
        foreach (var tag in request.Languages ?? ["ja"])
        {
            var trimmed = (tag ?? "").Trim().ToLowerInvariant();
            if (!CallLanguage.All.Any(l => l.Tag == trimmed))
            {
                errors["languages"] = [strings["Line_LanguageUnknown", tag ?? "", known]];
                break;
            }

            if (languages.Contains(trimmed))
            {
                errors["languages"] = [strings["Line_LanguageTwice", trimmed]];
                break;
            }

            languages.Add(trimmed);
        }

        if (languages.Count == 0 && !errors.ContainsKey("languages"))
        {
            errors["languages"] = [strings["Line_LanguagesEmpty"]];
        }

        string? forward = null;
        if (!string.IsNullOrWhiteSpace(request.EmergencyForwardTo))
        {
            var problem = PhoneNumbers.TryNormalize(request.EmergencyForwardTo, out var target);
            if (problem != PhoneNumbers.Problem.None)
            {
                errors["emergencyForwardTo"] = [PhoneNumbers.Message(strings, problem, strings["Label_ForwardTo"])];
            }
            else if (target == normalizedNumber)
            {
                errors["emergencyForwardTo"] = [strings["Line_ForwardToSelf"]];
            }
            else
            {
                forward = target;
            }
        }

        valid = new ValidLine(normalizedNumber, name, request.Enabled ?? true, greeting, request.ServiceEndsOn, maxQueue, maxWait, string.Join(',', languages), forward);
        return errors;
    }

    /// <summary>Checks a forward target for the switch: E.164, not the line itself.</summary>
    public string? ValidateTarget(string? input, string lineNumber, out string target)
    {
        var problem = PhoneNumbers.TryNormalize(input, out target);
        if (problem == PhoneNumbers.Problem.Empty)
        {
            return strings["Switch_ForwardToRequired"];
        }

        if (problem != PhoneNumbers.Problem.None)
        {
            return PhoneNumbers.Message(strings, problem, strings["Label_ForwardTo"]);
        }

        return target == lineNumber ? strings["Line_ForwardToSelf"].Value : null;
    }

    internal sealed record ValidLine(
        string Number, string Name, bool Enabled, string? Greeting, DateOnly? ServiceEndsOn, int MaxQueueLength, int MaxWaitSeconds, string Languages, string? EmergencyForwardTo);
}
