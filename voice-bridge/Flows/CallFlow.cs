namespace ConversationHub.VoiceBridge.Flows;

/// <summary>Where a call stands in the flow.</summary>
public enum CallStep
{
    /// <summary>Ringing: nothing said yet.</summary>
    Ringing,

    /// <summary>The language menu (lines that offer more than one language).</summary>
    Language,

    /// <summary>The main menu: keys or a spoken question.</summary>
    Menu,

    /// <summary>The menu by keys only (speech failed twice).</summary>
    KeysMenu,

    /// <summary>Waiting for the bot's answer.</summary>
    Answering,

    /// <summary>Asked whether to send the details by SMS.</summary>
    SmsOffer,

    /// <summary>In the operators' queue: the place is announced between pauses.</summary>
    Queued,

    /// <summary>An agent accepted; the agent's phone is being added to the call.</summary>
    Connecting,

    /// <summary>The caller talks with the agent (our app stays in the call, silent).</summary>
    WithAgent,

    /// <summary>The agent moves the call on to a department's number.</summary>
    TransferringToDepartment,

    /// <summary>The caller talks with the department.</summary>
    WithDepartment,

    /// <summary>The chat went to another agent: the new agent's phone is being added, the first agent still on the line.</summary>
    HandingOver,

    /// <summary>Saying goodbye; the call ends when the prompt ends.</summary>
    Closing,

    /// <summary>Over.</summary>
    Ended,
}

/// <summary>
/// The voicebot's decisions for one call, free of telephony and storage: it takes what happened (the call rang, keys
/// were pressed, words were heard, the bot answered, a prompt ended) and returns what to do next. The menu is 1 = a
/// question by keys, 2 = an operator (only when one can take the call), 3 = the FAQ's address by SMS and 4 = the
/// reservation site's (when congested, 溢れ呼: the alternatives to waiting), 9 = hear it again. Words not understood are asked again once; after two failures the menu is offered by keys only,
/// then the operator when there is one, else the call ends politely.
/// </summary>
public sealed class CallFlow(CallLanguage language, string cityName, string faqSiteUrl, string? reservationSiteUrl = null)
{

    /// <summary>Speech below this confidence counts as not understood.</summary>
    public const double MinConfidence = 0.5;

    private const string Goodbye = "goodbye";

    private CallEntry _entry = new(CallEntryKind.Open, null, null, false, false);
    private string? _lastFaqUrl;
    private CallLanguage _language = language;
    private IReadOnlyList<string> _languages = [];
    private string? _greeting;
    private string? _previousAgent;

    /// <summary>Where the call stands.</summary>
    public CallStep Step { get; private set; } = CallStep.Ringing;

    /// <summary>How many times in a row the caller was not understood.</summary>
    public int Failures { get; private set; }

    /// <summary>The language of the call (the caller may choose another in the language menu).</summary>
    public CallLanguage Language => _language;

    /// <summary>The agent's phone (E.164 or ACS identity) once an agent accepted the call.</summary>
    public string? Agent { get; private set; }

    /// <summary>The department's number the call is being moved to, or was moved to.</summary>
    public string? Department { get; private set; }

    /// <summary>How the call was met (set by <see cref="Start"/> or <see cref="Restore"/>).</summary>
    public CallEntry Entry => _entry;

    /// <summary>The flow's state, to store between events (a call's events may reach any node).</summary>
    public CallFlowState Snapshot() => new(Step, Failures, _entry, _lastFaqUrl, Agent, Department, [.. _languages], _greeting, _previousAgent);

    /// <summary>A flow in the state <paramref name="state"/> was left in.</summary>
    public static CallFlow Restore(CallFlowState state, CallLanguage language, string cityName, string faqSiteUrl, string? reservationSiteUrl = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new CallFlow(language, cityName, faqSiteUrl, reservationSiteUrl)
        {
            Step = state.Step, Failures = state.Failures, _entry = state.Entry, _lastFaqUrl = state.LastFaqUrl,
            Agent = state.Agent, Department = state.Department, _languages = state.Languages ?? [], _greeting = state.Greeting, _previousAgent = state.PreviousAgent,
        };
    }

