using ConversationHub.VoiceBridge.Flows;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>The voicebot's decisions: menu keys, a spoken question answered for the ear with an SMS offer, asking again, the operator, goodbye.</summary>
public sealed class CallFlowTests
{
    private const string Voice = "ja-JP-NanamiNeural";
    private static readonly CallEntry OpenWithOperator = new(CallEntryKind.Open, null, null, OperatorOffered: true, Congested: false);
    private static readonly CallEntry OpenNoOperator = new(CallEntryKind.Open, null, null, OperatorOffered: false, Congested: false);
    private static readonly CallEntry Congested = new(CallEntryKind.Open, null, null, OperatorOffered: false, Congested: true);

    private static CallFlow NewFlow() => new(CallLanguage.Of("ja"), "若葉台市", "https://faq.example.jp/");

    [Fact]
    public void SpokenQuestion_IsAnsweredForTheEar_ThenTheSmsIsOffered_AndSentOnConsent()
    {
        var flow = NewFlow();
        var menu = Assert.IsType<ListenCommand>(Assert.Single(flow.Start(OpenWithOperator)));
        Assert.Equal("192", menu.Keys);
        Assert.True(menu.Speech);

        var ask = Assert.IsType<AskBotCommand>(Assert.Single(flow.Heard("粗大ごみの出し方を教えて", 0.9)));
        Assert.Equal("粗大ごみの出し方を教えて", ask.Question);
        Assert.Equal(CallStep.Answering, flow.Step);

        var answered = flow.Answered("**粗大ごみ**は[受付センター](https://x.example/a)に申し込んでください。収集は第2水曜日です。詳細は下記。", "https://faq.example.jp/faq/12", Voice);
        var said = Assert.IsType<SayCommand>(answered[0]);
        Assert.Equal("粗大ごみは受付センターに申し込んでください。収集は第2水曜日です。", said.Text);
        Assert.Contains("<voice name=\"ja-JP-NanamiNeural\">", said.Ssml, StringComparison.Ordinal);
        var offer = Assert.IsType<ListenCommand>(answered[1]);
        Assert.Equal("12", offer.Keys);
        Assert.False(offer.Speech);

        var consent = flow.Pressed("1");
        Assert.Equal(new SendSmsCommand("faq", "https://faq.example.jp/faq/12"), consent[0]);
        Assert.Equal(CallStep.Menu, flow.Step);
    }

    [Fact]
    public void NotUnderstood_AsksAgain_ThenKeysOnly_ThenTheOperator()
    {
        var flow = NewFlow();
        flow.Start(OpenWithOperator);
        var again = Assert.IsType<ListenCommand>(Assert.Single(flow.Heard("えーと", 0.2)));
        Assert.StartsWith("申し訳ありません。もう一度おっしゃってください。", again.Prompt, StringComparison.Ordinal);
        Assert.True(again.Speech);

        var keysOnly = Assert.IsType<ListenCommand>(Assert.Single(flow.Silence()));
        Assert.False(keysOnly.Speech);
        Assert.Equal(CallStep.KeysMenu, flow.Step);

        var toOperator = flow.Pressed("7");
        Assert.IsType<QueueCommand>(toOperator[1]);
        Assert.Equal(CallStep.Queued, flow.Step);
    }

    [Fact]
    public void WithoutAnOperator_ThreeFailuresEndPolitely()
    {
        var flow = NewFlow();
        var menu = Assert.IsType<ListenCommand>(Assert.Single(flow.Start(OpenNoOperator)));
        Assert.Equal("19", menu.Keys);
        Assert.DoesNotContain("オペレーター", menu.Prompt, StringComparison.Ordinal);
        Assert.Empty(flow.Pressed("2").OfType<QueueCommand>());
        flow.Silence();
        var bye = Assert.IsType<SayCommand>(Assert.Single(flow.Silence()));
        Assert.Equal("お電話ありがとうございました。", bye.Text);
        Assert.IsType<HangUpCommand>(Assert.Single(flow.Said(bye.Context)));
        Assert.Equal(CallStep.Ended, flow.Step);
    }

    [Fact]
    public void Congested_OffersTheFaqAddressBySms_AndSaysGoodbye()
    {
        var flow = NewFlow();
        var menu = Assert.IsType<ListenCommand>(Assert.Single(flow.Start(Congested)));
        Assert.Equal("193", menu.Keys);
        Assert.Contains("混み合って", menu.Prompt, StringComparison.Ordinal);
        var sent = flow.Pressed("3");
        Assert.Equal(new SendSmsCommand("faq_site", "https://faq.example.jp/"), sent[0]);
        Assert.IsType<HangUpCommand>(Assert.Single(flow.Said(((SayCommand)sent[1]).Context)));
    }

    [Fact]
    public void Closed_SaysWhenItOpens_AndHangsUpAfterThePrompt()
    {
        var flow = NewFlow();
        var said = Assert.IsType<SayCommand>(Assert.Single(flow.Start(new CallEntry(CallEntryKind.Closed, null, null, false, false))));
        Assert.Contains("受付時間外", said.Text, StringComparison.Ordinal);
        Assert.Empty(flow.Pressed("1"));
        Assert.IsType<HangUpCommand>(Assert.Single(flow.Said(said.Context)));
    }

    [Fact]
    public void EmergencySwitch_Forwards()
    {
        var commands = NewFlow().Start(new CallEntry(CallEntryKind.Forward, "+81300000000", null, false, false));
        Assert.Equal(new ForwardCommand("+81300000000"), commands[1]);
    }

    [Fact]
    public void NothingFound_AsksAgain_AndRepeatPlaysTheMenu()
    {
        var flow = NewFlow();
        flow.Start(OpenWithOperator);
        flow.Heard("ふにゃ", 0.8);
        var again = Assert.IsType<ListenCommand>(Assert.Single(flow.Answered(null, null, Voice)));
        Assert.StartsWith("申し訳ありません", again.Prompt, StringComparison.Ordinal);
        var repeat = Assert.IsType<ListenCommand>(Assert.Single(flow.Pressed("9")));
        Assert.StartsWith("お電話ありがとうございます。若葉台市コンタクトセンターです。", repeat.Prompt, StringComparison.Ordinal);
    }
}
