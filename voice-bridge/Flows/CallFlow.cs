namespace ConversationHub.VoiceBridge.Flows;

/// <summary>Where a call stands in the flow.</summary>
public enum CallStep
{
    /// <summary>Ringing: nothing said yet.</summary>
    Ringing,

    /// <summary>The main menu: keys or a spoken question.</summary>
    Menu,

    /// <summary>The menu by keys only (speech failed twice).</summary>
    KeysMenu,

    /// <summary>Waiting for the bot's answer.</summary>
    Answering,

    /// <summary>Asked whether to send the details by SMS.</summary>
    SmsOffer,

    /// <summary>In the operators' queue.</summary>
    Queued,

    /// <summary>Saying goodbye; the call ends when the prompt ends.</summary>
    Closing,

    /// <summary>Over.</summary>
    Ended,
}

/// <summary>
/// The voicebot's decisions for one call, free of telephony and storage: it takes what happened (the call rang, keys
/// were pressed, words were heard, the bot answered, a prompt ended) and returns what to do next. The menu is 1 = a
/// question by keys, 2 = an operator (only when one can take the call), 3 = the FAQ's address by SMS (when congested),
/// 9 = hear it again. Words not understood are asked again once; after two failures the menu is offered by keys only,
/// then the operator when there is one, else the call ends politely.
/// </summary>
public sealed class CallFlow(CallLanguage language, string cityName, string faqSiteUrl)
{
    /// <summary>Speech below this confidence counts as not understood.</summary>
    public const double MinConfidence = 0.5;

    private const string Goodbye = "goodbye";

    private CallEntry _entry = new(CallEntryKind.Open, null, null, false, false);
    private string? _lastFaqUrl;

    /// <summary>Where the call stands.</summary>
    public CallStep Step { get; private set; } = CallStep.Ringing;

    /// <summary>How many times in a row the caller was not understood.</summary>
    public int Failures { get; private set; }

    /// <summary>The language of the call.</summary>
    public CallLanguage Language => language;

    /// <summary>How the call was met (set by <see cref="Start"/> or <see cref="Restore"/>).</summary>
    public CallEntry Entry => _entry;

    /// <summary>The flow's state, to store between events (a call's events may reach any node).</summary>
    public CallFlowState Snapshot() => new(Step, Failures, _entry, _lastFaqUrl);