    /// <summary>
    /// The call was answered: greet (with the line's own <paramref name="greeting"/> in its first language, when it has
    /// one), or say why it ends here. When the line offers more than one language
    /// (<paramref name="languages"/>, BCP 47 primary tags, the default first) and the call goes on, the caller first
    /// chooses one by key, each choice spoken in its own language. A program's number after its end of service says
    /// the program's own <paramref name="endMessage"/> instead of the line's.
    /// </summary>
    public IReadOnlyList<CallCommand> Start(CallEntry entry, DateOnly? serviceEndedOn = null, IReadOnlyList<string>? languages = null, string? greeting = null, string? endMessage = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entry = entry;
        _greeting = greeting;
        _languages = [.. (languages ?? []).Select(CallLanguage.Of).Distinct().Take(9).Select(l => l.Tag)];
        if (entry.Kind == CallEntryKind.Open && _languages.Count > 1)
        {
            Step = CallStep.Language;
            return [LanguageMenu()];
        }

        if (entry.Kind == CallEntryKind.ServiceEnded && !string.IsNullOrWhiteSpace(endMessage))
        {
            Step = CallStep.Closing;
            return [new SayCommand(endMessage.Trim(), null, Goodbye)];
        }

        return Greet(serviceEndedOn);
    }

    private List<CallCommand> Greet(DateOnly? serviceEndedOn = null)
    {
        var entry = _entry;
        var opening = CallPrompts.Opening(entry, _language, cityName, serviceEndedOn, Greeting, ReservationOffered);
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
            case CallStep.Language:
                var index = key - '1';
                if (index < 0 || index >= _languages.Count)
                {
                    Failures++;
                    return Failures >= 3 ? Greet() : [LanguageMenu()];
                }

                Failures = 0;
                _language = CallLanguage.Of(_languages[index]);
                return Greet();
            case CallStep.Menu or CallStep.KeysMenu:
                List<CallCommand>? chosen = key switch
                {
                    '1' => [Listen(CallPrompts.Text(_language, "Menu"), "question", keys: "9", speech: true)],
                    '2' when _entry.OperatorOffered => ToQueue(),
                    '3' when _entry.Congested => SmsAndGoodbye("faq_site", faqSiteUrl),
                    '4' when _entry.Congested && reservationSiteUrl is { Length: > 0 } => SmsAndGoodbye("reservation_site", reservationSiteUrl),
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
                    _ => [new ListenCommand(CallPrompts.Text(_language, "AskAgain") + CallPrompts.Text(_language, "OfferSms"), "sms_offer", "12", Speech: false)],
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
        if (AsksForOperator(text))
        {
            // 「オペレーターにつないで」: the same as 2 when a person can take the call; otherwise the menu says what can be done.
            return _entry.OperatorOffered ? ToQueue() : [Listen(CallPrompts.Text(_language, "NoOperator"), "menu", MenuKeys, speech: true)];
        }

        Step = CallStep.Answering;
        return [new AskBotCommand(text.Trim())];
    }

    /// <summary>Whether <paramref name="text"/> asks for a person (the language's words from the resource files, e.g. オペレーター, 担当者).</summary>
    public bool AsksForOperator(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC);
        return CallPrompts.Text(_language, "OperatorWords").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(word => folded.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Nothing (or nothing usable) was heard before the recognizer gave up.</summary>
    public IReadOnlyList<CallCommand> Silence() => Step switch
    {
        // No choice: the line's default language.
        CallStep.Language => Greet(),
        CallStep.Menu or CallStep.KeysMenu or CallStep.SmsOffer => NotUnderstood(),
        _ => [],
    };

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
        var answer = new SayCommand(SpokenAnswer.PlainText(markdown), SpokenAnswer.Ssml(markdown, voiceName, _language.Culture.Name), "answer");
        if (faqUrl is null)
        {
            Step = CallStep.Menu;
            return [answer, MenuListen()];
        }

        Step = CallStep.SmsOffer;
        return [answer, new ListenCommand(CallPrompts.Text(_language, "OfferSms"), "sms_offer", "12", Speech: false)];
    }

    /// <summary>A prompt ended.</summary>
    public IReadOnlyList<CallCommand> Said(string context)
    {
        if (context == Goodbye && Step == CallStep.Closing)
        {
            Step = CallStep.Ended;
            return [new HangUpCommand()];
        }

        // The pause ended with the caller still waiting: the place is announced again.
        return context == Hold && Step == CallStep.Queued ? [new AnnounceStandingCommand()] : [];
    }

    /// <summary>
    /// The caller waits in the queue: say the place (<paramref name="position"/>, 1 = next) and the estimated wait, then
    /// a <paramref name="pause"/> (two SSML breaks: Azure's speech allows up to 20 s each); when the pause ends, <see cref="Said"/> asks for the place again. Null: the standing is not known (yet).
    /// </summary>
    public IReadOnlyList<CallCommand> Waiting(int? position, TimeSpan? estimatedWait, TimeSpan pause)
    {
        if (Step != CallStep.Queued)
        {
            return [];
        }

        var place = position switch
        {
            null => CallPrompts.Text(_language, "Hold"),
            1 => CallPrompts.Text(_language, "QueueNext"),
            _ => CallPrompts.Text(_language, "QueuePosition", position.Value, Math.Max(1, (int)Math.Ceiling((estimatedWait ?? TimeSpan.FromMinutes(1)).TotalMinutes))),
        };
        return [new SayCommand(place, HoldSsml(place, pause), Hold)];
    }

    /// <summary>An agent accepted the call in the console: connect the agent's phone (<paramref name="agentPhone"/>).</summary>
    public IReadOnlyList<CallCommand> AgentAccepted(string agentPhone)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentPhone);
        if (Step is not (CallStep.Queued or CallStep.Menu or CallStep.KeysMenu or CallStep.Answering or CallStep.SmsOffer))
        {
            return [];
        }

