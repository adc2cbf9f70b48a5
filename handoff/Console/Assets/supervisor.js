// The supervisor view (/console/supervisor): live figures, agents, live chats and the queue, read from the consoles'
// hub (GetSupervisorBoard) on every "queueChanged" (debounced) and every few seconds so waiting times move; モニタリング
// opens a chat read-only beside the lists (its transcript follows "activity"), ささやき writes to its agent only, 割当 and
// 再割当 give a chat to an agent. Texts come from the page's JSON island (HandoffStrings.resx): no UI language here.
// Rows are kept per conversation and updated in place, so a refresh never takes the focus from a button.
(() => {
  'use strict';
  const root = document.getElementById('supervisor');
  const textsElement = document.getElementById('sv-texts');
  if (!root || !textsElement) return;

  const REFRESH_EVERY_MS = 5000;
  const QUEUE_DEBOUNCE_MS = 500;
  const START_RETRY_MS = 5000;

  const texts = JSON.parse(textsElement.textContent || '{}');
  const t = (key, ...args) => (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
  const $ = (id) => document.getElementById(id);

  const connectionStatus = $('sv-connection');
  const updated = $('sv-updated');
  const reload = $('sv-reload');
  const message = $('sv-message');
  const error = $('sv-error');
  const monitor = $('sv-monitor');
  const transcriptBox = $('sv-transcript');
  const transcriptList = transcriptBox.querySelector('ol');
  const transcriptNone = transcriptBox.querySelector('.sv-empty');
  const whisperForm = $('sv-whisper');
  const whisperText = $('sv-whisper-text');
  const whisperStatus = $('sv-whisper-status');
  const dialog = $('sv-assign');
  const dialogSelect = $('sv-assign-agent');
  const dialogError = $('sv-assign-error');

  // ---- formatting -------------------------------------------------------------------------------------------------

  // The server's UTC times may come without a zone (SQLite): they are UTC all the same.
  const utc = (value) => (value ? new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : value + 'Z') : null);
  const clock = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });
  const clockSeconds = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const empty = t('Supervisor_Empty');

  function duration(seconds) {
    if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return empty;
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return t('Supervisor_Seconds', s);
    if (s < 3600) return t('Supervisor_MinutesSeconds', Math.floor(s / 60), s % 60);
    return t('Supervisor_HoursMinutes', Math.floor(s / 3600), Math.floor((s % 3600) / 60));
  }

  // "14:05（12分30秒前）", measured on the server's clock so a skewed PC clock does not matter.
  function since(value, serverNow) {
    const at = utc(value);
    if (!at) return empty;
    return t('Supervisor_TimeAgo', clock.format(at), duration((serverNow - at) / 1000));
  }

  const stateLabel = (agent) => (agent.status === 'Away' && agent.awayReason
    ? t('Supervisor_Agent_AwayReason', agent.statusLabel, texts['Away_' + agent.awayReason] ?? agent.awayReason)
    : agent.statusLabel);

  function setText(element, text) {
    if (element && element.textContent !== text) element.textContent = text;
  }

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  // A button whose visible label is short (「割当」) and whose accessible name says which row it acts on.
  function rowButton(label, className) {
    const button = el('button', className);
    button.type = 'button';
    button.append(el('span', '', label), el('span', 'visually-hidden', ''));
    return button;
  }

  const setRowContext = (button, context) => setText(button.querySelector('.visually-hidden'), t('Supervisor_RowContext', context));

  // Keeps one row per key: new rows are made, old ones removed, the rest updated in place and moved only when needed.
  function syncRows(table, items, keyOf, create, update) {
    const body = table.tBodies[0];
    const existing = new Map([...body.rows].map((row) => [row.dataset.key, row]));
    let previous = null;
    for (const item of items) {
      const key = keyOf(item);
      let row = existing.get(key);
      if (row) existing.delete(key);
      else {
        row = create(item);
        row.dataset.key = key;
      }

      update(row, item);
      const expected = previous ? previous.nextElementSibling : body.firstElementChild;
      if (expected !== row) body.insertBefore(row, expected);
      previous = row;
    }

    existing.forEach((row) => row.remove());
    const name = table.id.replace('sv-', '');
    table.querySelector(`[data-empty="${name}"]`).hidden = items.length !== 0;
    setText(root.querySelector(`[data-count="${name}"]`), t('Supervisor_CountInTitle', items.length));
  }

  function cells(row, count) {
    while (row.cells.length < count) row.append(el('td'));
    return row.cells;
  }

  // ---- the board --------------------------------------------------------------------------------------------------

  let board = null;
  let serverNow = Date.now();
  let monitored = null; // the chat open in the side panel: { id, last (sequence read), view }

  function renderFigures(figures) {
    const f = (name) => root.querySelector(`[data-figure="${name}"]`);
    const count = (n) => t('Supervisor_Count', n);
    const people = (n) => t('Supervisor_People', n);
    setText(f('waitingNow'), count(figures.waitingNow));
    setText(f('longestWait'), figures.waitingNow > 0 ? duration(figures.longestWaitSeconds) : empty);
    setText(f('agentsAvailable'), people(figures.agentsAvailable));
    setText(f('agentsAway'), people(figures.agentsAway));
    setText(f('agentsOffline'), people(figures.agentsOffline));
    setText(f('chatsNow'), count(figures.chatsNow));
    setText(f('offeredToday'), count(figures.offeredToday));
    setText(f('answeredToday'), count(figures.answeredToday));
    setText(f('abandonedToday'), count(figures.abandonedToday));
    setText(f('target'), t('Supervisor_Figure_Target', figures.targetWaitSeconds));
    setText(f('withinTarget'), figures.answeredWithinTargetShare === null || figures.answeredWithinTargetShare === undefined
      ? empty : t('Supervisor_Percent', Math.round(figures.answeredWithinTargetShare * 100)));
    setText(f('averageHandling'), duration(figures.averageHandlingSeconds));
    setText(f('averageWait'), duration(figures.averageWaitSeconds));
    root.querySelector('.sv-card-key').classList.toggle('sv-alert', figures.waitingNow > 0);
  }

  const agentName = (id) => board?.agents.find((a) => a.id === id)?.name ?? '';

  function renderQueue(queue) {
    syncRows($('sv-queue'), queue, (q) => q.conversationId,
      () => {
        const row = el('tr');
        const [, , , , , actions] = cells(row, 6);
        actions.append(el('span', 'sv-note'), rowButton(t('Supervisor_Assign'), 'sv-assign'));
        return row;
      },
      (row, q) => {
        const [position, waited, channel, category, question, actions] = row.cells;
        setText(position, String(q.position));
        setText(waited, q.requeued ? t('Supervisor_Queue_Requeued', duration(q.waitedSeconds)) : duration(q.waitedSeconds));
        // The citizen's language when it is not Japanese (英語 English).
        setText(channel, q.language && q.language !== 'ja' ? q.channelLabel + ' / ' + t('Lang_' + q.language) : q.channelLabel);
        setText(category, q.category || t('Supervisor_NoCategory'));
        setText(question, q.firstQuestion || empty);
        setText(actions.querySelector('.sv-note'), q.offeredTo ? t('Supervisor_Queue_Offered', agentName(q.offeredTo)) : '');
        setRowContext(actions.querySelector('.sv-assign'), t('Supervisor_Queue_Row', q.position));
        position.className = 'sv-num';
        question.className = 'sv-question';
      });
  }

  function renderChats(chats) {
    syncRows($('sv-chats'), chats, (c) => c.conversationId,
      () => {
        const row = el('tr');
        const actions = cells(row, 5)[4];
        actions.append(rowButton(t('Supervisor_Monitor'), 'sv-monitor-open'), rowButton(t('Supervisor_Whisper'), 'sv-whisper-open'),
          rowButton(t('Supervisor_Reassign'), 'sv-reassign'));
        return row;
      },
      (row, c) => {
        const [channel, category, agent, started, actions] = row.cells;
        setText(channel, c.channelLabel);
        setText(category, c.category || t('Supervisor_NoCategory'));
        setText(agent, c.agentName || empty);
        setText(started, since(c.answeredAtUtc, serverNow));
        const context = t('Supervisor_Chat_Row', c.agentName || empty, c.channelLabel);
        actions.querySelectorAll('button').forEach((b) => setRowContext(b, context));
        const watched = monitored?.id === c.conversationId;
        row.classList.toggle('sv-watched', watched);
        actions.querySelector('.sv-monitor-open').setAttribute('aria-pressed', String(watched));
      });
  }

  function renderAgents(agents) {
    syncRows($('sv-agents'), agents, (a) => a.id,
      () => {
        const row = el('tr');
        const name = el('th');
        name.scope = 'row';
        row.append(name);
        cells(row, 5);
        return row;
      },
      (row, a) => {
        const [name, state, chats, connected, stateSince] = row.cells;
        setText(name, a.isSupervisor ? t('Supervisor_Agent_IsSupervisor', a.name) : a.name);
        setText(state, stateLabel(a));
        state.dataset.status = a.status;
        setText(chats, t('Supervisor_Agent_ChatsOf', a.chats, a.maxChats));
        setText(connected, a.connected ? t('Supervisor_Agent_Connected') : t('Supervisor_Agent_Disconnected'));
        connected.dataset.connected = String(a.connected);
        setText(stateSince, since(a.statusSinceUtc, serverNow));
      });
  }

  function render(next) {
    board = next;
    serverNow = utc(next.serverTimeUtc)?.getTime() ?? Date.now();
    renderFigures(next.figures);
    renderQueue(next.queue);
    renderChats(next.chats);
    renderAgents(next.agents);
    setText(updated, t('Supervisor_UpdatedAt', clockSeconds.format(new Date(serverNow))));
  }

  // ---- the connection ---------------------------------------------------------------------------------------------

  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl(root.dataset.hub)
    .withAutomaticReconnect()
    .build();

  function setConnection(state, key) {
    connectionStatus.dataset.state = state;
    setText(connectionStatus, t(key));
    reload.hidden = state !== 'closed';
  }

  let refreshing = null;
  let refreshAgain = false;

  // One read at a time; a request during a read makes one more read after it.
  function refresh() {
    if (connection.state !== window.signalR.HubConnectionState.Connected) return Promise.resolve();
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }

    refreshing = (async () => {
      try {
        do {
          refreshAgain = false;
          render(await connection.invoke('GetSupervisorBoard'));
        } while (refreshAgain);
        setText(error, '');
      } catch {
        setText(error, t('Supervisor_Error'));
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  let debounce = 0;
  connection.on('queueChanged', () => {
    clearTimeout(debounce);
    debounce = setTimeout(refresh, QUEUE_DEBOUNCE_MS);
  });
  // The push carries the announced line: the next one is shown at once; after a gap the transcript is read from the
  // watermark (a batch announces only its last line).
  connection.on('activity', (conversationId, sequence, line) => {
    if (monitored?.id !== conversationId || sequence <= monitored.last) return;
    if (line && line.sequence === sequence && sequence === monitored.last + 1) {
      const watched = monitored;
      transcriptChain = transcriptChain.then(() => {
        if (monitored === watched) appendTranscript([line]);
      });
    } else {
      readTranscript();
    }
  });
  connection.on('note', (conversationId) => {
    if (monitored?.id === conversationId) readNotes();
  });
  connection.on('chatChanged', (conversationId) => {
    if (monitored?.id === conversationId) openChat(conversationId, false);
  });
  connection.onreconnecting(() => setConnection('reconnecting', 'Supervisor_Reconnecting'));
  connection.onreconnected(() => {
    setConnection('online', 'Supervisor_Online');
    refresh();
    // A new connection is in no chat's group: open the watched chat again.
    if (monitored) openChat(monitored.id, false);
  });
  connection.onclose(() => setConnection('closed', 'Supervisor_Closed'));
  reload.addEventListener('click', () => location.reload());

  async function start() {
    try {
      await connection.start();
      setConnection('online', 'Supervisor_Online');
      await refresh();
    } catch {
      setConnection('reconnecting', 'Supervisor_Reconnecting');
      setTimeout(start, START_RETRY_MS);
    }
  }

  setInterval(refresh, REFRESH_EVERY_MS);

  // ---- モニタリング and ささやき -----------------------------------------------------------------------------------------

  let transcriptChain = Promise.resolve();

  function transcriptItem(item) {
    const li = el('li', 'sv-line sv-line-' + item.role);
    const head = el('p', 'sv-line-head');
    head.append(el('span', 'sv-speaker', t('Supervisor_Role_' + item.role)), el('span', 'sv-time', clockSeconds.format(utc(item.timestampUtc))));
    li.append(head);
    if (item.text) li.append(el('p', 'sv-line-text', item.text + (item.clicked ? ' ' + t('Supervisor_Clicked') : '')));
    for (const attachment of item.attachments ?? []) li.append(el('p', 'sv-line-meta', t('Supervisor_Attachment', attachment.name || attachment.contentType)));
    if (item.choices?.length) li.append(el('p', 'sv-line-meta', t('Supervisor_Choices', item.choices.join(t('Supervisor_ChoiceSeparator')))));
    li.dataset.sequence = String(item.sequence);
    return li;
  }

  // The transcript follows new lines while it is scrolled to the end (also when the panel around it changes size),
  // and stays put while the supervisor reads further up.
  let pinned = true;
  const scrollToEnd = () => { transcriptBox.scrollTop = transcriptBox.scrollHeight; };
  transcriptBox.addEventListener('scroll', () => {
    pinned = transcriptBox.scrollHeight - transcriptBox.scrollTop - transcriptBox.clientHeight < 40;
  });
  new ResizeObserver(() => { if (pinned) scrollToEnd(); }).observe(transcriptBox);

  function appendTranscript(items) {
    for (const item of items) {
      if (item.sequence <= monitored.last) continue;
      monitored.last = item.sequence;
      // Messages only: typing and the queue's events are not what the citizen or the agent read.
      if (item.type !== 'message') continue;
      transcriptList.append(transcriptItem(item));
    }

    transcriptNone.hidden = transcriptList.children.length > 0;
    if (pinned) scrollToEnd();
  }

  function readTranscript() {
    const watched = monitored;
    transcriptChain = transcriptChain.then(async () => {
      if (monitored !== watched) return;
      try {
        const items = await connection.invoke('ReadTranscript', watched.id, watched.last);
        if (monitored === watched) appendTranscript(items);
      } catch {
        setText(error, t('Supervisor_Error'));
      }
    });
    return transcriptChain;
  }

  function renderNotes(notes) {
    const list = $('sv-notes');
    list.replaceChildren(...notes.map((note) => {
      const li = el('li', 'sv-note-' + note.kind.toLowerCase());
      const head = el('p', 'sv-line-head');
      head.append(el('span', 'sv-speaker', t('Supervisor_NoteHead', t('Supervisor_NoteKind_' + note.kind), note.authorName)), el('span', 'sv-time', clock.format(utc(note.createdAtUtc))));
      li.append(head, el('p', 'sv-line-text', note.text));
      return li;
    }));
    $('sv-notes-none').hidden = notes.length > 0;
  }

  async function readNotes() {
    const watched = monitored;
    try {
      const notes = await connection.invoke('ReadNotes', watched.id);
      if (monitored === watched) renderNotes(notes);
    } catch {
      setText(error, t('Supervisor_Error'));
    }
  }

  function renderMonitorHead(view) {
    const agent = view.agentId ? t('Supervisor_MonitorAgent', agentName(view.agentId) || empty) : t('Supervisor_MonitorNoAgent');
    setText($('sv-monitor-about'), t('Supervisor_MonitorAbout', view.channelLabel, view.category || t('Supervisor_NoCategory'), agent,
      texts['Supervisor_Owner_' + view.owner] ?? view.owner));
    const canWhisper = view.owner === 'Agent' && !!view.agentId;
    whisperText.disabled = !canWhisper;
    whisperForm.querySelector('button').disabled = !canWhisper;
    if (!canWhisper) setText(whisperStatus, t('Supervisor_WhisperNoAgent'));
    else if (whisperStatus.textContent === t('Supervisor_WhisperNoAgent')) setText(whisperStatus, '');
  }

  // Opens (or re-reads, after a change of hands or a reconnect) a chat read-only in the side panel.
  async function openChat(conversationId, fresh) {
    try {
      if (fresh && monitored && monitored.id !== conversationId) {
        await connection.invoke('CloseView', monitored.id).catch(() => {});
      }

      const view = await connection.invoke('OpenChat', conversationId);
      if (fresh || monitored?.id !== conversationId) {
        monitored = { id: conversationId, last: 0, view };
        transcriptList.replaceChildren();
        setText(whisperStatus, '');
      } else {
        monitored.view = view;
      }

      monitor.hidden = false;
      root.classList.add('sv-monitoring');
      renderMonitorHead(view);
      if (fresh) {
        // The lines already said are shown, not read out; what is said from now on is (role="log").
        pinned = true;
        transcriptBox.setAttribute('aria-live', 'off');
        setTimeout(() => transcriptBox.setAttribute('aria-live', 'polite'), 1000);
      }

      appendTranscript(view.transcript);
      renderNotes(view.notes);
      if (board) renderChats(board.chats);
      // Activities between the read and joining the group are picked up here.
      await readTranscript();
      return true;
    } catch {
      setText(error, t('Supervisor_Error'));
      return false;
    }
  }

  async function closeMonitor() {
    if (!monitored) return;
    const id = monitored.id;
    monitored = null;
    monitor.hidden = true;
    root.classList.remove('sv-monitoring');
    if (board) renderChats(board.chats);
    await connection.invoke('CloseView', id).catch(() => {});
    root.querySelector(`#sv-chats tr[data-key="${id}"] .sv-monitor-open`)?.focus();
  }

  $('sv-monitor-close').addEventListener('click', closeMonitor);

  // A flag, not a disabled button, stops a second send while one is on its way: the focus stays where it is.
  let whispering = false;
  whisperForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!monitored || whispering) return;
    const text = whisperText.value.trim();
    whispering = true;
    try {
      const result = await connection.invoke('Whisper', monitored.id, text);
      if (result.ok) {
        whisperText.value = '';
        setText(whisperStatus, t('Supervisor_WhisperSent'));
      } else {
        setText(whisperStatus, result.message ?? t('Supervisor_Error'));
        whisperText.focus();
      }
    } catch {
      setText(whisperStatus, t('Supervisor_Error'));
    } finally {
      whispering = false;
    }
  });

  // ---- 割当 and 再割当 ---------------------------------------------------------------------------------------------

  let assigning = null; // { conversationId, fromAgentId, opener }

  function openAssign(conversationId, opener) {
    const queued = board?.queue.find((q) => q.conversationId === conversationId);
    const chat = board?.chats.find((c) => c.conversationId === conversationId);
    if (!queued && !chat) return;
    assigning = { conversationId, fromAgentId: chat?.agentId ?? null, opener, sending: false };
    setText(message, '');
    setText($('sv-assign-title'), t(queued ? 'Supervisor_AssignTitle' : 'Supervisor_ReassignTitle'));
    setText($('sv-assign-about'), queued
      ? t('Supervisor_AssignAboutQueue', queued.position, queued.channelLabel, queued.category || t('Supervisor_NoCategory'))
      : t('Supervisor_AssignAboutChat', chat.agentName || empty, chat.channelLabel, chat.category || t('Supervisor_NoCategory')));
    // Only agents who can take it: signed in, not offline, and not the chat's own agent.
    const candidates = board.agents.filter((a) => a.connected && a.status !== 'Offline' && a.id !== assigning.fromAgentId);
    const choose = el('option', '', t('Supervisor_AssignChoose'));
    choose.value = '';
    dialogSelect.replaceChildren(choose, ...candidates.map((a) => {
      const option = el('option', '', t('Supervisor_AssignOption', a.name, stateLabel(a), a.chats, a.maxChats));
      option.value = a.id;
      return option;
    }));
    dialogSelect.disabled = candidates.length === 0;
    setText(dialogError, candidates.length === 0 ? t('Supervisor_AssignNoAgents') : '');
    dialog.showModal();
    dialogSelect.focus();
  }

  function closeAssign() {
    const opener = assigning?.opener;
    assigning = null;
    if (dialog.open) dialog.close();
    // The row may be gone (a queued chat moves to the live chats): then the message takes the focus.
    if (opener?.isConnected) opener.focus();
    else message.focus();
  }

  $('sv-assign-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!assigning) return;
    const agentId = dialogSelect.value;
    if (!agentId) {
      setText(dialogError, t('Supervisor_AssignPick'));
      dialogSelect.focus();
      return;
    }

    if (assigning.sending) return;
    assigning.sending = true;
    const current = assigning;
    try {
      const result = await connection.invoke('Assign', current.conversationId, agentId);
      if (result.ok) {
        setText(message, t('Supervisor_Assigned', agentName(agentId)));
        await refresh();
        closeAssign();
      } else {
        setText(dialogError, result.message ?? t('Supervisor_Error'));
        refresh();
      }
    } catch {
      setText(dialogError, t('Supervisor_Error'));
    } finally {
      current.sending = false;
    }
  });
  $('sv-assign-cancel').addEventListener('click', closeAssign);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    closeAssign();
  });

  // ---- row buttons --------------------------------------------------------------------------------------------------

  root.addEventListener('click', async (event) => {
    const button = event.target.closest('button');
    const row = button?.closest('tr[data-key]');
    if (!row) return;
    const id = row.dataset.key;
    if (button.classList.contains('sv-assign') || button.classList.contains('sv-reassign')) openAssign(id, button);
    else if (button.classList.contains('sv-monitor-open')) {
      if (monitored?.id === id) closeMonitor();
      else if (await openChat(id, true)) $('sv-monitor-title').focus();
    } else if (button.classList.contains('sv-whisper-open')) {
      if ((monitored?.id === id || await openChat(id, true)) && !whisperText.disabled) whisperText.focus();
    }
  });

  start();
})();