    /// <summary>A flow in the state <paramref name="state"/> was left in.</summary>
    public static CallFlow Restore(CallFlowState state, CallLanguage language, string cityName, string faqSiteUrl)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new CallFlow(language, cityName, faqSiteUrl) { Step = state.Step, Failures = state.Failures, _entry = state.Entry, _lastFaqUrl = state.LastFaqUrl };
    }

    /// <summary>The call was answered: greet, or say why it ends here.</summary>
    public IReadOnlyList<CallCommand> Start(CallEntry entry, DateOnly? serviceEndedOn = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entry = entry;
        var opening = CallPrompts.Opening(entry, language, cityName, serviceEndedOn);
        switch (entry.Kind)
        {
            case CallEntryKind.Forward:
                Step = CallStep.Ended;
                return [new SayCommand(opening, null, "forward"), new ForwardCommand(entry.ForwardTo!)];
            case CallEntryKind.Closed or CallEntryKind.ServiceEnded:
                Step = CallStep.Closing;
                return [new SayCommand(opening, null, Goodbye)];
            default:
                Step = CallStep.Menu;
                return [new ListenCommand(opening, "menu", MenuKeys, Speech: true)];
        }
    }

    /// <summary>The caller pressed <paramref name="keys"/>.</summary>
    public IReadOnlyList<CallCommand> Pressed(string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var key = keys.Length > 0 ? keys[0] : ' ';
        switch (Step)
        {
            case CallStep.Menu or CallStep.KeysMenu:
                List<CallCommand>? chosen = key switch
                {
                    '1' => [Listen(CallPrompts.Text(language, "Menu"), "question", keys: "9", speech: true)],
                    '2' when _entry.OperatorOffered => ToQueue(),
                    '3' when _entry.Congested => SmsAndGoodbye("faq_site", faqSiteUrl),
                    '9' => [MenuListen()],
                    _ => null,
                };
                if (chosen is null)
                {
                    return NotUnderstood();
                }

                Failures = 0;
                return chosen;
            case CallStep.SmsOffer:
                return key switch
                {
                    '1' when _lastFaqUrl is not null => SmsThenMenu(_lastFaqUrl),
                    '2' => BackToMenu(),
                    _ => [new ListenCommand(CallPrompts.Text(language, "AskAgain") + CallPrompts.Text(language, "OfferSms"), "sms_offer", "12", Speech: false)],
                };
            default:
                return [];
        }
    }

    /// <summary>The caller said <paramref name="text"/> with <paramref name="confidence"/> (0–1).</summary>
    public IReadOnlyList<CallCommand> Heard(string text, double confidence)
    {
        if (Step is not (CallStep.Menu or CallStep.KeysMenu) || string.IsNullOrWhiteSpace(text) || confidence < MinConfidence)
        {
            return Step is CallStep.Menu or CallStep.KeysMenu ? NotUnderstood() : [];
        }

        Failures = 0;
        Step = CallStep.Answering;
        return [new AskBotCommand(text.Trim())];
    }

    /// <summary>Nothing (or nothing usable) was heard before the recognizer gave up.</summary>
    public IReadOnlyList<CallCommand> Silence() => Step is CallStep.Menu or CallStep.KeysMenu or CallStep.SmsOffer ? NotUnderstood() : [];

    /// <summary>
    /// The bot answered: <paramref name="markdown"/> is its answer for the screen and <paramref name="faqUrl"/> the FAQ's
    /// address; null when it found nothing.
    /// </summary>
    public IReadOnlyList<CallCommand> Answered(string? markdown, string? faqUrl, string voiceName)
    {
        if (Step != CallStep.Answering)
        {
            return [];
        }

        if (markdown is null)
        {
            Step = CallStep.Menu;
            return NotUnderstood();
        }

        _lastFaqUrl = faqUrl;
        var answer = new SayCommand(SpokenAnswer.PlainText(markdown), SpokenAnswer.Ssml(markdown, voiceName, language.Culture.Name), "answer");
        if (faqUrl is null)
        {
            Step = CallStep.Menu;
            return [answer, MenuListen()];
        }

        Step = CallStep.SmsOffer;
        return [answer, new ListenCommand(CallPrompts.Text(language, "OfferSms"), "sms_offer", "12", Speech: false)];
    }

    /// <summary>A prompt ended.</summary>
    public IReadOnlyList<CallCommand> Said(string context)
    {
        if (context == Goodbye && Step == CallStep.Closing)
        {
            Step = CallStep.Ended;
            return [new HangUpCommand()];
        }

        return [];
    }

    /// <summary>The caller hung up.</summary>
    public void HungUp() => Step = CallStep.Ended;

    private string MenuKeys => "19" + (_entry.OperatorOffered ? "2" : "") + (_entry.Congested ? "3" : "");

    private ListenCommand MenuListen() => Listen(CallPrompts.Opening(_entry, language, cityName), "menu", MenuKeys, speech: Step != CallStep.KeysMenu);

    private static ListenCommand Listen(string prompt, string context, string keys, bool speech) => new(prompt, context, keys, speech);

    private List<CallCommand> NotUnderstood()
    {
        Failures++;
        if (Failures == 1)
        {
            Step = CallStep.Menu;
            return [Listen(CallPrompts.Text(language, "AskAgain"), "menu", MenuKeys, speech: true)];
        }

        if (Failures == 2)
        {
            Step = CallStep.KeysMenu;
            return [MenuListen()];
        }

        return _entry.OperatorOffered ? ToQueue() : [SayGoodbye()];
    }

    private List<CallCommand> ToQueue()
    {
        Step = CallStep.Queued;
        return [new SayCommand(CallPrompts.Text(language, "Forwarding"), null, "queue"), new QueueCommand()];
    }

    private List<CallCommand> SmsAndGoodbye(string kind, string url)
    {
        Step = CallStep.Closing;
        return [new SendSmsCommand(kind, url), new SayCommand(CallPrompts.Text(language, "SmsSent") + CallPrompts.Text(language, "Goodbye"), null, Goodbye)];
    }

    private List<CallCommand> SmsThenMenu(string url)
    {
        Step = CallStep.Menu;
        return [new SendSmsCommand("faq", url), new SayCommand(CallPrompts.Text(language, "SmsSent"), null, "sms_sent"), MenuListen()];
    }

    private List<CallCommand> BackToMenu()
    {
        Step = CallStep.Menu;
        return [MenuListen()];
    }

    private SayCommand SayGoodbye()
    {
        Step = CallStep.Closing;
        return new SayCommand(CallPrompts.Text(language, "Goodbye"), null, Goodbye);
    }
}

/// <summary>What <see cref="CallFlow"/> keeps between events: plain data, serialisable as JSON.</summary>
/// <param name="Step">Where the call stands.</param>
/// <param name="Failures">Failures in a row.</param>
/// <param name="Entry">How the call was met.</param>
/// <param name="LastFaqUrl">The address of the FAQ last answered (for the SMS offer).</param>
public sealed record CallFlowState(CallStep Step, int Failures, CallEntry Entry, string? LastFaqUrl);