        Step = CallStep.Connecting;
        Agent = agentPhone;
        return [new CancelMediaCommand(), new ConnectCommand(agentPhone, AgentContext)];
    }

    /// <summary>
    /// The chat was handed to another agent (<paramref name="agentPhone"/>): their phone joins first, then the first
    /// agent leaves, so the caller is never alone on the line.
    /// </summary>
    public IReadOnlyList<CallCommand> AgentChanged(string agentPhone)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentPhone);
        if (Step != CallStep.WithAgent || agentPhone == Agent)
        {
            return [];
        }

        _previousAgent = Agent;
        Agent = agentPhone;
        Step = CallStep.HandingOver;
        return [new ConnectCommand(agentPhone, HandoverContext)];
    }

    /// <summary>A participant joined (<paramref name="context"/> says which invitation).</summary>
    public IReadOnlyList<CallCommand> Joined(string? context)
    {
        if (context == AgentContext && Step == CallStep.Connecting)
        {
            Step = CallStep.WithAgent;
        }
        else if (context == HandoverContext && Step == CallStep.HandingOver)
        {
            Step = CallStep.WithAgent;
            var previous = _previousAgent;
            _previousAgent = null;
            return previous is null ? [] : [new DisconnectCommand(previous, AgentContext)];
        }
        else if (context == DepartmentContext && Step == CallStep.TransferringToDepartment && Agent is { } agent)
        {
            // The department is on the line: the agent leaves, the caller stays with the department.
            Step = CallStep.WithDepartment;
            return [new DisconnectCommand(agent, AgentContext)];
        }

        return [];
    }

    /// <summary>An invitation was not answered: the caller is told, and the call ends (agent) or stays with the agent (department).</summary>
    public IReadOnlyList<CallCommand> NotJoined(string? context)
    {
        if (context == AgentContext && Step == CallStep.Connecting)
        {
            Step = CallStep.Closing;
            return [new SayCommand(CallPrompts.Text(_language, "AgentUnreachable"), null, Goodbye)];
        }

        if (context == DepartmentContext && Step == CallStep.TransferringToDepartment)
        {
            Step = CallStep.WithAgent;
            Department = null;
        }
        else if (context == HandoverContext && Step == CallStep.HandingOver)
        {
            // The new agent did not answer: the first agent is still on the line.
            Step = CallStep.WithAgent;
            Agent = _previousAgent;
            _previousAgent = null;
        }

        return [];
    }

    /// <summary>The agent moves the call on to a department's number (本市内線電話に転送).</summary>
    public IReadOnlyList<CallCommand> TransferToDepartment(string number)
    {
        ArgumentException.ThrowIfNullOrEmpty(number);
        if (Step != CallStep.WithAgent)
        {
            return [];
        }

        Step = CallStep.TransferringToDepartment;
        Department = number;
        return [new ConnectCommand(number, DepartmentContext)];
    }

    /// <summary>The caller hung up.</summary>
    public void HungUp() => Step = CallStep.Ended;

    /// <summary>The context of the invitation of the agent's phone.</summary>
    public const string AgentContext = "agent";

    /// <summary>The context of the invitation of the phone of an agent the chat was handed to.</summary>
    public const string HandoverContext = "handover";

    /// <summary>The context of the invitation of a department's number.</summary>
    public const string DepartmentContext = "department";

    private const string Hold = "hold";

    // The line's own greeting is written in its first language; callers who chose another hear the standard one.
    private string? Greeting => _languages.Count == 0 || _languages[0] == _language.Tag ? _greeting : null;

    // The place, then a pause (SSML, so the pause is part of the prompt and ACS tells us when it ends).
    private string HoldSsml(string text, TimeSpan pause) =>
        $"<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"{_language.Culture.Name}\"><voice name=\"{_language.DefaultVoice}\">"
        + System.Security.SecurityElement.Escape(text) + System.Security.SecurityElement.Escape(CallPrompts.Text(_language, "Hold"))
        + $"<break time=\"{(int)(pause.TotalMilliseconds / 2)}ms\"/><break time=\"{(int)(pause.TotalMilliseconds / 2)}ms\"/></voice></speak>";

    // Each language's line in its own voice: 「日本語の場合は1を…」「For English, press 2.」
    private ListenCommand LanguageMenu()
    {
        var parts = _languages.Select((tag, i) => (Language: CallLanguage.Of(tag), Key: (char)('1' + i))).ToList();
        var text = string.Concat(parts.Select(p => CallPrompts.Text(p.Language, "LanguageChoice", p.Key)));
        var ssml = $"<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"{parts[0].Language.Culture.Name}\">"
            + string.Concat(parts.Select(p => $"<voice name=\"{p.Language.DefaultVoice}\"><lang xml:lang=\"{p.Language.Culture.Name}\">"
                + System.Security.SecurityElement.Escape(CallPrompts.Text(p.Language, "LanguageChoice", p.Key)) + "</lang></voice>"))
            + "</speak>";
        return new ListenCommand(text, "language", string.Concat(parts.Select(p => p.Key)), Speech: false) { Ssml = ssml };
    }

    private string MenuKeys => "19" + (_entry.OperatorOffered ? "2" : "") + (_entry.Congested ? "3" : "") + (_entry.Congested && ReservationOffered ? "4" : "");

    private bool ReservationOffered => !string.IsNullOrEmpty(reservationSiteUrl);

    private ListenCommand MenuListen() => Listen(CallPrompts.Opening(_entry, _language, cityName, null, Greeting, ReservationOffered), "menu", MenuKeys, speech: Step != CallStep.KeysMenu);

    private static ListenCommand Listen(string prompt, string context, string keys, bool speech) => new(prompt, context, keys, speech);

    private List<CallCommand> NotUnderstood()
    {
        Failures++;
        if (Failures == 1)
        {
            Step = CallStep.Menu;
            return [Listen(CallPrompts.Text(_language, "AskAgain"), "menu", MenuKeys, speech: true)];
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
        return [new SayCommand(CallPrompts.Text(_language, "Forwarding"), null, "queue"), new QueueCommand()];
    }

    private List<CallCommand> SmsAndGoodbye(string kind, string url)
    {
        Step = CallStep.Closing;
        return [new SendSmsCommand(kind, url), new SayCommand(CallPrompts.Text(_language, "SmsSent") + CallPrompts.Text(_language, "Goodbye"), null, Goodbye)];
    }

    private List<CallCommand> SmsThenMenu(string url)
    {
        Step = CallStep.Menu;
        return [new SendSmsCommand("faq", url), new SayCommand(CallPrompts.Text(_language, "SmsSent"), null, "sms_sent"), MenuListen()];
    }

    private List<CallCommand> BackToMenu()
    {
        Step = CallStep.Menu;
        return [MenuListen()];
    }

    private SayCommand SayGoodbye()
    {
        Step = CallStep.Closing;
        return new SayCommand(CallPrompts.Text(_language, "Goodbye"), null, Goodbye);
    }
}

/// <summary>What <see cref="CallFlow"/> keeps between events: plain data, serialisable as JSON.</summary>
/// <param name="Step">Where the call stands.</param>
/// <param name="Failures">Failures in a row.</param>
/// <param name="Entry">How the call was met.</param>
/// <param name="LastFaqUrl">The address of the FAQ last answered (for the SMS offer).</param>
/// <param name="Agent">The agent's phone once an agent accepted.</param>
/// <param name="Department">The department's number the call moves or moved to.</param>
/// <param name="Languages">The language menu's languages, in key order.</param>
/// <param name="Greeting">The line's own greeting, if it has one.</param>
/// <param name="PreviousAgent">The first agent's phone while the call is handed to another agent.</param>
public sealed record CallFlowState(CallStep Step, int Failures, CallEntry Entry, string? LastFaqUrl, string? Agent = null, string? Department = null, IReadOnlyList<string>? Languages = null, string? Greeting = null, string? PreviousAgent = null);
