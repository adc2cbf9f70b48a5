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

    [Fact]
    public void SpokenRequestForAPerson_QueuesWhenOffered_ElseSaysSoAndListens()
    {
        var flow = NewFlow();
        flow.Start(OpenWithOperator);
        var queued = flow.Heard("ｵﾍﾟﾚｰﾀｰにつないでください", 0.9);
        Assert.IsType<QueueCommand>(queued[1]);
        Assert.Equal(CallStep.Queued, flow.Step);

        var alone = NewFlow();
        alone.Start(OpenNoOperator);
        var told = Assert.IsType<ListenCommand>(Assert.Single(alone.Heard("担当者と話したい", 0.9)));
        Assert.StartsWith("申し訳ありません。ただいまオペレーターにおつなぎできません。", told.Prompt, StringComparison.Ordinal);
        Assert.Equal(CallStep.Menu, alone.Step);
    }

    [Fact]
    public void Queue_PlaceBetweenPauses_ThenTheAgentJoins_ThenMovedToADepartment()
    {
        var flow = NewFlow();
        flow.Start(OpenWithOperator);
        flow.Pressed("2");
        var hold = Assert.IsType<SayCommand>(Assert.Single(flow.Waiting(3, TimeSpan.FromSeconds(150), TimeSpan.FromSeconds(20))));
        Assert.StartsWith("ただいま3番目にお待ちいただいています。おおよそ3分で", hold.Text, StringComparison.Ordinal);
        Assert.Contains("<break time=\"10000ms\"/><break time=\"10000ms\"/>", hold.Ssml, StringComparison.Ordinal);
        Assert.IsType<AnnounceStandingCommand>(Assert.Single(flow.Said(hold.Context)));

        var connect = flow.AgentAccepted("8:acs:agent-1");
        Assert.IsType<CancelMediaCommand>(connect[0]);
        Assert.Equal(new ConnectCommand("8:acs:agent-1", CallFlow.AgentContext), connect[1]);
        Assert.Empty(flow.Said(hold.Context));
        Assert.Empty(flow.Joined(CallFlow.AgentContext));
        Assert.Equal(CallStep.WithAgent, flow.Step);

        // A state stored and restored (another node takes the next event) keeps the agent.
        flow = CallFlow.Restore(flow.Snapshot(), CallLanguage.Of("ja"), "若葉台市", "https://faq.example.jp/");
        Assert.Equal(new ConnectCommand("+815012302110", CallFlow.DepartmentContext), Assert.Single(flow.TransferToDepartment("+815012302110")));
        Assert.Empty(flow.TransferToDepartment("+815012302120"));
        Assert.Equal(new DisconnectCommand("8:acs:agent-1", CallFlow.AgentContext), Assert.Single(flow.Joined(CallFlow.DepartmentContext)));
        Assert.Equal(CallStep.WithDepartment, flow.Step);
    }

    [Fact]
    public void AgentPhoneUnanswered_ApologyAndGoodbye()
    {
        var flow = NewFlow();
        flow.Start(OpenWithOperator);
        flow.Pressed("2");
        flow.AgentAccepted("+81312345678");
        var sorry = Assert.IsType<SayCommand>(Assert.Single(flow.NotJoined(CallFlow.AgentContext)));
        Assert.Contains("担当者におつなぎできませんでした", sorry.Text, StringComparison.Ordinal);
        Assert.IsType<HangUpCommand>(Assert.Single(flow.Said(sorry.Context)));
    }

    [Fact]
    public void LanguageMenu_EachChoiceInItsOwnVoice_SilenceKeepsTheDefault()
    {
        var flow = NewFlow();
        var menu = Assert.IsType<ListenCommand>(Assert.Single(flow.Start(OpenWithOperator, null, ["ja", "en", "ko"], "こちらは若葉台市の子育て相談です。")));
        Assert.Equal("123", menu.Keys);
        Assert.Contains("<voice name=\"ko-KR-SunHiNeural\">", menu.Ssml, StringComparison.Ordinal);
        Assert.Contains("한국어는 3번을", menu.Prompt, StringComparison.Ordinal);

        var greeting = Assert.IsType<ListenCommand>(Assert.Single(flow.Silence()));
        Assert.StartsWith("こちらは若葉台市の子育て相談です。", greeting.Prompt, StringComparison.Ordinal);

        var english = NewFlow();
        english.Start(OpenWithOperator, null, ["ja", "en"], "こちらは若葉台市の子育て相談です。");
        var menuEn = Assert.IsType<ListenCommand>(Assert.Single(english.Pressed("2")));
        Assert.Equal("en", english.Language.Tag);
        Assert.StartsWith("Thank you for calling", menuEn.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Congested_WithAReservationSite_OffersItsAddressBy4()
    {
        var flow = new CallFlow(CallLanguage.Of("ja"), "若葉台市", "https://faq.example.jp/", "https://yoyaku.example.jp/");
        var menu = Assert.IsType<ListenCommand>(Assert.Single(flow.Start(Congested)));
        Assert.Equal("1934", menu.Keys);
        Assert.Contains("予約サイトのアドレスをショートメッセージでお送りする場合は4を", menu.Prompt, StringComparison.Ordinal);
        Assert.Equal(new SendSmsCommand("reservation_site", "https://yoyaku.example.jp/"), flow.Pressed("4")[0]);

        var without = NewFlow();
        Assert.Equal("193", Assert.IsType<ListenCommand>(Assert.Single(without.Start(Congested))).Keys);
    }

    [Fact]
    public void ChatHandedToAnotherAgent_NewPhoneJoinsFirst_ThenTheFirstLeaves()
    {
        var flow = NewFlow();
        flow.Start(OpenWithOperator);
        flow.Pressed("2");
        flow.AgentAccepted("8:acs:first");
        flow.Joined(CallFlow.AgentContext);

        Assert.Equal(new ConnectCommand("8:acs:second", CallFlow.HandoverContext), Assert.Single(flow.AgentChanged("8:acs:second")));
        Assert.Equal(CallStep.HandingOver, flow.Step);
        flow = CallFlow.Restore(flow.Snapshot(), CallLanguage.Of("ja"), "若葉台市", "https://faq.example.jp/");
        Assert.Equal(new DisconnectCommand("8:acs:first", CallFlow.AgentContext), Assert.Single(flow.Joined(CallFlow.HandoverContext)));
        Assert.Equal("8:acs:second", flow.Agent);

        // A new agent who does not answer leaves the call with the one on the line.
        flow.AgentChanged("8:acs:third");
        Assert.Empty(flow.NotJoined(CallFlow.HandoverContext));
        Assert.Equal(("8:acs:second", CallStep.WithAgent), (flow.Agent, flow.Step));
    }
}
