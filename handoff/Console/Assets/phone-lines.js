// The phone lines page (/console/admin/phone-lines): lists the lines and the switch's audit list, switches a line's
// emergency forward (代表電話の切替) after a confirmation dialog, and lets administrators add, edit and remove lines.
// Everything goes through the phone module's JSON API; its problem details carry the Japanese messages shown here.
(() => {
  'use strict';
  const root = document.getElementById('phone-lines');
  if (!root) return;
  const api = root.dataset.api;
  const canEdit = root.dataset.canEdit === 'true';
  const T = JSON.parse(document.getElementById('pl-texts').textContent);
  const t = (key, ...args) => (T[key] || key).replace(/\{(\d+)\}/g, (_, i) => args[Number(i)] ?? '');
  const $ = id => document.getElementById(id);
  const message = $('pl-message');
  const error = $('pl-error');
  let lines = [];

  const jst = iso => iso
    ? new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
    : '';
  const path = number => `${api}/${encodeURIComponent(number)}`;

  const say = text => { error.textContent = ''; message.textContent = text; message.focus(); };
  const fail = text => { message.textContent = ''; error.textContent = text; error.focus(); };

  // Sends JSON; answers { ok, body }. A problem's title is the precise message.
  const send = async (method, url, body) => {
    const response = await fetch(url, {
      method,
      headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      credentials: 'same-origin',
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { ok: response.ok, status: response.status, body: json };
  };

  const cell = (row, content) => {
    const td = document.createElement('td');
    if (content instanceof Node) td.append(content); else td.textContent = content ?? '';
    row.append(td);
    return td;
  };

  const button = (text, label, className, onClick) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (label) b.setAttribute('aria-label', label);
    if (className) b.className = className;
    b.addEventListener('click', onClick);
    return b;
  };

  const renderLines = () => {
    const body = $('pl-lines').tBodies[0];
    body.replaceChildren();
    if (lines.length === 0) {
      const row = body.insertRow();
      const td = cell(row, t('PhoneLines_None'));
      td.colSpan = 5;
      td.className = 'pl-empty';
      return;
    }

    for (const line of lines) {
      const row = body.insertRow();
      row.dataset.number = line.number;
      cell(row, line.number);
      cell(row, line.name);
      cell(row, t(line.enabled ? 'PhoneLines_Enabled' : 'PhoneLines_Disabled'));
      if (line.emergencyOn) {
        const badge = document.createElement('span');
        badge.className = 'pl-forwarding';
        badge.textContent = t('PhoneLines_ForwardOn', line.emergencyForwardTo, jst(line.emergencySwitchedAt), line.emergencySwitchedBy || '');
        cell(row, badge);
      } else {
        cell(row, t('PhoneLines_ForwardOff'));
      }

      const actions = cell(row, '');
      actions.append(line.emergencyOn
        ? button(t('PhoneLines_SwitchOff'), t('PhoneLines_SwitchOffFor', line.number), 'pl-secondary', () => openSwitch(line, false))
        : button(t('PhoneLines_SwitchOn'), t('PhoneLines_SwitchOnFor', line.number), 'pl-switch-on', () => openSwitch(line, true)));
      if (canEdit) actions.append(button(t('PhoneLines_Edit'), t('PhoneLines_EditFor', line.number), 'pl-secondary', () => openEditor(line)));
    }
  };

  const renderLog = entries => {
    const body = $('pl-log').tBodies[0];
    body.replaceChildren();
    if (entries.length === 0) {
      const td = cell(body.insertRow(), t('PhoneLines_Log_None'));
      td.colSpan = 5;
      td.className = 'pl-empty';
      return;
    }

    for (const entry of entries) {
      const row = body.insertRow();
      cell(row, jst(entry.switchedAt));
      cell(row, entry.lineName ? `${entry.lineName} ${entry.lineNumber}` : entry.lineNumber);
      cell(row, t(entry.on ? 'PhoneLines_Log_On' : 'PhoneLines_Log_Off'));
      cell(row, entry.forwardTo || '');
      cell(row, entry.switchedBy || '');
    }
  };

  const load = async () => {
    const [list, log] = await Promise.all([send('GET', api), send('GET', `${api}/switch-log`)]);
    if (!list.ok || !log.ok) {
      fail(t('PhoneLines_Error_Load'));
      return;
    }

    lines = list.body;
    renderLines();
    renderLog(log.body);
  };

  const changed = async () => {
    await load();
    document.dispatchEvent(new CustomEvent('hub:emergency-changed'));
  };

  // ---- the emergency switch: one step, confirmed in a dialog ------------------------------------------------------
  const dialog = $('pl-switch');
  let switching = null;
  const openSwitch = (line, on) => {
    switching = { line, on, opener: document.activeElement };
    $('pl-switch-title').textContent = t(on ? 'PhoneLines_DialogOnTitle' : 'PhoneLines_DialogOffTitle');
    $('pl-switch-text').textContent = t(on ? 'PhoneLines_DialogOnText' : 'PhoneLines_DialogOffText', line.name, line.number);
    $('pl-switch-target').hidden = !on;
    $('pl-switch-to').value = line.emergencyForwardTo || '';
    $('pl-switch-to').removeAttribute('aria-invalid');
    $('pl-switch-error').textContent = '';
    const confirm = $('pl-switch-confirm');
    confirm.textContent = t(on ? 'PhoneLines_ConfirmOn' : 'PhoneLines_ConfirmOff');
    confirm.className = on ? 'pl-switch-on' : '';
    dialog.showModal();
    (on ? $('pl-switch-to') : confirm).focus();
  };

  const closeSwitch = () => {
    dialog.close();
    switching?.opener?.focus?.();
    switching = null;
  };

  $('pl-switch-cancel').addEventListener('click', closeSwitch);
  $('pl-switch-form').addEventListener('submit', async event => {
    event.preventDefault();
    if (!switching) return;
    const { line, on } = switching;
    const result = await send('POST', `${path(line.number)}/emergency`, { on, forwardTo: on ? $('pl-switch-to').value : null, version: line.version });
    if (!result.ok) {
      $('pl-switch-error').textContent = result.body?.errors?.forwardTo?.[0] || result.body?.title || t('PhoneLines_Error_Generic');
      $('pl-switch-to').setAttribute('aria-invalid', result.body?.errors?.forwardTo ? 'true' : 'false');
      if (result.status === 409) await load();
      return;
    }

    closeSwitch();
    await changed();
    say(on ? t('PhoneLines_SwitchedOn', line.number, result.body.emergencyForwardTo) : t('PhoneLines_SwitchedOff', line.number));
  });

  // ---- administrators: add, edit, remove -------------------------------------------------------------------------
  let editing = null;
  const form = $('pl-form');
  const fields = ['number', 'name', 'greeting', 'serviceEndsOn', 'maxQueueLength', 'maxWaitSeconds', 'languages', 'emergencyForwardTo'];
  const clearErrors = () => {
    for (const field of fields) {
      const p = $(`pl-${field}-error`);
      if (p) p.textContent = '';
    }

    form?.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  };

  const inputOf = field => ({
    number: 'pl-number', name: 'pl-name', greeting: 'pl-greeting', serviceEndsOn: 'pl-service-ends', maxQueueLength: 'pl-max-queue',
    maxWaitSeconds: 'pl-max-wait', emergencyForwardTo: 'pl-forward',
  })[field];

  const openEditor = line => {
    editing = line;
    clearErrors();
    $('pl-editor').hidden = false;
    $('pl-form-title').textContent = line ? t('PhoneLines_FormEditTitle', line.number) : t('PhoneLines_FormAddTitle');
    $('pl-number').value = line?.number || '';
    $('pl-number').readOnly = !!line;
    $('pl-name').value = line?.name || '';
    $('pl-enabled').checked = line ? line.enabled : true;
    $('pl-greeting').value = line?.greeting || '';
    $('pl-service-ends').value = line?.serviceEndsOn || '';
    $('pl-max-queue').value = line ? line.maxQueueLength : 10;
    $('pl-max-wait').value = line ? Math.round(line.maxWaitSeconds / 60) : 10;
    const languages = line?.languages || ['ja'];
    form.querySelectorAll('input[name=languages]').forEach(box => { box.checked = languages.includes(box.value); });
    $('pl-forward').value = line?.emergencyForwardTo || '';
    $('pl-delete').hidden = !line;
    $('pl-form-title').focus();
  };

  if (canEdit) {
    $('pl-add').addEventListener('click', () => openEditor(null));
    $('pl-form-cancel').addEventListener('click', () => { $('pl-editor').hidden = true; editing = null; });
    form.addEventListener('submit', async event => {
      event.preventDefault();
      clearErrors();
      const minutes = $('pl-max-wait').value.trim();
      const queue = $('pl-max-queue').value.trim();
      const body = {
        number: $('pl-number').value,
        name: $('pl-name').value,
        enabled: $('pl-enabled').checked,
        greeting: $('pl-greeting').value,
        serviceEndsOn: $('pl-service-ends').value || null,
        maxQueueLength: queue === '' ? null : Number(queue),
        maxWaitSeconds: minutes === '' ? null : Math.round(Number(minutes) * 60),
        languages: [...form.querySelectorAll('input[name=languages]:checked')].map(box => box.value),
        emergencyForwardTo: $('pl-forward').value,
        version: editing?.version ?? null,
      };
      const result = editing ? await send('PUT', path(editing.number), body) : await send('POST', api, body);
      if (!result.ok) {
        const errors = result.body?.errors || {};
        let first = null;
        for (const [field, messages] of Object.entries(errors)) {
          const p = $(`pl-${field}-error`);
          if (p) p.textContent = messages[0];
          const input = inputOf(field) && $(inputOf(field));
          if (input) { input.setAttribute('aria-invalid', 'true'); first ??= input; }
        }

        fail(result.body?.title || t('PhoneLines_Error_Generic'));
        if (result.status === 409) await load();
        return;
      }

      $('pl-editor').hidden = true;
      editing = null;
      await changed();
      say(t('PhoneLines_Saved', result.body.number));
    });
    $('pl-delete').addEventListener('click', async () => {
      if (!editing || !window.confirm(t('PhoneLines_DeleteConfirm', editing.number))) return;
      const number = editing.number;
      const result = await send('DELETE', `${path(number)}?version=${encodeURIComponent(editing.version)}`);
      if (!result.ok) {
        fail(result.body?.title || t('PhoneLines_Error_Generic'));
        if (result.status === 409) await load();
        return;
      }

      $('pl-editor').hidden = true;
      editing = null;
      await changed();
      say(t('PhoneLines_Deleted', number));
    });
  }

  load().catch(() => fail(t('PhoneLines_Error_Load')));
})();
