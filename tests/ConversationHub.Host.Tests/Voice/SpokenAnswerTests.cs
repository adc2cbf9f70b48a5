using ConversationHub.VoiceBridge.Flows;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>Answers for the ear: no Markdown, no addresses, two sentences at most, numbers read as numbers.</summary>
public sealed class SpokenAnswerTests
{
    [Fact]
    public void PlainText_DropsMarkdownAndAddresses_AndKeepsTwoSentences()
    {
        const string Answer = """
            **粗大ごみ**は、[粗大ごみ受付センター](https://example.jp/sodai)に電話で申し込んでください。
            - 収集は毎月第2水曜日です。
            - 詳しくは https://example.jp/gomi をご覧ください。
            """;

        Assert.Equal("粗大ごみは、粗大ごみ受付センターに電話で申し込んでください。収集は毎月第2水曜日です。", SpokenAnswer.PlainText(Answer));
    }

    [Fact]
    public void PlainText_EndsASentenceWithoutPunctuation() =>
        Assert.Equal("窓口は市民課です。", SpokenAnswer.PlainText("窓口は市民課です"));

    [Fact]
    public void Ssml_ReadsPhoneNumbersTimesAndDates_AndEscapes()
    {
        var ssml = SpokenAnswer.Ssml("受付は8:30から、電話は03-1234-5678です。締切は2026/12/28、R&Dは対象外です。", "ja-JP-NanamiNeural");

        Assert.StartsWith("<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"ja-JP\"><voice name=\"ja-JP-NanamiNeural\">", ssml, StringComparison.Ordinal);
        Assert.Contains("<say-as interpret-as=\"time\" format=\"hms24\">8:30</say-as>", ssml, StringComparison.Ordinal);
        Assert.Contains("<say-as interpret-as=\"telephone\">03-1234-5678</say-as>", ssml, StringComparison.Ordinal);
        Assert.Contains("<say-as interpret-as=\"date\" format=\"ymd\">2026/12/28</say-as>", ssml, StringComparison.Ordinal);
        Assert.Contains("R&amp;D", ssml, StringComparison.Ordinal);
        Assert.EndsWith("</voice></speak>", ssml, StringComparison.Ordinal);
        var document = System.Xml.Linq.XDocument.Parse(ssml);
        Assert.Equal("speak", document.Root!.Name.LocalName);
    }
}
