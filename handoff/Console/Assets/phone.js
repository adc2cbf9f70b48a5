// The phone simulator (/console/phone): one caller on the voice simulator's JSON API (data-api). Prompts arrive by long
// poll, are written to the call log (a polite live region) and spoken with the browser's speech synthesis; keys come from
// the on-screen keypad or the keyboard; words are typed or, where the browser can, spoken. Between calls the page also
// watches the caller's number for calls to it (callbacks from a case): they ring in a panel to answer or decline. Every
// text comes from the page's JSON island (HandoffStrings.resx), none is written here.
(() => {
  'use strict';

  const root = document.getElementById('phone');
  const textsNode = document.getElementById('ph-texts');
  if (!root || !textsNode || !root.dataset.api) {
    return;
  }

  const texts = JSON.parse(textsNode.textContent || '{}');
  const t = (key, ...args) => (texts['Phone_' + key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
  const $ = (id) => document.getElementById(id);
  const api = root.dataset.api;

  const el = {
    unavailable: $('ph-unavailable'), lead: root.querySelector('.ph-lead'), body: $('ph-body'), error: $('ph-error'),
    dial: $('ph-dial'), line: $('ph-line'), noLines: $('ph-no-lines'), caller: $('ph-caller'), call: $('ph-call'), hangUp: $('ph-hangup'),
    stateTitle: $('ph-state-title'), state: $('ph-state'), listening: $('ph-listening'), speak: $('ph-speak'), speakNote: $('ph-speak-note'),
    keys: [...root.querySelectorAll('.ph-key')], ask: $('ph-ask'), question: $('ph-question'), say: $('ph-say'),
    mic: $('ph-mic'), micNote: $('ph-mic-note'), questionStatus: $('ph-question-status'),
    log: $('ph-log'), logBox: $('ph-log-box'), logEmpty: $('ph-log-empty'), sms: $('ph-sms'), smsEmpty: $('ph-sms-empty'),
    incoming: $('ph-incoming'), incomingTitle: $('ph-incoming-title'), incomingLine: $('ph-incoming-line'),
    incomingLive: $('ph-incoming-live'), incomingNote: $('ph-incoming-note'),
    answer: $('ph-answer'), decline: $('ph-decline'), busy: $('ph-busy'),
  };

  const ENDED = new Set(['disconnected', 'rejected']);
  const KEYS = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']);
  const POLL_SECONDS = 20;
  const RING_POLL_MS = 2000;
  const RING_NOTE_MS = 8000;

  // The call in progress: { id, state, after, sms: Set of message ids }; null between calls.
  let call = null;
  let dialing = false;

  // ---- speech synthesis (feature-detected: headless browsers may have none, or one that never speaks) ----------------
  const synth = 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : null;
  if (!synth) {
    el.speak.checked = false;
    el.speak.disabled = true;
    el.speakNote.hidden = false;
  }

  function japaneseVoice() {
    try {
      return synth.getVoices().find((v) => /^ja(-|_|$)/i.test(v.lang)) ?? null;
    } catch {
      return null;
    }
  }

  function speak(text) {
    if (!synth || !el.speak.checked || !text) {
      return;
    }

    try {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = 'ja-JP';
      const voice = japaneseVoice();
      if (voice) {
        utterance.voice = voice;
      }

      synth.speak(utterance);
    } catch {
      // Speaking is a convenience: the prompt is on the screen and in the live region either way.
    }
  }

  function hush() {
    try {
      synth?.cancel();
    } catch {
      // Nothing was speaking.
    }
  }

  el.speak.addEventListener('change', () => {
    if (!el.speak.checked) {
      hush();
    }
  });

  // ---- speech recognition (where the browser has it; otherwise a note, and typing) ------------------------------------
  const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  let recognizer = null;
  if (typeof Recognition === 'function') {
    el.mic.hidden = false;
  } else {
    el.micNote.hidden = false;
  }

  function listenWithMic() {
    if (recognizer) {
      recognizer.abort();
      return;
    }

    try {
      recognizer = new Recognition();
      recognizer.lang = 'ja-JP';
      recognizer.interimResults = false;
      recognizer.maxAlternatives = 1;
    } catch {
      recognizer = null;
      showMicFailure();
      return;
    }

    let heard = '';
    recognizer.onresult = (event) => {
      heard = event.results?.[0]?.[0]?.transcript ?? '';
    };
    recognizer.onerror = () => showMicFailure();
    recognizer.onend = () => {
      recognizer = null;
      el.mic.setAttribute('aria-pressed', 'false');
      el.mic.textContent = t('Mic');
      if (heard.trim()) {
        el.question.value = heard.trim();
        void sayAsync(heard.trim());
      }
    };
    hush();
    el.mic.setAttribute('aria-pressed', 'true');
    el.mic.textContent = t('MicListening');
    try {
      recognizer.start();
    } catch {
      recognizer = null;
      el.mic.setAttribute('aria-pressed', 'false');
      el.mic.textContent = t('Mic');
      showMicFailure();
    }
  }

  function showMicFailure() {
    el.questionStatus.textContent = t('MicFailed');
  }

  el.mic.addEventListener('click', listenWithMic);

  // ---- HTTP ----------------------------------------------------------------------------------------------------------
  async function request(method, path, body) {
    const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }

    return fetch(api + path, init);
  }

  function showError(message) {
    el.error.textContent = message;
  }

  function clearError() {
    el.error.textContent = '';
  }

  function showUnavailable() {
    el.unavailable.hidden = false;
    el.body.hidden = true;
    if (el.lead) {
      el.lead.hidden = true;
    }
  }

  // ---- the log and the SMS list ----------------------------------------------------------------------------------------
  function addLog(kind, text) {
    const item = document.createElement('li');
    item.className = 'ph-entry ph-' + kind;
    const who = document.createElement('span');
    who.className = 'ph-who';
    who.textContent = t({ ivr: 'Who_Ivr', caller: 'Who_Caller', keys: 'Who_CallerKeys', system: 'Who_System' }[kind]);
    const what = document.createElement('span');
    what.className = 'ph-what';
    what.textContent = text;
    item.append(who, what);
    el.log.append(item);
    el.logEmpty.hidden = true;
    el.logBox.scrollTop = el.logBox.scrollHeight;
  }

  // Addresses in a message become links; everything else stays text (never HTML).
  function withLinks(target, message) {
    const pattern = /https?:\/\/[^\s<>"]+/g;
    let last = 0;
    for (const match of message.matchAll(pattern)) {
      target.append(document.createTextNode(message.slice(last, match.index)));
      const link = document.createElement('a');
      link.href = match[0];
      link.textContent = match[0];
      link.target = '_blank';
      link.rel = 'noopener';
      target.append(link);
      last = match.index + match[0].length;
    }

    target.append(document.createTextNode(message.slice(last)));
  }

  function addSms(sms) {
    const item = document.createElement('li');
    item.className = 'ph-sms-item';
    const meta = document.createElement('p');
    meta.className = 'ph-sms-meta';
    const time = document.createElement('time');
    time.dateTime = sms.sentAt;
    time.textContent = new Date(sms.sentAt).toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    meta.append(time, document.createTextNode(' ' + t('SmsFrom', sms.from)));
    const body = document.createElement('p');
    body.className = 'ph-sms-text';
    withLinks(body, sms.message);
    item.append(meta, body);
    el.sms.prepend(item);
    el.smsEmpty.hidden = true;
  }

  async function refreshSmsAsync(current) {
    const response = await request('GET', `/calls/${encodeURIComponent(current.id)}/sms`);
    if (!response.ok) {
      return;
    }

    for (const sms of await response.json()) {
      if (!current.sms.has(sms.messageId)) {
        current.sms.add(sms.messageId);
        addSms(sms);
        addLog('system', t('SmsArrived'));
      }
    }
  }

  // ---- the call's state ----------------------------------------------------------------------------------------------
  function stateKey(state, transferred) {
    if (transferred) {
      return ENDED.has(state) ? 'Transferred' : 'Transferring';
    }

    return {
      idle: 'Idle', dialing: 'Dialing', ringing: 'Ringing', connecting: 'Connecting', connected: 'Connected',
      transferring: 'Transferring', disconnected: 'Disconnected', rejected: 'Rejected',
    }[state] ?? 'Connected';
  }

  function listeningText(listening) {
    switch (listening) {
      case 'dtmf': return t('Listening_Keys');
      case 'speech': case 'choices': return t('Listening_Speech');
      case 'speechOrDtmf': return t('Listening_Both');
      default: return call && call.state === 'connected' ? t('Listening_None') : '';
    }
  }

  function showState(state, transferred, listening) {
    const key = stateKey(state, transferred);
    el.state.dataset.state = key.toLowerCase();
    if (el.state.textContent !== t('State_' + key)) {
      el.state.textContent = t('State_' + key);
    }

    el.listening.textContent = listeningText(listening);
  }

  // Controls follow the call: dial between calls; keypad, words and hang-up during one. A control that loses its use
  // while focused hands focus on, so the keyboard is never left on a disabled button.
  function enableControls() {
    const active = !!call && !ENDED.has(call.state);
    const hasLine = el.line.options.length > 0;
    const focused = document.activeElement;
    el.line.disabled = active || dialing || !hasLine;
    el.caller.disabled = active || dialing;
    el.call.disabled = active || dialing || !hasLine;
    el.hangUp.disabled = !active;
    for (const key of el.keys) {
      key.disabled = !active;
    }

    el.question.disabled = !active;
    el.say.disabled = !active;
    el.mic.disabled = !active;
    if (focused instanceof HTMLElement && focused.disabled) {
      (active ? el.stateTitle : el.call.disabled ? el.stateTitle : el.call).focus();
    }
  }

  // ---- the call ------------------------------------------------------------------------------------------------------
  async function placeCallAsync(event) {
    event.preventDefault();
    if (call && !ENDED.has(call.state)) {
      return;
    }

    clearError();
    el.questionStatus.textContent = '';
    // Dialing out while a call rings here leaves it ringing (it times out, as on a phone that is busy calling).
    closeIncoming(null);
    dialing = true;
    showState('dialing', false, null);
    enableControls();
    let response;
    try {
      response = await request('POST', '/calls', { from: el.caller.value.trim(), to: el.line.value });
    } catch {
      response = null;
    } finally {
      dialing = false;
    }

    if (!response || !response.ok) {
      if (response?.status === 404) {
        showUnavailable();
        return;
      }

      showState('idle', false, null);
      showError(response?.status === 400 ? t('InvalidNumber') : t('Error'));
      enableControls();
      el.call.focus();
      watchIncoming();
      return;
    }

    startCall(await response.json());
  }

  // A call placed here or answered here becomes the call in progress: a fresh log, its state, the long poll.
  function startCall(view) {
    el.log.replaceChildren();
    el.logEmpty.hidden = false;
    el.sms.replaceChildren();
    el.smsEmpty.hidden = false;
    call = { id: view.id, state: view.state, after: 0, sms: new Set() };
    showState(view.state, view.transferred, view.listening);
    enableControls();
    el.stateTitle.focus();
    void followAsync(call);
  }

  // The long poll: new prompts (logged and spoken), the state, and the SMS, until the call ends.
  async function followAsync(current) {
    let failures = 0;
    while (call === current) {
      let response;
      try {
        response = await request('GET', `/calls/${encodeURIComponent(current.id)}/prompts?after=${current.after}&waitSeconds=${POLL_SECONDS}`);
      } catch {
        response = null;
      }

      if (call !== current) {
        return;
      }

      if (!response || !response.ok) {
        if (response?.status === 404) {
          current.state = 'disconnected';
          showState('disconnected', false, null);
          showError(t('Gone'));
          enableControls();
          watchIncoming();
          return;
        }

        failures++;
        showError(t('Error'));
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1000 * failures)));
        continue;
      }

      if (failures > 0) {
        failures = 0;
        clearError();
      }

      const heard = await response.json();
      for (const prompt of heard.prompts) {
        current.after = Math.max(current.after, prompt.sequence);
        addLog('ivr', prompt.text);
        speak(prompt.text);
      }

      current.state = heard.state;
      showState(heard.state, heard.transferred, heard.listening);
      try {
        await refreshSmsAsync(current);
      } catch {
        // The next round tries again.
      }

      if (ENDED.has(heard.state)) {
        enableControls();
        watchIncoming();
        return;
      }
    }
  }

  async function pressAsync(key) {
    if (!call || ENDED.has(call.state) || !KEYS.has(key)) {
      return;
    }

    const button = el.keys.find((b) => b.dataset.key === key);
    button?.classList.add('ph-pressed');
    setTimeout(() => button?.classList.remove('ph-pressed'), 150);
    // Pressing a key interrupts the prompt, as on a real phone (the IVR listens with barge-in).
    hush();
    addLog('keys', key);
    try {
      const response = await request('POST', `/calls/${encodeURIComponent(call.id)}/dtmf`, { keys: key });
      if (!response.ok && response.status !== 404) {
        showError(t('Error'));
      }
    } catch {
      showError(t('Error'));
    }
  }

  async function sayAsync(text) {
    if (!call || ENDED.has(call.state) || !text) {
      return;
    }

    el.questionStatus.textContent = '';
    hush();
    try {
      const response = await request('POST', `/calls/${encodeURIComponent(call.id)}/speech`, { text });
      if (response.status === 409) {
        el.questionStatus.textContent = t('NotListening');
        return;
      }

      if (!response.ok) {
        showError(t('Error'));
        return;
      }

      addLog('caller', text);
      el.question.value = '';
    } catch {
      showError(t('Error'));
    }
  }

  async function hangUpAsync() {
    if (!call || ENDED.has(call.state)) {
      return;
    }

    const current = call;
    hush();
    recognizer?.abort();
    try {
      await request('POST', `/calls/${encodeURIComponent(current.id)}/hangup`);
    } catch {
      showError(t('Error'));
    }

    // The long poll ends on its own once the stand-in reports the call disconnected.
    current.state = 'disconnected';
    showState('disconnected', false, null);
    enableControls();
    el.call.focus();
    watchIncoming();
  }

  el.dial.addEventListener('submit', placeCallAsync);
  el.hangUp.addEventListener('click', () => void hangUpAsync());
  for (const button of el.keys) {
    button.addEventListener('click', () => void pressAsync(button.dataset.key));
  }

  el.ask.addEventListener('submit', (event) => {
    event.preventDefault();
    void sayAsync(el.question.value.trim());
  });

  // The keyboard's 0-9, * and # press the keypad during a call, unless the person is typing somewhere.
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing || !KEYS.has(event.key)) {
      return;
    }

    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'))) {
      return;
    }

    if (call && !ENDED.has(call.state)) {
      event.preventDefault();
      void pressAsync(event.key);
    }
  });

  // ---- calls to this phone (callbacks from a case) -------------------------------------------------------------------
  // While no call is in progress and the page is visible, GET /ringing?to=<the caller's number> every two seconds. A
  // call that rings opens the panel (announced, focus on 応答, a ring shown and, with sound on, heard); 応答 makes it
  // the call in progress; 拒否 / 話し中にする decline it; a call that stops ringing closes the panel with a note.
  let lineNames = new Map();
  let ringing = null; // { id, from } while the panel shows a call
  let watching = false;
  let noteTimer = 0;

  const canWatch = () => !dialing && !(call && !ENDED.has(call.state)) && document.visibilityState === 'visible' && !el.body.hidden;

  // The number as the stand-in knows it (E.164): spaces and hyphens dropped, a domestic 0… read as +81….
  function ownNumber() {
    const typed = el.caller.value.replace(/[\s\-‐－ー]/g, '');
    return /^0\d{9,10}$/.test(typed) ? '+81' + typed.slice(1) : typed;
  }

  function watchIncoming() {
    if (watching || !canWatch()) {
      return;
    }

    watching = true;
    void (async () => {
      try {
        while (canWatch()) {
          await checkRingingAsync();
          await new Promise((resolve) => setTimeout(resolve, RING_POLL_MS));
        }
      } finally {
        watching = false;
      }
    })();
  }

  async function checkRingingAsync() {
    const number = ownNumber();
    if (!/^\+\d{6,15}$/.test(number)) {
      closeIncoming(ringing ? 'IncomingEnded' : null);
      return;
    }

    let found;
    try {
      const response = await request('GET', '/ringing?to=' + encodeURIComponent(number));
      if (!response.ok) {
        return;
      }

      found = await response.json();
    } catch {
      // The next round asks again; a call that rings for 30 seconds survives a missed poll.
      return;
    }

    // An answer or a decline under way decides the panel's fate itself.
    if (!canWatch() || ringing?.acting) {
      return;
    }

    if (ringing && found.some((c) => c.id === ringing.id)) {
      ringTone();
      return;
    }

    // For an outbound call the stand-in's "from" is the number it rings (ours) and "to" the city line that calls.
    const next = found[0];
    if (next) {
      openIncoming({ id: next.id, line: next.to });
    } else if (ringing) {
      closeIncoming('IncomingEnded');
    }
  }

  function openIncoming(incoming) {
    const wasOpen = !!ringing;
    ringing = incoming;
    clearTimeout(noteTimer);
    el.incomingNote.hidden = true;
    const title = t('IncomingFrom', root.dataset.city || '', incoming.line);
    el.incomingTitle.textContent = title;
    const name = lineNames.get(incoming.line);
    el.incomingLine.textContent = name ? t('IncomingLine', name) : '';
    el.incomingLine.hidden = !name;
    setIncomingBusy(false);
    el.incoming.hidden = false;
    el.incomingLive.textContent = title;
    if (!wasOpen) {
      el.answer.focus();
    }

    ringTone();
  }

  // Hides the panel; `noteKey` names the short note left in its place (null: none). Focus on the panel goes to 発信.
  function closeIncoming(noteKey) {
    if (!ringing && el.incoming.hidden) {
      return;
    }

    // A pressed button that was disabled while its request ran has dropped focus to the body: that counts as the panel's.
    const focused = document.activeElement;
    const hadFocus = !focused || focused === document.body || el.incoming.contains(focused);
    ringing = null;
    el.incoming.hidden = true;
    el.incomingLive.textContent = noteKey ? t(noteKey) : '';
    clearTimeout(noteTimer);
    if (noteKey) {
      el.incomingNote.textContent = t(noteKey);
      el.incomingNote.hidden = false;
      noteTimer = setTimeout(() => { el.incomingNote.hidden = true; }, RING_NOTE_MS);
    }

    if (hadFocus) {
      (el.call.disabled ? el.stateTitle : el.call).focus();
    }
  }

  function setIncomingBusy(busy) {
    el.answer.disabled = busy;
    el.decline.disabled = busy;
    el.busy.disabled = busy;
    if (!busy && !el.incoming.hidden && (!document.activeElement || document.activeElement === document.body)) {
      el.answer.focus();
    }
  }

  async function answerAsync() {
    const incoming = ringing;
    if (!incoming || incoming.acting || !canWatch()) {
      return;
    }

    clearError();
    incoming.acting = true;
    setIncomingBusy(true);
    let response;
    try {
      response = await request('POST', `/calls/${encodeURIComponent(incoming.id)}/answer`);
    } catch {
      response = null;
    }

    if (ringing !== incoming) {
      return;
    }

    if (!response || !response.ok) {
      if (response?.status === 404 || response?.status === 409) {
        closeIncoming('IncomingEnded');
      } else {
        incoming.acting = false;
        setIncomingBusy(false);
        showError(t('Error'));
      }

      return;
    }

    // Answered: the panel gives way to the call (its state takes focus), as if it had been dialled here.
    ringing = null;
    el.incoming.hidden = true;
    el.incomingLive.textContent = '';
    startCall({ id: incoming.id, state: 'connected', transferred: false, listening: null });
    addLog('system', t('IncomingAnswered'));
  }

  async function declineAsync(busy) {
    const incoming = ringing;
    if (!incoming || incoming.acting) {
      return;
    }

    clearError();
    incoming.acting = true;
    setIncomingBusy(true);
    let response;
    try {
      response = await request('POST', `/calls/${encodeURIComponent(incoming.id)}/decline`, { busy });
    } catch {
      response = null;
    }

    if (ringing !== incoming) {
      return;
    }

    if (response?.ok) {
      closeIncoming(busy ? 'IncomingBusy' : 'IncomingDeclined');
    } else if (response?.status === 404 || response?.status === 409) {
      closeIncoming('IncomingEnded');
    } else {
      incoming.acting = false;
      setIncomingBusy(false);
      showError(t('Error'));
    }
  }

  el.answer.addEventListener('click', () => void answerAsync());
  el.decline.addEventListener('click', () => void declineAsync(false));
  el.busy.addEventListener('click', () => void declineAsync(true));
  el.incoming.addEventListener('keydown', (event) => {
    // Escape declines, as a phone's side button does; the buttons themselves are the main way.
    if (event.key === 'Escape' && ringing) {
      event.preventDefault();
      void declineAsync(false);
    }
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      watchIncoming();
    }
  });
  el.caller.addEventListener('change', () => {
    // Another number: what rang at the old one is not this phone's any more.
    closeIncoming(null);
    watchIncoming();
  });

  // A short double beep per check while a call rings, only with sound on and where the browser has Web Audio.
  const AudioContextType = window.AudioContext || window.webkitAudioContext;
  let audio = null;

  function ringTone() {
    if (!el.speak.checked || typeof AudioContextType !== 'function') {
      return;
    }

    try {
      audio ??= new AudioContextType();
      if (audio.state === 'suspended') {
        // Browsers start audio only after a gesture on the page; until then the ring is seen, not heard.
        void audio.resume().catch(() => {});
      }

      const start = audio.currentTime;
      for (const offset of [0, 0.45]) {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.12, start + offset + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.35);
        tone.connect(gain).connect(audio.destination);
        tone.start(start + offset);
        tone.stop(start + offset + 0.4);
      }
    } catch {
      // The ring is a convenience: the panel shows and announces the call either way.
    }
  }

  // ---- start: the lines that can be called ---------------------------------------------------------------------------
  async function loadLinesAsync() {
    let response;
    try {
      response = await request('GET', '/lines');
    } catch {
      response = null;
    }

    if (response?.status === 404) {
      showUnavailable();
      return;
    }

    if (!response || !response.ok) {
      showError(t('Error'));
      return;
    }

    const book = await response.json();
    for (const line of book.lines) {
      const option = document.createElement('option');
      option.value = line.number;
      option.textContent = line.name ? t('LineOption', line.name, line.number) : line.number;
      el.line.append(option);
    }

    el.noLines.hidden = book.lines.length > 0;
    if (!el.caller.value) {
      el.caller.value = book.defaultCaller;
    }

    lineNames = new Map(book.lines.map((line) => [line.number, line.name]));
    enableControls();
    watchIncoming();
  }

  void loadLinesAsync();
})();
