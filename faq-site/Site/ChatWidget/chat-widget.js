// The FAQ site's chat: a button at the bottom right that opens a panel with the official Web Chat.
// Nothing of Web Chat is loaded until the button is used. Texts come from the page (data-*), which takes
// them from the server's resources, so this file holds no UI language. A status bar above the chat shows the citizen's
// place in the operators' queue (handoff.status events, read through Web Chat's store) and offers a new chat at the end.
(() => {
  'use strict';
  const root = document.getElementById('hub-chat');
  if (!root) return;
  const openButton = document.getElementById('hub-chat-open');
  const panel = document.getElementById('hub-chat-panel');
  const closeButton = document.getElementById('hub-chat-close');
  const body = document.getElementById('hub-chat-body');
  const status = document.getElementById('hub-chat-status');
  const handoffBar = document.getElementById('hub-chat-handoff');
  const handoffText = document.getElementById('hub-chat-handoff-text');
  const handoffAction = document.getElementById('hub-chat-handoff-action');
  // The page's Content-Security-Policy nonce (on this script's own tag): Web Chat writes its styles into <style>
  // elements, which the policy runs only with it.
  const nonce = (document.currentScript && document.currentScript.nonce) || undefined;
  let started = false;
  // The chat on screen: its Direct Line and store, and where the citizen stands with the operators' queue.
  let chat = null;

  const format = (text, ...args) => (text || '').replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));

  // The status bar above the chat: queued (place, rough wait, 待つのをやめる), accepted, or ended (新しく質問する).
  function showHandoff(state, value) {
    const data = root.dataset;
    let text = '';
    let action = null;
    if (state === 'queued') {
      text = Number.isInteger(value.position) && value.position > 0
        ? format(data.queuedText, value.position, Math.max(1, Math.ceil((value.estimatedWaitSeconds || 0) / 60)))
        : data.queuedNoPlaceText;
      action = data.stopWaitingText;
    } else if (state === 'accepted') {
      text = data.acceptedText;
    } else if (state === 'survey') {
      // The satisfaction survey goes on in this conversation: the citizen may answer it, or leave it for a new chat.
      text = data.surveyText;
      action = data.surveySkipText;
    } else if (state === 'ended') {
      text = data.endedText;
      action = data.restartText;
    } else {
      state = 'none';
    }

    const hadFocus = document.activeElement === handoffAction;
    handoffBar.dataset.state = state;
    if (handoffText.textContent !== text) handoffText.textContent = text;
    handoffAction.hidden = !action;
    handoffAction.removeAttribute('aria-disabled');
    if (action) handoffAction.textContent = action;
    // The button under the finger changed meaning or went away: keep the keyboard in the chat.
    if (hadFocus && !action) focusInput();
  }

  // Bot Framework's handoff convention: the queue answers with handoff.status events, which Web Chat does not render.
  // After "completed" the satisfaction survey runs in the same chat: "survey" while it awaits answers (for
  // expiresInSeconds at most), "surveyEnded" once it is completed, declined or off; then a new chat is offered. Past
  // the survey's window, or when Direct Line refuses a message because the conversation has ended, likewise.
  // After "abandoned" the conversation has ended at once.
  // A place-in-queue announcement the queue wrote while the citizen was leaving can arrive after "abandoned": the
  // conversation has ended, so it must not bring back 待つのをやめる.
  function onHandoffStatus(current, value) {
    if (current.handoff === 'abandoned' && value.state === 'queued') return;
    current.handoff = value.state;
    clearTimeout(current.surveyTimer);
    if (value.state === 'queued' || value.state === 'accepted') showHandoff(value.state, value);
    else if (value.state === 'survey') {
      showHandoff('survey');
      const seconds = Number.isFinite(value.expiresInSeconds) ? value.expiresInSeconds : 0;
      current.surveyTimer = setTimeout(() => { if (chat === current) onHandoffStatus(current, { state: 'surveyEnded' }); }, seconds * 1000);
    } else if (value.state === 'abandoned' || value.state === 'surveyEnded') showHandoff('ended');
    else showHandoff('none');
  }

  function createStore(current) {
    return window.WebChat.createStore({}, () => (next) => (action) => {
      if (chat === current) {
        const activity = action.payload && action.payload.activity;
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity && activity.type === 'event' && activity.name === 'handoff.status') {
          onHandoffStatus(current, activity.value || {});
        } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED') {
          // Refused after the end: the conversation takes no more messages. Refused while queued: 待つのをやめる again.
          if (['completed', 'survey', 'surveyEnded', 'abandoned'].includes(current.handoff)) showHandoff('ended');
          else handoffAction.removeAttribute('aria-disabled');
        }
      }

      return next(action);
    });
  }

  handoffAction.addEventListener('click', () => {
    if (!chat || handoffAction.getAttribute('aria-disabled') === 'true') return;
    if (handoffBar.dataset.state === 'queued') {
      // The same words as the bot's own suggested action, so the bot takes the citizen out of the queue. Once is
      // enough: the button waits for the queue's answer (a second tap must not become 新しく質問する by accident). It
      // keeps the focus (aria-disabled, not disabled), so a keyboard user stays on it.
      handoffAction.setAttribute('aria-disabled', 'true');
      chat.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: root.dataset.stopWaitingText } });
    } else if (handoffBar.dataset.state === 'ended' || handoffBar.dataset.state === 'survey') {
      restart();
    }
  });

  const loadScript = (src) => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = resolve;
    script.onerror = () => reject(new Error('script'));
    document.head.appendChild(script);
  });

  const focusInput = () => {
    const input = body.querySelector('input[type="text"], textarea');
    if (input) input.focus();
  };

  // Web Chat 4.18.1 hands the nonce to its own style sheets but not to react-scroll-to-bottom's (its transcript renders
  // that library's Composer without it), so the policy would refuse that <style> and the transcript would lose its
  // scrolling. Once the chat starts, a style element made by script on this page carries the nonce. Markup injected
  // without script never passes here, so the policy still refuses that. Done once: the bundle stays for the page's life.
  let stylesTakeNonce = false;
  function giveStylesTheNonce() {
    if (stylesTakeNonce || !nonce) return;
    stylesTakeNonce = true;
    const createElement = document.createElement;
    document.createElement = function (tagName, options) {
      const element = createElement.call(this, tagName, options);
      if (element instanceof HTMLStyleElement && !element.hasAttribute('nonce')) element.setAttribute('nonce', nonce);
      return element;
    };
  }

  // A program's chat entry (data-program, from the page's ?program=): the token's conversation enters the program, in
  // the page's ?lang= when it is one of the program's languages (data-lang).
  const tokenUrl = () => root.dataset.program
    ? root.dataset.tokenUrl + (root.dataset.tokenUrl.includes('?') ? '&' : '?') + 'program=' + encodeURIComponent(root.dataset.program)
      + (root.dataset.lang ? '&lang=' + encodeURIComponent(root.dataset.lang) : '')
    : root.dataset.tokenUrl;

  async function start() {
    started = true;
    giveStylesTheNonce();
    status.hidden = false;
    status.textContent = root.dataset.loadingText;
    body.replaceChildren(status);
    try {
      const [, response] = await Promise.all([
        window.WebChat ? Promise.resolve() : loadScript(root.dataset.bundle),
        fetch(tokenUrl(), { method: 'POST', headers: { Accept: 'application/json' } })
      ]);
      if (!response.ok) throw new Error('token ' + response.status);
      const { token } = await response.json();
      const container = document.createElement('div');
      container.className = 'hub-chat-webchat';
      body.replaceChildren(container);
      const current = { handoff: null };
      current.directLine = window.WebChat.createDirectLine({ token, domain: new URL(root.dataset.domain, location.href).href });
      current.store = createStore(current);
      chat = current;
      window.WebChat.renderWebChat({
        directLine: current.directLine,
        store: current.store,
        locale: 'ja-JP',
        nonce,
        // The citizen's typing reaches the operator's console as 「入力中…」 (the server keeps it only while an agent
        // has the chat).
        sendTypingIndicator: true,
        styleOptions: {
          primaryFont: '"Hiragino Sans", "Noto Sans JP", "IPAPGothic", "Meiryo", sans-serif',
          fontSizeSmall: '80%',
          bubbleMaxWidth: 520,
          sendBoxHeight: 48,
          suggestedActionLayout: 'stacked',
          hideUploadButton: false
        }
      }, container);
      setTimeout(focusInput, 300);
    } catch (error) {
      started = false;
      status.hidden = false;
      status.textContent = root.dataset.errorText;
      body.replaceChildren(status);
    }
  }

  // 新しく質問する: the old conversation is left (it takes no more messages) and a new one starts with a fresh token.
  function restart() {
    const previous = chat;
    chat = null;
    if (previous) clearTimeout(previous.surveyTimer);
    showHandoff('none');
    if (previous && previous.directLine && typeof previous.directLine.end === 'function') previous.directLine.end();
    start();
  }

  function show() {
    panel.hidden = false;
    openButton.setAttribute('aria-expanded', 'true');
    // Focus moves into the dialog at once (to its close button until Web Chat's input exists).
    closeButton.focus();
    if (!started) start(); else focusInput();
  }

  function hide() {
    panel.hidden = true;
    openButton.setAttribute('aria-expanded', 'false');
    openButton.focus();
  }

  openButton.addEventListener('click', () => (panel.hidden ? show() : hide()));
  closeButton.addEventListener('click', hide);
  // On the whole widget, not only the panel: Escape also closes while focus is still on the icon.
  root.addEventListener('keydown', (event) => { if (event.key === 'Escape' && !panel.hidden) hide(); });
  document.querySelectorAll('[data-open-chat], #open-chat').forEach((element) =>
    element.addEventListener('click', (event) => { event.preventDefault(); show(); }));
})();
