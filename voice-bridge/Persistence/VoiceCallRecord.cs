using System.Text.Json;
using ConversationHub.Core.Security;

namespace ConversationHub.VoiceBridge.Persistence;

/// <summary>Writes the call record's parts on <see cref="VoiceCall"/>, within their column limits.</summary>
internal static class VoiceCallRecord
{
    public const int MaxPath = 1000;
    public const int MaxFaqIds = 1000;
    public const string QuestionsPurpose = "voice.Questions";

    /// <summary>Adds a step to the way through the menu (a code, never what the caller said).</summary>
    public static void Step(this VoiceCall call, string code)
    {
        var next = call.Path.Length == 0 ? code : call.Path + " " + code;
        if (next.Length <= MaxPath)
        {
            call.Path = next;
        }
    }

    /// <summary>Adds a question as heard, encrypted with the others.</summary>
    public static void Asked(this VoiceCall call, string question, IPiiProtector pii)
    {
        List<string> questions = [.. call.ReadQuestions(pii), question];
        call.QuestionsEncrypted = pii.Protect(JsonSerializer.Serialize(questions), QuestionsPurpose);
        call.Questions = questions.Count;
    }

    /// <summary>The questions as heard.</summary>
    public static IReadOnlyList<string> ReadQuestions(this VoiceCall call, IPiiProtector pii) =>
        call.QuestionsEncrypted is { } sealedText ? JsonSerializer.Deserialize<List<string>>(pii.Unprotect(sealedText, QuestionsPurpose)) ?? [] : [];

    /// <summary>Adds an FAQ answered.</summary>
    public static void Answered(this VoiceCall call, string faqId)
    {
        var next = call.FaqIds.Length == 0 ? faqId : call.FaqIds + "|" + faqId;
        if (next.Length <= MaxFaqIds)
        {
            call.FaqIds = next;
        }
    }
}
