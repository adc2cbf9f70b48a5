// The agents' live-chat console (/console/chats) over the agents' hub (/hubs/agents).
//
// The server pushes small notices ("queueChanged", "offered", "activity", "note", "chatChanged"); this script then
// reads the state it shows, so a missed push costs a refresh, never a wrong screen. Every chat of the agent is watched
// (OpenChat) while it is in the agent's list, so new citizen messages of chats not shown count as unread; the read
// watermark of each chat lives in sessionStorage and survives a reload. Labels come from the page (#chats-texts);
// this file holds no display text.
(() => {
  'use strict';

  const root = document.getElementById('chats');
  if (!root || typeof signalR === 'undefined') {
    return;
  }

  const texts = JSON.parse(document.getElementById('chats-texts').textContent || '{}');
  const $ = (id) => document.getElementById(id);
  const el = {
    presence: Array.from(root.querySelectorAll('.presence-button')),
    awayReason: $('away-reason'),
    presenceNow: $('presence-now'),
    sound: $('sound'),
    connection: $('connection'),
    alert: $('alert'),
    notice: $('notice'),
    liveOffers: $('live-offers'),
    liveMessages: $('live-messages'),
    offers: $('offers'),
    queue: $('queue'),
    queueCount: $('queue-count'),
    queueEmpty: $('queue-empty'),
    queueMore: $('queue-more'),
    mine: $('mine'),
    mineCount: $('mine-count'),
    mineEmpty: $('mine-empty'),
    chatHeading: $('chat-heading'),
    chatMeta: $('chat-meta'),
    chatEmpty: $('chat-empty'),
    transcript: $('transcript'),
    typing: $('typing'),
    composer: $('composer'),
    callPanel: $('call-panel'),
    callCase: $('call-case'),
    extensionForm: $('extension-form'),
    extensionDepartment: $('extension-department'),
    extensionNote: $('extension-note'),
    extensionSubmit: $('extension-submit'),
    extensionError: $('extension-error'),
    extensionNone: $('extension-none'),
    extensionStatus: $('extension-status'),
    message: $('message'),
    send: $('send'),
    caseCreate: $('case-create'),
    faqPropose: $('faq-propose'),
    transferOpen: $('transfer-open'),
    closeOpen: $('close-open'),
    tabs: Array.from(root.querySelectorAll('[role=tab]')),
    cannedQ: $('canned-q'),
    canned: $('canned'),
    faqForm: $('faq-form'),
    faqQ: $('faq-q'),
    faqResults: $('faq-results'),
    notes: $('notes'),
    notesBadge: $('notes-badge'),
    noteForm: $('note-form'),
    noteText: $('note-text'),
    history: $('history'),
    transferDialog: $('transfer-dialog'),
    transferForm: $('transfer-form'),
    transferAgent: $('transfer-agent'),
    transferTeam: $('transfer-team'),
    transferNote: $('transfer-note'),
    closeDialog: $('close-dialog'),
    closeForm: $('close-form'),
    faqProposalDialog: $('faq-proposal-dialog'),
    faqProposalForm: $('faq-proposal-form'),
    faqProposalQuestion: $('faq-proposal-question'),
    faqProposalAnswer: $('faq-proposal-answer'),
    faqProposalCitizen: $('faq-proposal-citizen'),
    wrapUps: $('wrap-up-codes'),
  };

  const TYPING_SHOWN_MS = 5000;
  const TYPING_SENT_EVERY_MS = 3000;
  const SNAPSHOT_DEBOUNCE_MS = 300;
  const SNAPSHOT_MAX_WAIT_MS = 1500;
  // Per browser tab (sessionStorage): what was read, what was being typed, which chat was shown; a reload keeps them.
  const READ_KEY = 'hub.chats.read.';
  const DRAFT_KEY = 'hub.chats.draft.';
  const OPEN_KEY = 'hub.chats.open';
  const SOUND_KEY = 'hub.chats.sound';
  const baseTitle = document.title;

  const state = {
    connected: false,
    snapshot: null,
    snapshotAt: 0, // performance.now() when the snapshot arrived (waiting times tick from there)
    serverOffset: 0, // server clock minus this clock, ms
    chats: new Map(), // conversationId -> chat (see newChat)
    order: [], // conversationIds in the snapshot's order
    openId: null,
    offers: new Map(), // conversationId -> expiry (ms, server clock)
    announcedOffers: new Set(),
    pendingOpen: null, // a chat just accepted: opened as soon as it is listed
    caseLinks: new Map(), // conversationId -> { id, number, blocked }: the case a call became when the agent accepted it
    listed: false, // whether the agent's chats were listed once (later arrivals are news)
    sending: false,
    lastTypingSent: 0,
    composing: false,
    activeTab: 'canned',
    cannedItems: [],
    faqQuery: '',
  };

  // ---- texts and formats ------------------------------------------------------------------------------------------

  function t(key, ...args) {
    const text = texts[key] ?? key;
    return args.length === 0 ? text : text.replace(/\{(\d+)\}/g, (m, i) => (args[i] ?? m).toString());
  }

  const timeFormat = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });
  const dateTimeFormat = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const longDateFormat = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric' });

  // The server's DateTimes may come without a zone (read back from SQLite); they are always UTC.
  function parseUtc(value) {
    if (!value) {
      return NaN;
    }
    const text = String(value);
    return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : text + 'Z');
  }

  function serverNow() {
    return Date.now() + state.serverOffset;
  }

  function mmss(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const m = Math.floor(s / 60);
    return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  }

  function node(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === 'className') {
        element.className = value;
      } else if (name === 'dataset') {
        Object.assign(element.dataset, value);
      } else if (name.startsWith('on') && typeof value === 'function') {
        element.addEventListener(name.slice(2), value);
      } else {
        element.setAttribute(name, value === true ? '' : value);
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return element;
  }

  // Lists are redrawn on every push. Redrawing by replacing nodes would drop the agent's focus and swallow a click
  // whose mousedown and mouseup straddle the redraw, so the nodes a list already shows are kept (keyed by
  // data-id) and only what changed in them is written.
  function syncList(container, fresh) {
    const kept = new Map();
    for (const child of Array.from(container.children)) {
      if (child.dataset.id) {
        kept.set(child.dataset.id, child);
      }
    }
    let cursor = container.firstChild;
    for (const element of fresh) {
      const old = element.dataset.id ? kept.get(element.dataset.id) : null;
      let placed = element;
      if (old && old.tagName === element.tagName) {
        kept.delete(element.dataset.id);
        morph(old, element);
        placed = old;
      }
      if (placed !== cursor) {
        container.insertBefore(placed, cursor);
      } else {
        cursor = cursor.nextSibling;
      }
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }

  // Makes `target` look like `source`, reusing target's nodes where the shape is the same. Listeners stay those of
  // target: lists are keyed, so a kept node acts on the same item as its replacement would.
  function morph(target, source) {
    for (const { name } of Array.from(target.attributes)) {
      if (!source.hasAttribute(name)) {
        target.removeAttribute(name);
      }
    }
    for (const { name, value } of Array.from(source.attributes)) {
      if (target.getAttribute(name) !== value) {
        target.setAttribute(name, value);
      }
    }
    const from = Array.from(target.childNodes);
    const to = Array.from(source.childNodes);
    const sameShape = from.length === to.length && from.every((n, i) => n.nodeType === to[i].nodeType && n.nodeName === to[i].nodeName);
    if (!sameShape) {
      target.replaceChildren(...to);
      return;
    }
    from.forEach((n, i) => {
      if (n.nodeType === Node.TEXT_NODE) {
        if (n.nodeValue !== to[i].nodeValue) {
          n.nodeValue = to[i].nodeValue;
        }
      } else if (n.nodeType === Node.ELEMENT_NODE) {
        morph(n, to[i]);
      }
    });
  }

  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    // randomUUID needs a secure context; an intranet console on plain http still has getRandomValues.
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // ---- messages to the agent --------------------------------------------------------------------------------------

  function showError(message) {
    el.alert.textContent = message || t('Chats_Error_Generic');
  }

  function clearError() {
    el.alert.textContent = '';
  }

  let noticeTimer = 0;
  function showNotice(message) {
    el.notice.textContent = message;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { el.notice.textContent = ''; }, 8000);
  }

  // Polite announcements: one region for offers, one for messages, so neither drowns the other.
  function announce(message, region) {
    const live = region || el.liveMessages;
    // Re-set so the same words are read again.
    live.textContent = '';
    setTimeout(() => { live.textContent = message; }, 50);
  }

  function errorText(error) {
    const text = String(error && error.message || '');
    if (!state.connected) {
      return t('Chats_Error_Connection');
    }
    return text.includes('forbidden') ? t('Chats_Error_Forbidden') : t('Chats_Error_Generic');
  }

  // A hub action: ChatResult's Japanese message on failure; true when done.
  async function act(method, ...args) {
    try {
      const result = await connection.invoke(method, ...args);
      if (result && result.ok === false) {
        showError(result.message);
        return false;
      }
      clearError();
      return true;
    } catch (error) {
      showError(errorText(error));
      return false;
    }
  }

  // ---- the connection ---------------------------------------------------------------------------------------------

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(root.dataset.hub)
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 15000, 30000])
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  function setConnection(which) {
    state.connected = which === 'connected';
    el.connection.dataset.state = which;
    el.connection.textContent = t('Chats_Connection_' + which[0].toUpperCase() + which.slice(1));
    if (state.connected && el.alert.textContent === t('Chats_Error_Connection')) {
      clearError();
    }
    renderChatControls();
  }

  connection.on('queueChanged', () => scheduleSnapshot());
  connection.on('offered', (conversationId, expiresAtUtc) => {
    state.offers.set(conversationId, parseUtc(expiresAtUtc));
    renderOffers();
    scheduleSnapshot(true);
  });
  // The push carries the announced line: a chat whose watermark is just before it needs no read; one that missed
  // more (or a push without the line) reads from its watermark.
  connection.on('activity', (conversationId, sequence, line) => {
    const chat = state.chats.get(conversationId);
    if (!chat || sequence <= chat.lastSequence) {
      return;
    }
    if (line && line.sequence === sequence && sequence === chat.lastSequence + 1 && chat.view) {
      addLines(chat, [line], true);
    } else {
      refreshTranscript(chat, true);
    }
  });
  connection.on('note', (conversationId) => {
    const chat = state.chats.get(conversationId);
    if (chat) {
      refreshNotes(chat, true);
    }
  });
  connection.on('chatChanged', (conversationId) => {
    const chat = state.chats.get(conversationId);
    if (chat) {
      reopen(chat);
    }
    scheduleSnapshot(true);
  });
  connection.onreconnecting(() => setConnection('reconnecting'));
  connection.onreconnected(async () => {
    setConnection('connected');
    // A new connection has no groups: watch every chat again, then read what changed meanwhile.
    await Promise.all(Array.from(state.chats.values()).map((chat) => reopen(chat)));
    await refreshSnapshot();
  });
  connection.onclose(() => {
    setConnection('closed');
    setTimeout(start, 5000);
  });

  async function start() {
    if (connection.state !== signalR.HubConnectionState.Disconnected) {
      return;
    }
    setConnection('connecting');
    try {
      await connection.start();
    } catch (error) {
      setConnection('closed');
      setTimeout(start, 5000);
      return;
    }
    setConnection('connected');
    await Promise.all(Array.from(state.chats.values()).map((chat) => reopen(chat)));
    await refreshSnapshot();
  }

  // ---- snapshot: presence, queue, my chats, colleagues ---------------------------------------------------------------

  let snapshotTimer = 0;
  let snapshotFirstAsked = 0;
  let snapshotRunning = null;
  let snapshotAgain = false;

  // Debounced (a burst of changes costs one read), but never held back longer than SNAPSHOT_MAX_WAIT_MS.
  function scheduleSnapshot(soon) {
    const now = performance.now();
    if (!snapshotTimer) {
      snapshotFirstAsked = now;
    }
    clearTimeout(snapshotTimer);
    const wait = soon ? 0 : Math.max(0, Math.min(SNAPSHOT_DEBOUNCE_MS, snapshotFirstAsked + SNAPSHOT_MAX_WAIT_MS - now));
    snapshotTimer = setTimeout(() => {
      snapshotTimer = 0;
      refreshSnapshot();
    }, wait);
  }

  async function refreshSnapshot() {
    if (snapshotRunning) {
      snapshotAgain = true;
      return snapshotRunning;
    }
    snapshotRunning = (async () => {
      do {
        snapshotAgain = false;
        try {
          const snapshot = await connection.invoke('GetSnapshot');
          applySnapshot(snapshot);
        } catch (error) {
          if (state.connected) {
            showError(errorText(error));
          }
        }
      } while (snapshotAgain);
    })();
    try {
      await snapshotRunning;
    } finally {
      snapshotRunning = null;
    }
  }

  function applySnapshot(snapshot) {
    state.snapshot = snapshot;
    state.snapshotAt = performance.now();
    state.serverOffset = parseUtc(snapshot.serverTimeUtc) - Date.now();
    const me = snapshot.me;
    // Offers: the snapshot is the truth; a pushed offer not yet in it stays until it expires.
    for (const item of snapshot.queue) {
      if (item.offeredTo === me.id && item.offerExpiresAtUtc) {
        state.offers.set(item.conversationId, parseUtc(item.offerExpiresAtUtc));
      }
    }
    for (const id of Array.from(state.offers.keys())) {
      const item = snapshot.queue.find((q) => q.conversationId === id);
      if (item && item.offeredTo !== me.id) {
        state.offers.delete(id);
      }
      // Not in a complete list: no longer waiting (taken, or the citizen left).
      if (!item && snapshot.queue.length >= snapshot.queueLength) {
        state.offers.delete(id);
      }
    }
    renderPresence();
    renderChatControls();
    renderQueue();
    renderOffers();
    syncChats(snapshot.chats);
    renderWrapUps();
  }

  // ---- presence ---------------------------------------------------------------------------------------------------

  function renderPresence() {
    const me = state.snapshot.me;
    const reasons = state.snapshot.awayReasons;
    if (el.awayReason.options.length !== reasons.length) {
      el.awayReason.replaceChildren(...reasons.map((r) => node('option', { value: r.code }, r.label)));
    }
    if (me.status === 'Away' && me.awayReason) {
      el.awayReason.value = me.awayReason;
    }
    for (const button of el.presence) {
      button.setAttribute('aria-pressed', String(button.dataset.status === me.status));
    }
    const reason = me.status === 'Away' ? reasons.find((r) => r.code === me.awayReason) : null;
    const label = reason ? t('Chats_StatusWithReason', t('Status_Away'), reason.label) : t('Status_' + me.status);
    el.presenceNow.textContent = t('Chats_PresenceNow', label);
    el.presenceNow.dataset.status = me.status;
  }

  async function setStatus(status) {
    const reason = status === 'Away' ? el.awayReason.value : null;
    if (await act('SetStatus', status, reason)) {
      await refreshSnapshot();
    }
  }

  el.presence.forEach((button) => button.addEventListener('click', () => setStatus(button.dataset.status)));
  el.awayReason.addEventListener('change', () => {
    if (state.snapshot && state.snapshot.me.status === 'Away') {
      setStatus('Away');
    }
  });

  // ---- queue and offers -------------------------------------------------------------------------------------------

  function subject(channelLabel, category) {
    return category ? t('Chats_Subject', channelLabel, category) : channelLabel;
  }

  // A phone call (channel Voice): spoken on the agent's phone, so the console shows no composer for it.
  function isCallItem(item) {
    return Boolean(item) && item.channel === 'Voice';
  }

  function queueSubject(item) {
    return subject(item.channelLabel, item.category);
  }

  // The citizen's language when it is not Japanese (英語 English): routing offered the chat to an agent who speaks it.
  function languageBadge(language) {
    return language && language !== 'ja' ? node('span', { className: 'tag lang', dataset: { lang: language } }, t('Lang_' + language)) : null;
  }

  function renderQueue() {
    const { queue, queueLength, me } = state.snapshot;
    el.queueCount.textContent = t('Chats_QueueCount', queueLength);
    el.queueEmpty.hidden = queue.length > 0;
    el.queueMore.hidden = queueLength <= queue.length;
    el.queueMore.textContent = t('Chats_QueueMore', queueLength - queue.length);
    syncList(el.queue, queue.map((item) => {
      const questionId = 'q-' + item.conversationId;
      const hintId = 'qh-' + item.conversationId;
      const offered = item.offeredTo === me.id;
      const call = isCallItem(item);
      return node('li', { className: 'queue-item' + (offered ? ' offered' : ''), dataset: { id: item.conversationId } },
        node('div', { className: 'queue-top' },
          node('span', { className: 'wait', dataset: { waited: item.waitedSeconds }, title: t('Chats_Waiting') },
            node('span', { className: 'visually-hidden' }, t('Chats_Waiting') + ' '),
            node('span', { className: 'wait-value' }, mmss(item.waitedSeconds))),
          node('span', { className: 'tag' + (call ? ' call' : '') }, item.channelLabel),
          item.category ? node('span', { className: 'tag' }, item.category) : null,
          languageBadge(item.language),
          item.requeued ? node('span', { className: 'tag warn' }, t('Chats_Requeued')) : null),
        node('p', { className: 'question', id: questionId }, item.firstQuestion || t('Chats_NoQuestion')),
        call ? node('p', { className: 'call-hint', id: hintId }, t('Chats_CallAcceptHint')) : null,
        node('button', { type: 'button', className: 'accept', 'aria-describedby': call ? `${questionId} ${hintId}` : questionId, onclick: () => accept(item.conversationId) }, t('Chats_Accept')));
    }));
    tick();
  }

  function renderOffers() {
    const now = serverNow();
    const queue = state.snapshot ? state.snapshot.queue : [];
    const cards = [];
    for (const [id, expires] of state.offers) {
      if (expires <= now) {
        state.offers.delete(id);
        continue;
      }
      const item = queue.find((q) => q.conversationId === id);
      const headingId = 'offer-' + id;
      const hintId = 'offer-hint-' + id;
      const call = isCallItem(item);
      const remaining = Math.ceil((expires - now) / 1000);
      cards.push(node('div', { className: 'offer' + (call ? ' call' : ''), role: 'group', 'aria-labelledby': headingId, dataset: { id } },
        node('p', { className: 'offer-head', id: headingId },
          node('strong', null, t('Chats_Offer')), ' ',
          node('span', { className: 'remaining', dataset: { expires } }, t('Chats_OfferRemaining', remaining))),
        item && call ? node('p', { className: 'offer-subject' }, node('span', { className: 'tag call' }, item.channelLabel), item.category ? ' ' + item.category : null) : null,
        item && !call ? node('p', { className: 'offer-subject' }, queueSubject(item)) : null,
        item ? node('p', { className: 'question' }, item.firstQuestion || t('Chats_NoQuestion')) : null,
        call ? node('p', { className: 'call-hint', id: hintId }, t('Chats_CallAcceptHint')) : null,
        node('div', { className: 'offer-actions' },
          node('button', { type: 'button', className: 'accept', 'aria-describedby': call ? hintId : null, onclick: () => accept(id) }, t('Chats_Accept')),
          node('button', { type: 'button', className: 'secondary', onclick: () => decline(id) }, t('Chats_Decline')))));
      if (!state.announcedOffers.has(id + '@' + expires)) {
        state.announcedOffers.add(id + '@' + expires);
        announce(t('Chats_OfferAnnounce', item ? queueSubject(item) : '', remaining) + (call ? ' ' + t('Chats_CallAcceptHint') : ''), el.liveOffers);
        beep();
      }
    }
    syncList(el.offers, cards);
    root.classList.toggle('has-offer', cards.length > 0);
    renderTitle();
  }

  // 応答. A call answered becomes a case at once (受電 → 案件), opened beside the call: its tab is opened here, at the
  // click and before the request, so no pop-up blocker stops it; a refusal closes it again. Where the browser
  // blocked it (or the item was not yet known to be a call), the call's panel offers the case as a link instead.
  async function accept(conversationId) {
    const queued = state.snapshot ? state.snapshot.queue.find((q) => q.conversationId === conversationId) : null;
    const tab = isCallItem(queued) ? window.open('', '_blank') : null;
    state.pendingOpen = conversationId;
    let result = null;
    try {
      result = await connection.invoke('Accept', conversationId);
      if (result && result.ok === false) {
        showError(result.message);
      } else {
        clearError();
      }
    } catch (error) {
      showError(errorText(error));
    }
    const done = Boolean(result) && result.ok !== false;
    if (done && result.caseId) {
      showCase(conversationId, result.caseId, result.caseNumber, tab);
    } else if (tab) {
      tab.close();
    }
    if (done) {
      if (isCallItem(queued) && !result.caseId) {
        showError(t('Chats_CallCaseMissing'));
      }
      state.offers.delete(conversationId);
      renderOffers();
      await refreshSnapshot();
    } else {
      state.pendingOpen = null;
      scheduleSnapshot(true);
    }
  }

  function caseHref(caseId) {
    return `/console/cases/${encodeURIComponent(caseId)}`;
  }

  function showCase(conversationId, caseId, number, tab) {
    state.caseLinks.set(conversationId, { id: caseId, number, blocked: !tab });
    if (tab) {
      tab.opener = null;
      tab.location.href = caseHref(caseId);
      showNotice(t('Chats_CallCaseOpened', number));
    } else {
      announce(t('Chats_CallCaseBlocked') + ' ' + t('Chats_CallCaseOpen', number));
    }
    const chat = current();
    if (chat && chat.id === conversationId) {
      renderChat(false);
    }
  }

  async function decline(conversationId) {
    if (await act('Decline', conversationId)) {
      state.offers.delete(conversationId);
      renderOffers();
      scheduleSnapshot(true);
    }
  }

  // A short two-tone beep; no audio file. Off unless the agent asked for it.
  let audio = null;
  function beep() {
    if (!el.sound.checked) {
      return;
    }
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === 'suspended') {
        audio.resume();
      }
      const at = audio.currentTime;
      [[880, 0], [1175, 0.18]].forEach(([frequency, offset]) => {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, at + offset);
        gain.gain.exponentialRampToValueAtTime(0.2, at + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + offset + 0.15);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(at + offset);
        oscillator.stop(at + offset + 0.16);
      });
    } catch (error) {
      // No sound is better than a broken console.
    }
  }

  el.sound.checked = localStorage.getItem(SOUND_KEY) === '1';
  el.sound.addEventListener('change', () => {
    localStorage.setItem(SOUND_KEY, el.sound.checked ? '1' : '0');
    if (el.sound.checked) {
      beep(); // a sample, and the user gesture browsers need before they play sound
    }
  });

  // ---- my chats ---------------------------------------------------------------------------------------------------

  function newChat(item) {
    return {
      id: item.conversationId,
      item,
      view: null,
      transcript: [],
      lastSequence: 0,
      read: Number(sessionStorage.getItem(READ_KEY + item.conversationId) || 0),
      notes: [],
      seenNotes: null,
      typingUntil: 0,
      refreshing: false,
      again: false,
      draft: sessionStorage.getItem(DRAFT_KEY + item.conversationId) || '',
      outbox: null, // { text, clientId }: a failed send retried with the same id is not doubled
      closing: false, // the agent is closing or transferring it: its disappearance is no news
      // A call's 本市内線電話に転送: the departments (undefined: not read yet; null: none offered, voice not mapped),
      // the one picked, the note typed, and what happened.
      departments: undefined,
      extensionPick: '',
      extensionNote: '',
      extensionBusy: false,
      extensionDone: false,
      extensionStatus: '',
      extensionError: '',
    };
  }

  function syncChats(items) {
    state.order = items.map((i) => i.conversationId);
    for (const item of items) {
      const chat = state.chats.get(item.conversationId);
      if (chat) {
        const caseArrived = !chat.item.caseId && Boolean(item.caseId);
        chat.item = item;
        // The heading's case link comes from the item, so a case made elsewhere (another tab, a call) shows at once.
        if (caseArrived && chat.id === state.openId) {
          renderChat(false);
        }
      } else {
        const fresh = newChat(item);
        state.chats.set(item.conversationId, fresh);
        reopen(fresh);
        // A chat that arrives without 応答 on a running console was handed over (transfer, supervisor's assignment).
        if (state.listed && item.conversationId !== state.pendingOpen) {
          showNotice(t('Chats_TransferredIn', chatSubject(fresh)));
        }
      }
    }
    for (const chat of Array.from(state.chats.values())) {
      if (!state.order.includes(chat.id)) {
        drop(chat, chat.id === state.openId);
      }
    }
    if (state.pendingOpen && state.chats.has(state.pendingOpen)) {
      const id = state.pendingOpen;
      state.pendingOpen = null;
      openChat(id, true);
    } else if (!state.openId && state.order.includes(sessionStorage.getItem(OPEN_KEY))) {
      openChat(sessionStorage.getItem(OPEN_KEY), false);
    } else if (!state.openId && state.order.length === 1) {
      openChat(state.order[0], false);
    }
    state.listed = true;
    renderMine();
  }

  // OpenChat: reads the whole chat and (re)joins its live news. A chat no longer readable is dropped.
  async function reopen(chat) {
    let view;
    try {
      view = await connection.invoke('OpenChat', chat.id);
    } catch (error) {
      if (state.connected && state.chats.get(chat.id) === chat) {
        drop(chat, chat.id === state.openId);
      }
      return;
    }
    if (state.chats.get(chat.id) !== chat) {
      return;
    }
    if (!view.mine) {
      drop(chat, chat.id === state.openId);
      return;
    }
    chat.view = view;
    // Lines pushed while the view was on its way are newer than it: keep them.
    const viewLast = view.transcript.length ? view.transcript[view.transcript.length - 1].sequence : 0;
    chat.transcript = view.transcript.concat(chat.transcript.filter((i) => i.sequence > viewLast));
    chat.lastSequence = chat.transcript.length ? chat.transcript[chat.transcript.length - 1].sequence : 0;
    if (chat.seenNotes === null) {
      chat.seenNotes = new Set(view.notes.map((n) => n.id));
    }
    chat.notes = view.notes;
    if (chat.id === state.openId) {
      markRead(chat);
      renderChat(true);
      if (chat.focusWhenReady) {
        chat.focusWhenReady = false;
        if (!el.message.disabled) {
          el.message.focus();
        }
      }
    }
    renderMine();
  }

  // The chat left the agent's hands (closed, transferred, taken back by the queue).
  function drop(chat, tell) {
    state.chats.delete(chat.id);
    state.caseLinks.delete(chat.id);
    sessionStorage.removeItem(READ_KEY + chat.id);
    sessionStorage.removeItem(DRAFT_KEY + chat.id);
    if (state.connected) {
      connection.invoke('CloseView', chat.id).catch(() => {});
    }
    if (state.openId === chat.id) {
      state.openId = null;
      if (tell && !chat.closing) {
        showNotice(t('Chats_MovedAway'));
      }
      renderChat(true);
    }
    renderMine();
  }

  function unreadOf(chat) {
    if (chat.id === state.openId) {
      return 0;
    }
    return chat.transcript.filter((i) => i.role === 'user' && i.type === 'message' && i.sequence > chat.read).length;
  }

  function markRead(chat) {
    chat.read = chat.lastSequence;
    sessionStorage.setItem(READ_KEY + chat.id, String(chat.read));
  }

  function chatSubject(chat) {
    return subject(chat.item.channelLabel, chat.item.category);
  }

  function renderMine() {
    const me = state.snapshot ? state.snapshot.me : null;
    const ids = state.order.filter((id) => state.chats.has(id));
    el.mineCount.textContent = me ? t('Chats_MyChatsCount', ids.length, me.maxChats) : '';
    el.mineEmpty.hidden = ids.length > 0;
    syncList(el.mine, ids.map((id, index) => {
      const chat = state.chats.get(id);
      const unread = unreadOf(chat);
      // The citizen's last words tell ten look-alike chats apart.
      const said = chat.transcript.filter((i) => i.role === 'user' && i.type === 'message' && i.text).pop();
      return node('li', { dataset: { id } },
        node('button', { type: 'button', className: 'chat-tab' + (unread ? ' unread' : ''), 'aria-current': id === state.openId ? 'true' : null, dataset: { id }, onclick: () => openChat(id, true) },
          node('span', { className: 'chat-no' }, String(index + 1)),
          node('span', { className: 'chat-tab-text' },
            node('span', { className: 'chat-tab-title' }, chatSubject(chat)),
            node('span', { className: 'chat-tab-sub' }, said ? said.text : t('Chats_NoQuestion'))),
          unread ? node('span', { className: 'badge' }, node('span', { 'aria-hidden': 'true' }, String(unread)), node('span', { className: 'visually-hidden' }, t('Chats_Unread', unread))) : null));
    }));
    renderTitle();
  }

  function renderTitle() {
    const unread = Array.from(state.chats.values()).reduce((sum, chat) => sum + unreadOf(chat), 0);
    const prefix = (state.offers.size ? t('Chats_TitleOffer') : '') + (unread ? t('Chats_TitleUnread', unread) : '');
    document.title = prefix + baseTitle;
  }

  function openChat(id, focusInput) {
    const previous = current();
    if (previous) {
      saveDraft(previous, el.message.value);
    }
    state.openId = id;
    sessionStorage.setItem(OPEN_KEY, id);
    const chat = current();
    el.message.value = chat ? chat.draft : '';
    if (chat) {
      markRead(chat);
    }
    clearError();
    renderChat(true);
    renderMine();
    if (focusInput && chat && isCallItem(chat.item)) {
      el.chatHeading.focus();
    } else if (focusInput && chat) {
      if (el.message.disabled) {
        chat.focusWhenReady = true; // the chat's view is still being read
      } else {
        el.message.focus();
      }
    }
  }

  function saveDraft(chat, text) {
    chat.draft = text;
    if (text) {
      sessionStorage.setItem(DRAFT_KEY + chat.id, text);
    } else {
      sessionStorage.removeItem(DRAFT_KEY + chat.id);
    }
  }

  function current() {
    return state.openId ? state.chats.get(state.openId) || null : null;
  }

  // ---- the chat view ----------------------------------------------------------------------------------------------

  function renderChatControls() {
    // Presence waits for the first snapshot too: 離席 needs the list of reasons.
    const ready = state.connected && Boolean(state.snapshot);
    el.presence.forEach((b) => { b.disabled = !ready; });
    el.awayReason.disabled = !ready;
    const chat = current();
    const workable = Boolean(chat && chat.view && !chat.view.readOnly && state.connected);
    // A call is spoken on the phone: nothing is typed to the caller.
    const call = Boolean(chat) && isCallItem(chat.item);
    const writable = workable && !call;
    el.message.disabled = !chat || call || !(chat.view && !chat.view.readOnly);
    el.send.disabled = !writable || state.sending;
    el.transferOpen.disabled = !workable;
    // A call's case was made when it was answered.
    el.caseCreate.disabled = !workable || (call && Boolean(caseOf(chat)));
    el.closeOpen.disabled = !workable;
    // Proposing an FAQ changes nothing in the chat, so a read-only chat may prompt one too.
    el.faqPropose.disabled = !chat;
    el.noteText.disabled = !chat;
    $('note-save').disabled = !chat || !state.connected;
    // An FAQ link is sent to the chat shown; "sent" is remembered per chat.
    for (const button of el.faqResults.querySelectorAll('.faq-send')) {
      const sent = Boolean(chat) && button.dataset.sentTo === chat.id;
      button.disabled = !writable || sent;
      button.textContent = sent ? t('Chats_FaqSent') : t('Chats_FaqSendLink');
    }
    for (const button of el.canned.querySelectorAll('.canned')) {
      button.disabled = el.message.disabled;
    }
  }

  function renderChat(full) {
    const chat = current();
    el.chatEmpty.hidden = Boolean(chat);
    el.transcript.hidden = !chat;
    if (!chat) {
      el.chatHeading.textContent = t('Chats_NoChatHeading');
      el.chatMeta.textContent = '';
      el.transcript.replaceChildren();
      el.message.value = '';
      el.typing.hidden = true;
      renderCall(null);
      renderProgram(null);
      renderChatControls();
      renderTools();
      return;
    }
    el.chatHeading.textContent = chatSubject(chat);
    const language = languageBadge(chat.view && chat.view.language);
    if (language) {
      el.chatHeading.append(' ', language);
    }
    const answered = parseUtc(chat.item.answeredAtUtc);
    const linked = caseOf(chat);
    el.chatMeta.replaceChildren(...[
      chat.view && chat.view.readOnly ? t('Chats_ReadOnly') : '',
      Number.isNaN(answered) ? '' : t('Chats_AnsweredAt', timeFormat.format(answered)),
    ].filter(Boolean).map((text) => node('span', null, text)),
    linked ? node('span', null, node('a', { href: caseHref(linked.id), target: '_blank', rel: 'noopener', className: 'case-link' }, t('Chats_CallCaseLink', linked.number))) : '');
    if (full) {
      el.transcript.replaceChildren(...chat.transcript.map(line).filter(Boolean));
      el.transcript.scrollTop = el.transcript.scrollHeight;
    }
    renderTyping();
    renderCall(chat);
    renderProgram(chat);
    renderChatControls();
    renderTools();
  }

  // The 施策 panel: a chat or call that came through a program's entry links to the program's pages for this conversation.
  function renderProgram(chat) {
    const panel = $('program-panel');
    const view = chat && chat.view;
    panel.hidden = !(view && view.programCode);
    if (panel.hidden) {
      return;
    }
    $('program-name').textContent = view.programName || view.programCode;
    const query = '?program=' + encodeURIComponent(view.programCode) + '&conversation=' + encodeURIComponent(chat.id);
    for (const link of panel.querySelectorAll('a[data-path]')) {
      link.href = link.dataset.path + query;
    }
  }

  function appendLines(items) {
    const nearBottom = el.transcript.scrollHeight - el.transcript.scrollTop - el.transcript.clientHeight < 80;
    for (const item of items) {
      const li = line(item);
      if (li) {
        el.transcript.append(li);
      }
    }
    if (nearBottom) {
      el.transcript.scrollTop = el.transcript.scrollHeight;
    }
  }

  // One transcript line: the citizen's, the bot's or an agent's; typing and most events are not lines.
  function line(item) {
    if (item.type === 'event') {
      return item.name === 'handoff.initiate'
        ? node('li', { className: 'line system' }, node('span', null, t('Chats_HandoffRequested')), ' ', node('time', null, timeFormat.format(parseUtc(item.timestampUtc))))
        : null;
    }
    if (item.type !== 'message') {
      return null;
    }
    const role = item.role === 'user' ? 'user' : item.role === 'agent' ? 'agent' : 'bot';
    const at = parseUtc(item.timestampUtc);
    return node('li', { className: `line ${role}` + (item.clicked ? ' clicked' : ''), dataset: { seq: item.sequence } },
      node('div', { className: 'line-head' },
        node('span', { className: 'who' }, t('Chats_Role_' + role)),
        item.clicked ? node('span', { className: 'clicked-mark' }, t('Chats_Clicked')) : null,
        node('time', { datetime: Number.isNaN(at) ? null : new Date(at).toISOString() }, Number.isNaN(at) ? '' : timeFormat.format(at))),
      item.text ? node('div', { className: 'text' }, item.text) : null,
      item.attachments && item.attachments.length
        ? node('ul', { className: 'attachments', 'aria-label': t('Chats_Attachment') }, item.attachments.map((a) =>
          node('li', null, a.url && /^(https?:|data:image\/)/.test(a.url)
            ? node('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, a.name || a.contentType)
            : (a.name || a.contentType))))
        : null,
      item.choices && item.choices.length
        ? node('p', { className: 'choices' }, t('Chats_ChoicesList', item.choices.join(t('Chats_ChoiceSeparator'))))
        : null);
  }

  // New transcript lines after the chat's last sequence; `live` when they come from a push (typing counts then).
  async function refreshTranscript(chat, live) {
    if (chat.refreshing) {
      chat.again = true;
      return;
    }
    chat.refreshing = true;
    try {
      do {
        chat.again = false;
        const items = await connection.invoke('ReadTranscript', chat.id, chat.lastSequence);
        if (state.chats.get(chat.id) !== chat) {
          return;
        }
        addLines(chat, items, live);
      } while (chat.again);
    } catch (error) {
      // The next push or a reconnect reads again; an unreadable chat is dropped by chatChanged.
    } finally {
      chat.refreshing = false;
    }
  }

  function addLines(chat, items, live) {
    const fresh = items.filter((i) => i.sequence > chat.lastSequence);
    if (fresh.length === 0) {
      return;
    }
    chat.transcript.push(...fresh);
    chat.lastSequence = fresh[fresh.length - 1].sequence;
    const open = chat.id === state.openId;
    for (const item of fresh) {
      if (item.role !== 'user') {
        continue;
      }
      if (item.type === 'typing' && live) {
        chat.typingUntil = Date.now() + TYPING_SHOWN_MS;
      } else if (item.type === 'message') {
        chat.typingUntil = 0;
        if (open) {
          announce(t('Chats_NewMessage', item.text || ''));
        }
      }
    }
    if (open) {
      markRead(chat);
      appendLines(fresh);
      renderTyping();
    } else if (fresh.some((i) => i.role === 'user' && i.type === 'message')) {
      announce(t('Chats_NewMessageOther', chatSubject(chat)));
    }
    renderMine();
  }

  let typingTimer = 0;
  function renderTyping() {
    const chat = current();
    const left = chat ? chat.typingUntil - Date.now() : 0;
    el.typing.hidden = left <= 0;
    clearTimeout(typingTimer);
    if (left > 0) {
      typingTimer = setTimeout(renderTyping, left + 50);
    }
  }

  // ---- a call: the phone notice, its case, 本市内線電話に転送 ---------------------------------------------------------

  // The conversation's case: as read with the chat, else as 応答 returned it.
  function caseOf(chat) {
    if (chat.view && chat.view.caseId) {
      return { id: chat.view.caseId, number: chat.view.caseNumber };
    }
    if (chat.item.caseId) {
      return { id: chat.item.caseId, number: chat.item.caseNumber };
    }
    return state.caseLinks.get(chat.id) || null;
  }

  function renderCall(chat) {
    const call = Boolean(chat) && isCallItem(chat.item);
    el.callPanel.hidden = !call;
    el.composer.hidden = call;
    if (!call) {
      return;
    }
    const link = caseOf(chat);
    const opened = state.caseLinks.get(chat.id);
    const blocked = Boolean(link && opened && opened.blocked);
    el.callCase.hidden = !blocked;
    el.callCase.replaceChildren(...(blocked
      ? [t('Chats_CallCaseBlocked'), ' ', node('a', { href: caseHref(link.id), target: '_blank', rel: 'noopener', className: 'case-open' }, t('Chats_CallCaseOpen', link.number))]
      : []));

    const mine = Boolean(chat.view && chat.view.mine && !chat.view.readOnly);
    if (mine && chat.departments === undefined) {
      loadDepartments(chat);
    }
    const departments = Array.isArray(chat.departments) ? chat.departments : null;
    el.extensionForm.hidden = !mine || !departments || departments.length === 0;
    el.extensionNone.hidden = !mine || !departments || departments.length > 0;
    if (departments && el.extensionDepartment.dataset.for !== chat.id) {
      el.extensionDepartment.dataset.for = chat.id;
      el.extensionDepartment.replaceChildren(
        node('option', { value: '' }, t('Chats_ExtensionPick')),
        ...departments.map((d) => node('option', { value: d.departmentId }, t('Chats_ExtensionOption', d.name, d.extension))));
      el.extensionDepartment.value = chat.extensionPick;
      el.extensionNote.value = chat.extensionNote;
    }
    const locked = chat.extensionBusy || chat.extensionDone || !state.connected;
    el.extensionDepartment.disabled = locked;
    el.extensionNote.disabled = locked;
    el.extensionSubmit.disabled = locked;
    if (chat.extensionBusy) {
      el.extensionSubmit.setAttribute('aria-busy', 'true');
    } else {
      el.extensionSubmit.removeAttribute('aria-busy');
    }
    if (el.extensionStatus.textContent !== chat.extensionStatus) {
      el.extensionStatus.textContent = chat.extensionStatus;
    }
    if (el.extensionError.textContent !== chat.extensionError) {
      el.extensionError.textContent = chat.extensionError;
    }
  }

  // The departments a call can be moved on to. The voice endpoints belong to the voice module: where it is not
  // mapped (404), or the call is not this agent's to move, the control stays hidden.
  async function loadDepartments(chat) {
    chat.departments = null;
    let departments = null;
    try {
      const response = await fetch(`/api/voice/calls/${encodeURIComponent(chat.id)}/departments`, { headers: { Accept: 'application/json' } });
      departments = response.ok ? await response.json() : null;
    } catch (error) {
      departments = undefined; // read again when the chat is drawn next
    }
    chat.departments = Array.isArray(departments) ? departments : departments === undefined ? undefined : null;
    if (current() === chat && chat.departments !== undefined) {
      renderCall(chat);
    }
  }

  async function problemText(response, fallback) {
    const answer = await response.json().catch(() => null);
    return (answer && (answer.detail || answer.title)) || fallback;
  }

  function jsonPost(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: root.dataset.requestToken },
      body: JSON.stringify(body),
    });
  }

  // 本市内線電話に転送: the call moves on to the department's extension (the agent's phone leaves when it answers), then
  // the note goes on the call's case, so the case says where the caller went.
  async function transferToExtension(chat) {
    const target = (chat.departments || []).find((d) => d.departmentId === el.extensionDepartment.value);
    if (!target) {
      chat.extensionError = t('Chats_ExtensionPick');
      renderCall(chat);
      el.extensionDepartment.focus();
      return;
    }
    const note = el.extensionNote.value.trim();
    chat.extensionBusy = true;
    chat.extensionError = '';
    chat.extensionStatus = t('Chats_ExtensionStarting', target.name);
    renderCall(chat);
    try {
      let response;
      try {
        response = await jsonPost(`/api/voice/calls/${encodeURIComponent(chat.id)}/transfer`, { departmentId: target.departmentId });
      } catch (error) {
        throw new Error(t('Chats_Error_Connection'));
      }
      if (response.status !== 202) {
        throw new Error(await problemText(response, t('Chats_ExtensionRefused')));
      }
      const started = await response.json().catch(() => ({}));
      const done = t('Chats_ExtensionDone', started.name || target.name, target.extension);
      chat.extensionDone = true;
      chat.extensionStatus = done + t('Chats_ExtensionCloseHint');
      chat.extensionNote = '';
      if (current() === chat) {
        el.extensionNote.value = '';
      }
      const linked = caseOf(chat);
      if (linked) {
        let failure = null;
        try {
          const noted = await jsonPost(`/api/cases/${encodeURIComponent(linked.id)}/notes`, { text: note ? `${done}\n${note}` : done });
          failure = noted.ok ? null : await problemText(noted, t('Chats_Error_Generic'));
        } catch (error) {
          failure = t('Chats_Error_Connection');
        }
        if (failure !== null) {
          chat.extensionError = t('Chats_ExtensionNoteFailed', failure);
        }
      }
    } catch (error) {
      chat.extensionStatus = '';
      chat.extensionError = error.message || t('Chats_ExtensionRefused');
    } finally {
      chat.extensionBusy = false;
      if (current() === chat) {
        renderCall(chat);
        renderChatControls();
      }
    }
  }

  el.extensionForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const chat = current();
    if (chat && !chat.extensionBusy && !chat.extensionDone) {
      transferToExtension(chat);
    }
  });
  el.extensionDepartment.addEventListener('change', () => {
    const chat = current();
    if (chat) {
      chat.extensionPick = el.extensionDepartment.value;
      chat.extensionError = '';
      renderCall(chat);
    }
  });
  el.extensionNote.addEventListener('input', () => {
    const chat = current();
    if (chat) {
      chat.extensionNote = el.extensionNote.value;
    }
  });

  // ---- sending ----------------------------------------------------------------------------------------------------

  async function send() {
    const chat = current();
    if (!chat || state.sending || el.send.disabled) {
      return;
    }
    const text = el.message.value;
    if (!text.trim()) {
      showError(t('Chats_Message') + ': ' + t('Chats_MessageHint'));
      el.message.focus();
      return;
    }
    if (!chat.outbox || chat.outbox.text !== text) {
      chat.outbox = { text, clientId: newId() };
    }
    state.sending = true;
    renderChatControls();
    el.send.setAttribute('aria-busy', 'true');
    let sent = false;
    try {
      const result = await connection.invoke('Send', chat.id, text, chat.outbox.clientId);
      if (result && result.ok === false) {
        showError(result.message);
      } else {
        sent = true;
      }
    } catch (error) {
      // The typed text stays where it is; sending again reuses the id, so a send that did arrive is not doubled.
      showError(state.connected ? t('Chats_Error_SendKept') : t('Chats_Error_Connection'));
    } finally {
      state.sending = false;
      el.send.removeAttribute('aria-busy');
      renderChatControls();
    }
    if (!sent) {
      return;
    }
    clearError();
    chat.outbox = null;
    if (state.openId === chat.id && el.message.value === text) {
      el.message.value = '';
      saveDraft(chat, '');
    } else if (state.openId !== chat.id && chat.draft === text) {
      saveDraft(chat, '');
    }
    refreshTranscript(chat, false);
  }

  el.composer.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  el.message.addEventListener('compositionstart', () => { state.composing = true; });
  el.message.addEventListener('compositionend', () => {
    // Safari fires compositionend before the Enter that confirms the conversion.
    setTimeout(() => { state.composing = false; }, 0);
  });
  el.message.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    // Enter that confirms an IME conversion never sends.
    if (event.isComposing || event.keyCode === 229 || state.composing) {
      return;
    }
    event.preventDefault();
    send();
  });
  el.message.addEventListener('input', () => {
    const chat = current();
    if (chat) {
      saveDraft(chat, el.message.value);
    }
    if (!chat || !state.connected || !el.message.value.trim()) {
      return;
    }
    const now = Date.now();
    if (now - state.lastTypingSent >= TYPING_SENT_EVERY_MS) {
      state.lastTypingSent = now;
      connection.invoke('Typing', chat.id).catch(() => {});
    }
  });

  // Inserts text at the caret of the message box (canned responses).
  function insertText(text) {
    if (el.message.disabled) {
      return;
    }
    const { selectionStart: start, selectionEnd: end, value } = el.message;
    el.message.value = value.slice(0, start) + text + value.slice(end);
    const chat = current();
    if (chat) {
      saveDraft(chat, el.message.value);
    }
    el.message.focus();
    el.message.selectionStart = el.message.selectionEnd = start + text.length;
  }

  // ---- side panel: tabs -------------------------------------------------------------------------------------------

  function selectTab(tab, focus) {
    for (const other of el.tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(other.getAttribute('aria-controls')).hidden = !selected;
    }
    state.activeTab = tab.id.replace('tab-', '');
    if (focus) {
      tab.focus();
    }
    if (state.activeTab === 'canned' && state.cannedItems.length === 0) {
      loadCanned();
    }
    renderTools();
  }

  el.tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => selectTab(tab, false));
    tab.addEventListener('keydown', (event) => {
      const moves = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: el.tabs.length - 1 - index };
      if (event.key in moves) {
        event.preventDefault();
        selectTab(el.tabs[(index + moves[event.key] + el.tabs.length) % el.tabs.length], true);
      }
    });
  });

  function renderTools() {
    const chat = current();
    renderNotes(chat);
    renderHistory(chat);
  }

  // ---- side panel: canned responses -------------------------------------------------------------------------------

  function fillPlaceholders(body) {
    const me = state.snapshot ? state.snapshot.me.name : '';
    return body
      .replaceAll('{agent}', me)
      .replaceAll('{city}', root.dataset.city || '')
      .replaceAll('{today}', longDateFormat.format(serverNow()));
  }

  let cannedTimer = 0;
  let cannedAsked = 0;
  async function loadCanned() {
    const asked = ++cannedAsked;
    try {
      const response = await fetch('/api/handoff/canned?q=' + encodeURIComponent(el.cannedQ.value.trim()), { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const items = await response.json();
      if (asked !== cannedAsked) {
        return;
      }
      state.cannedItems = items;
      el.canned.replaceChildren(...(items.length ? items.map((c) =>
        node('li', null, node('button', { type: 'button', className: 'canned', onclick: () => insertText(fillPlaceholders(c.body)) },
          node('span', { className: 'canned-title' }, c.title, c.category ? node('span', { className: 'tag' }, c.category) : null),
          node('span', { className: 'canned-body' }, fillPlaceholders(c.body)))))
        : [node('li', { className: 'empty' }, t('Chats_CannedEmpty'))]));
      renderChatControls();
    } catch (error) {
      el.canned.replaceChildren(node('li', { className: 'empty' }, t('Chats_Error_Search')));
    }
  }

  el.cannedQ.addEventListener('input', () => {
    clearTimeout(cannedTimer);
    cannedTimer = setTimeout(loadCanned, 250);
  });

  // ---- side panel: FAQ --------------------------------------------------------------------------------------------

  async function searchFaq() {
    const query = el.faqQ.value.trim();
    if (!query) {
      return;
    }
    state.faqQuery = query;
    try {
      const response = await fetch('/api/faq/search?top=8&q=' + encodeURIComponent(query), { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const { results } = await response.json();
      el.faqResults.replaceChildren(...(results.length ? results.map((r) => faqResult(r, query))
        : [node('li', { className: 'empty' }, t('Chats_FaqEmpty'))]));
      renderChatControls();
    } catch (error) {
      el.faqResults.replaceChildren(node('li', { className: 'empty' }, t('Chats_Error_Search')));
    }
  }

  function faqLink(faqId) {
    return `${root.dataset.publicBase}/faq/${faqId}`;
  }

  function faqResult(result, query) {
    const titleId = 'faq-' + result.faqId;
    const button = node('button', { type: 'button', className: 'faq-send', 'aria-describedby': titleId }, t('Chats_FaqSendLink'));
    button.addEventListener('click', () => sendFaq(result, query, button));
    return node('li', { className: 'faq' },
      node('a', { href: faqLink(result.faqId), target: '_blank', rel: 'noopener', id: titleId, title: t('Chats_FaqOpen') }, result.question),
      node('p', { className: 'snippet' }, result.snippet),
      button);
  }

  // Sends the FAQ's title and link to the citizen, then tells the ranker an agent confirmed the answer.
  async function sendFaq(result, query, button) {
    const chat = current();
    if (!chat || button.disabled) {
      return;
    }
    button.disabled = true;
    const sent = await act('Send', chat.id, `${result.question}\n${faqLink(result.faqId)}`, newId());
    if (sent) {
      button.dataset.sentTo = chat.id;
    }
    renderChatControls();
    if (!sent) {
      return;
    }
    refreshTranscript(chat, false);
    try {
      await fetch('/api/faq/ranking/confirmations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', RequestVerificationToken: root.dataset.requestToken },
        body: JSON.stringify({ query, faqId: result.faqId }),
      });
    } catch (error) {
      // The citizen has the link; a lost confirmation only costs the ranker one example.
    }
  }

  el.faqForm.addEventListener('submit', (event) => {
    event.preventDefault();
    searchFaq();
  });

  // ---- side panel: notes and history ------------------------------------------------------------------------------

  async function refreshNotes(chat, live) {
    try {
      const notes = await connection.invoke('ReadNotes', chat.id);
      if (state.chats.get(chat.id) !== chat) {
        return;
      }
      const seen = chat.seenNotes || new Set();
      const whisper = notes.some((n) => n.kind === 'Whisper' && !seen.has(n.id));
      chat.notes = notes;
      if (live && whisper) {
        announce(t('Chats_NewWhisper'));
        if (chat.id !== state.openId || state.activeTab !== 'notes') {
          chat.unseenWhisper = true;
        }
      }
      if (chat.id === state.openId) {
        renderNotes(chat);
      }
    } catch (error) {
      // Read again on the next note or reopen.
    }
  }

  function renderNotes(chat) {
    const notes = chat ? chat.notes.slice() : [];
    // Transfer notes first (what the previous agent handed over), then the rest in time order.
    notes.sort((a, b) => (a.kind === 'Transfer' ? 0 : 1) - (b.kind === 'Transfer' ? 0 : 1) || parseUtc(a.createdAtUtc) - parseUtc(b.createdAtUtc));
    el.notes.replaceChildren(...(notes.length ? notes.map((n) =>
      node('li', { className: 'note ' + n.kind.toLowerCase() },
        node('div', { className: 'note-head' },
          node('span', { className: 'note-kind' }, t('Chats_Note_' + n.kind)),
          node('span', null, n.authorName),
          node('time', null, timeFormat.format(parseUtc(n.createdAtUtc)))),
        node('div', { className: 'text' }, n.text)))
      : [node('li', { className: 'empty' }, t('Chats_NotesEmpty'))]));
    if (chat && state.activeTab === 'notes') {
      chat.unseenWhisper = false;
      chat.seenNotes = new Set(chat.notes.map((n) => n.id));
    }
    const badge = chat && chat.unseenWhisper;
    el.notesBadge.hidden = !badge;
    el.notesBadge.textContent = badge ? '!' : '';
  }

  function renderHistory(chat) {
    const history = chat && chat.view ? chat.view.history : [];
    const codes = state.snapshot ? state.snapshot.wrapUpCodes : [];
    el.history.replaceChildren(...(history.length ? history.map((h) => {
      const code = codes.find((c) => c.code === h.wrapUpCode);
      return node('li', null,
        node('time', null, dateTimeFormat.format(parseUtc(h.createdAtUtc))), ' ',
        node('span', { className: 'tag' }, t('Chats_Owner_' + h.owner)),
        code ? node('span', { className: 'tag' }, code.label) : null);
    }) : [node('li', { className: 'empty' }, t('Chats_HistoryEmpty'))]));
  }

  el.noteForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chat = current();
    const text = el.noteText.value;
    if (!chat || !text.trim()) {
      return;
    }
    if (await act('AddNote', chat.id, text)) {
      el.noteText.value = '';
      await refreshNotes(chat, false);
    }
  });

  // ---- dialogs: transfer and close --------------------------------------------------------------------------------

  function openDialog(dialog, opener) {
    dialog.querySelector('.dialog-error').textContent = '';
    dialog.returnFocus = opener;
    dialog.showModal();
    const first = dialog.querySelector('input:checked, select, input, textarea, button');
    if (first) {
      first.focus();
    }
  }

  function closeDialog(dialog) {
    if (dialog.open) {
      dialog.close();
    }
  }

  for (const dialog of [el.transferDialog, el.closeDialog, el.faqProposalDialog]) {
    dialog.querySelector('[data-dismiss]').addEventListener('click', () => closeDialog(dialog));
    dialog.addEventListener('close', () => {
      // Back to the opener; when the chat is gone, to the next useful place rather than to the page's top.
      const back = [dialog.returnFocus, el.message, el.mine.querySelector('button'), el.chatHeading].find((e) => e && !e.disabled && e.isConnected && (e.offsetParent !== null || e === el.chatHeading));
      if (back) {
        back.focus();
      }
    });
  }

  async function dialogAct(dialog, method, ...args) {
    const error = dialog.querySelector('.dialog-error');
    try {
      const result = await connection.invoke(method, ...args);
      if (result && result.ok === false) {
        error.textContent = result.message || t('Chats_Error_Generic');
        return false;
      }
      return true;
    } catch (failure) {
      error.textContent = errorText(failure);
      return false;
    }
  }

  // 「案件化」: the chat becomes a case (its transcript the first entry), opened in a new tab. The tab is opened at the
  // click, before the request, so no pop-up blocker stops it; a refusal closes it and says why.
  el.caseCreate.addEventListener('click', async () => {
    const chat = current();
    if (!chat) {
      return;
    }
    clearError();
    const tab = window.open('', '_blank');
    try {
      const response = await fetch(`/api/cases/from-chat/${encodeURIComponent(chat.id)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: root.dataset.requestToken },
        body: '{}',
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok || !answer || !answer.id) {
        throw new Error((answer && (answer.detail || answer.title)) || '');
      }
      if (tab) {
        tab.opener = null;
        tab.location.href = `/console/cases/${answer.id}`;
      }
      if (!caseOf(chat)) {
        state.caseLinks.set(chat.id, { id: answer.id, number: answer.number, blocked: false });
      }
      // Rendered either way: a list refresh may have brought the case first, and that refresh redraws only the list.
      if (current() === chat) {
        renderChat(false);
      }
      showNotice(t('Chats_CaseCreated', answer.number));
    } catch (error) {
      if (tab) {
        tab.close();
      }
      showError(t('Chats_CaseRefused') + (error.message ? ' ' + error.message : ''));
    }
  });

  el.transferOpen.addEventListener('click', () => {
    const me = state.snapshot.me;
    const agents = state.snapshot.agents.filter((a) => a.connected && a.status !== 'Offline' && a.id !== me.id);
    el.transferAgent.replaceChildren(...(agents.length
      ? agents.map((a) => node('option', { value: a.id }, t('Chats_AgentOption', a.name, a.statusLabel, a.chats, a.maxChats)))
      : [node('option', { value: '' }, t('Chats_TransferNoAgents'))]));
    const teams = state.snapshot.teams || [];
    el.transferTeam.replaceChildren(...(teams.length
      ? teams.map((team) => node('option', { value: team }, team))
      : [node('option', { value: '' }, t('Chats_TransferNoTeams'))]));
    el.transferForm.reset();
    el.transferAgent.disabled = agents.length === 0;
    el.transferTeam.disabled = true;
    openDialog(el.transferDialog, el.transferOpen);
  });

  const transferTarget = () => el.transferForm.querySelector('input[name=transfer-target]:checked').value;

  el.transferForm.addEventListener('change', () => {
    const target = transferTarget();
    el.transferAgent.disabled = target !== 'agent' || !el.transferAgent.value;
    el.transferTeam.disabled = target !== 'team' || !el.transferTeam.value;
  });

  el.transferForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chat = current();
    if (!chat) {
      closeDialog(el.transferDialog);
      return;
    }
    const target = transferTarget();
    const note = el.transferNote.value || null;
    chat.closing = true;
    const done = target === 'team'
      ? await dialogAct(el.transferDialog, 'TransferToTeam', chat.id, el.transferTeam.value || null, note)
      : await dialogAct(el.transferDialog, 'Transfer', chat.id, target === 'agent' ? el.transferAgent.value || null : null, target === 'supervisor', note);
    chat.closing = done;
    if (done) {
      closeDialog(el.transferDialog);
      drop(chat, false);
      showNotice(t('Chats_Transferred'));
      scheduleSnapshot(true);
    }
  });

  // 「FAQ提案」: propose a new FAQ to the editors, prefilled with the citizen's first question of this chat. The FAQ
  // module owns proposals; the browser posts to its API (handoff never references faq-site).
  el.faqPropose.addEventListener('click', () => {
    const chat = current();
    if (!chat) {
      return;
    }
    const first = chat.transcript.find((i) => i.role === 'user' && i.type === 'message' && i.text);
    el.faqProposalForm.reset();
    el.faqProposalQuestion.value = first ? first.text.slice(0, 500) : '';
    el.faqProposalCitizen.value = first ? first.text : '';
    el.faqProposalDialog.proposalFor = chat.id;
    openDialog(el.faqProposalDialog, el.faqPropose);
  });

  el.faqProposalForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = el.faqProposalDialog.querySelector('.dialog-error');
    error.textContent = '';
    try {
      const response = await fetch('/api/faq/proposals', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: root.dataset.requestToken },
        body: JSON.stringify({
          question: el.faqProposalQuestion.value,
          answer: el.faqProposalAnswer.value,
          citizenQuestion: el.faqProposalCitizen.value,
          source: 'chat',
          conversationId: el.faqProposalDialog.proposalFor,
        }),
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => null);
        const messages = problem && problem.errors ? Object.values(problem.errors).flat() : [];
        error.textContent = messages.length ? messages.join(' ') : t('Chats_FaqProposalRefused');
        return;
      }
      closeDialog(el.faqProposalDialog);
      showNotice(t('Chats_FaqProposalSent'));
    } catch {
      // Network failure: the dialog stays open with what was typed.
      error.textContent = t('Chats_FaqProposalRefused');
    }
  });

  function renderWrapUps() {
    const codes = state.snapshot.wrapUpCodes;
    if (el.wrapUps.children.length === codes.length) {
      return;
    }
    el.wrapUps.replaceChildren(...codes.map((c) =>
      node('label', { className: 'choice' }, node('input', { type: 'radio', name: 'wrap-up', value: c.code }), ' ' + c.label)));
  }

  el.closeOpen.addEventListener('click', () => {
    el.closeForm.reset();
    openDialog(el.closeDialog, el.closeOpen);
  });

  el.closeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chat = current();
    const checked = el.closeForm.querySelector('input[name=wrap-up]:checked');
    if (!chat) {
      closeDialog(el.closeDialog);
      return;
    }
    chat.closing = true;
    const done = await dialogAct(el.closeDialog, 'Close', chat.id, checked ? checked.value : null);
    chat.closing = done;
    if (done) {
      const next = state.order.find((id) => id !== chat.id && state.chats.has(id)) || null;
      drop(chat, false);
      if (next) {
        openChat(next, false);
      }
      closeDialog(el.closeDialog);
      showNotice(t('Chats_Closed'));
      scheduleSnapshot(true);
    }
  });

  // ---- the clock: waiting times and offers ------------------------------------------------------------------------

  function tick() {
    const elapsed = state.snapshotAt ? (performance.now() - state.snapshotAt) / 1000 : 0;
    for (const wait of el.queue.querySelectorAll('.wait')) {
      wait.querySelector('.wait-value').textContent = mmss(Number(wait.dataset.waited) + elapsed);
    }
    const now = serverNow();
    let expired = false;
    for (const remaining of el.offers.querySelectorAll('.remaining')) {
      const left = Math.ceil((Number(remaining.dataset.expires) - now) / 1000);
      expired = expired || left <= 0;
      remaining.textContent = t('Chats_OfferRemaining', Math.max(0, left));
    }
    if (expired) {
      renderOffers();
    }
  }

  // Alt+↑ / Alt+↓ moves between the agent's chats from anywhere on the page (the browser leaves these keys free).
  document.addEventListener('keydown', (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) {
      return;
    }
    if (el.transferDialog.open || el.closeDialog.open) {
      return;
    }
    const ids = state.order.filter((id) => state.chats.has(id));
    if (ids.length === 0) {
      return;
    }
    event.preventDefault();
    const at = ids.indexOf(state.openId);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    openChat(ids[at < 0 ? 0 : (at + step + ids.length) % ids.length], true);
  });

  setInterval(tick, 1000);
  selectTab(el.tabs[0], false);
  renderChat(true);
  start();
})();
