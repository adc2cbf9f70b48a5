// The FAQ site's chat: a button at the bottom right that opens a panel with the official Web Chat.
// Nothing of Web Chat is loaded until the button is used. Texts come from the page (data-*), which takes
// them from the server's resources, so this file holds no UI language.
(() => {
  'use strict';
  const root = document.getElementById('hub-chat');
  if (!root) return;
  const openButton = document.getElementById('hub-chat-open');
  const panel = document.getElementById('hub-chat-panel');
  const closeButton = document.getElementById('hub-chat-close');
  const body = document.getElementById('hub-chat-body');
  const status = document.getElementById('hub-chat-status');
  let started = false;

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

  async function start() {
    started = true;
    status.hidden = false;
    status.textContent = root.dataset.loadingText;
    try {
      const [, response] = await Promise.all([
        window.WebChat ? Promise.resolve() : loadScript(root.dataset.bundle),
        fetch(root.dataset.tokenUrl, { method: 'POST', headers: { Accept: 'application/json' } })
      ]);
      if (!response.ok) throw new Error('token ' + response.status);
      const { token } = await response.json();
      const container = document.createElement('div');
      container.className = 'hub-chat-webchat';
      body.replaceChildren(container);
      window.WebChat.renderWebChat({
        directLine: window.WebChat.createDirectLine({ token, domain: new URL(root.dataset.domain, location.href).href }),
        locale: 'ja-JP',
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
