// The emergency forward's banner (代表電話の切替): asks which phone lines forward every call now and shows each one
// prominently above the page. The texts come from the page (data-template, data-label), never from this script.
// A 404 means the phone module is not part of this host: the banner stays hidden and the script stops asking.
(() => {
  'use strict';
  const root = document.getElementById('hub-emergency');
  if (!root) return;
  const every = 30000;
  let last = '';
  let timer = 0;

  const pad = n => String(n).padStart(2, '0');
  // The city works in Japan time, whatever the browser's zone.
  const formatTime = iso => {
    if (!iso) return '';
    const parts = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(new Date(iso)).reduce((all, p) => ({ ...all, [p.type]: p.value }), {});
    return (root.dataset.timeFormat || '{month}/{day} {hour}:{minute}')
      .replace('{month}', parts.month).replace('{day}', parts.day).replace('{hour}', parts.hour).replace('{minute}', pad(parts.minute));
  };

  const render = lines => {
    const key = JSON.stringify(lines);
    if (key === last) return;
    last = key;
    root.replaceChildren(...lines.map(line => {
      const p = document.createElement('p');
      const label = document.createElement('span');
      label.className = 'hub-emergency-label';
      label.textContent = root.dataset.label || '';
      p.append(label, (root.dataset.template || '')
        .replace('{name}', line.name || '')
        .replace('{number}', line.number || '')
        .replace('{target}', line.forwardTo || '')
        .replace('{since}', formatTime(line.since))
        .replace('{by}', line.switchedBy || ''));
      return p;
    }));
    root.hidden = lines.length === 0;
  };

  const refresh = async () => {
    try {
      const response = await fetch(root.dataset.source, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.status === 404) {
        render([]);
        return;
      }

      if (response.ok) render(await response.json());
    } catch {
      // Offline for a moment: keep what is shown and try again.
    }

    timer = window.setTimeout(refresh, every);
  };

  // Pages that change a line (the phone lines page) ask for an immediate refresh.
  document.addEventListener('hub:emergency-changed', () => {
    window.clearTimeout(timer);
    refresh();
  });
  refresh();
})();
