// The phone simulator (/console/phone): one caller on the voice simulator's JSON API (data-api). Prompts arrive by long
// poll, are written to the call log (a polite live region) and spoken with the browser's speech synthesis; keys come from
// the on-screen keypad or the keyboard; words are typed or, where the browser can, spoken. Every text comes from the
// page's JSON island (HandoffStrings.resx), none is written here.
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
  };

  const ENDED = new Set(['disconnected', 'rejected']);
  const KEYS = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']);
  const POLL_SECONDS = 20;

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
      return;
    }

    const placed = await response.json();
    el.log.replaceChildren();
    el.logEmpty.hidden = false;
    el.sms.replaceChildren();
    el.smsEmpty.hidden = false;
    call = { id: placed.id, state: placed.state, after: 0, sms: new Set() };
    showState(placed.state, placed.transferred, placed.listening);
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

    enableControls();
  }

  void loadLinesAsync();
})();
