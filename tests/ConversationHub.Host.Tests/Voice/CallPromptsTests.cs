using ConversationHub.Core.Calendar;
using ConversationHub.VoiceBridge.Flows;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>What callers hear first, from the resource files, in each language of the language menu.</summary>
public sealed class CallPromptsTests
{
    private static readonly DateTimeOffset Monday830 = JapanTime.At(new DateOnly(2026, 12, 7), new TimeOnly(8, 30));

    [Fact]
    public void Closed_SaysTheNextOpeningInJapanese()
    {
        var text = CallPrompts.Opening(new CallEntry(CallEntryKind.Closed, null, Monday830, false, false), CallLanguage.Of("ja"), "若葉台市");
        Assert.Equal("お電話ありがとうございます。若葉台市コンタクトセンターです。ただいまの時間は受付時間外です。次の受付は12月7日（月）8時30分からです。お電話ありがとうございました。", text);
    }

    [Fact]
    public void Closed_SaysTheNextOpeningInEnglish() =>
        Assert.Contains("We open again Monday, December 7 at 8:30 AM.", CallPrompts.Opening(new CallEntry(CallEntryKind.Closed, null, Monday830, false, false), CallLanguage.Of("en"), "Wakabadai"), StringComparison.Ordinal);

    [Theory]
    [InlineData(true, false, "2を")]
    [InlineData(false, false, "9を押してください。")]
    [InlineData(false, true, "混み合って")]
    public void Open_OffersWhatCanBeDone(bool operatorOffered, bool congested, string expected)
    {
        var text = CallPrompts.Opening(new CallEntry(CallEntryKind.Open, null, null, operatorOffered, congested), CallLanguage.Of("ja"), "若葉台市");
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Equal(operatorOffered, text.Contains("オペレーターにおつなぎする場合", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryLanguage_HasEveryPrompt()
    {
        string[] keys = ["Greeting", "Menu", "MenuWithOperator", "Congested", "Closed", "ClosedNoNext", "ServiceEnded", "Forwarding", "AskAgain", "OfferSms", "SmsSent", "Goodbye", "DateTimeFormat"];
        foreach (var language in CallLanguage.All)
        {
            foreach (var key in keys)
            {
                var japanese = CallPrompts.Text(CallLanguage.Of("ja"), key, "X");
                var text = CallPrompts.Text(language, key, "X");
                Assert.False(string.IsNullOrWhiteSpace(text), $"{language.Tag}: {key}");
                Assert.True(language.Tag == "ja" || text != japanese, $"{language.Tag}: {key} falls back to Japanese");
            }
        }
    }

    [Fact]
    public void UnknownLanguage_IsJapanese() => Assert.Equal("ja", CallLanguage.Of("fr").Tag);
}
