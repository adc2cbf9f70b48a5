// The official Direct Line client (botframework-directlinejs, as bundled in Web Chat) against our server.
// Run by the .NET test DirectLineJsClientTests, which starts the platform and passes its address in
// HUB_DIRECTLINE_BASE_URL (for example http://127.0.0.1:5123).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';

// directlinejs picks WebSocket mode only when a global WebSocket exists, and its REST calls go through rxjs ajax,
// which needs XMLHttpRequest: Node 20 has neither, so the browser's are stood in for by ws and xhr2.
globalThis.WebSocket = WebSocket;
globalThis.XMLHttpRequest = XMLHttpRequest;
const { DirectLine, ConnectionStatus } = (await import('botframework-directlinejs')).default;

const base = process.env.HUB_DIRECTLINE_BASE_URL;
const domain = `${base}/v3/directline`;

// directlinejs keeps a 15-minute token refresh timer alive after end(); leave once the tests have reported.
after(() => setTimeout(() => process.exit(), 200));

function waitFor(collected, predicate, what, timeoutMs = 30000) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate(collected)) {
        clearInterval(timer);
        resolve(collected);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(collected.map((a) => [a.type, a.text]))}`));
      }
    }, 50);
  });
}

function waitForStatus(directLine, status) {
  return new Promise((resolve) => {
    const subscription = directLine.connectionStatus$.subscribe((value) => {
      if (value === status) {
        resolve();
        setImmediate(() => subscription.unsubscribe());
      }
    });
  });
}

const isBotMessage = (a) => a.type === 'message' && a.from?.role === 'bot';

test('directlinejs: token, WebSocket conversation, echo, bot answer, refresh, resume with watermark', async () => {
  assert.ok(base, 'HUB_DIRECTLINE_BASE_URL is set');
  const generated = await fetch(`${domain}/tokens/generate`, { method: 'POST' });
  assert.equal(generated.status, 200);
  const { token, conversationId } = await generated.json();

  // Start: WebSocket mode (the default in browsers).
  const first = new DirectLine({ token, domain, webSocket: true });
  assert.equal(first.webSocket, true);
  const seen = [];
  const subscription = first.activity$.subscribe((activity) => seen.push(activity));
  await waitForStatus(first, ConnectionStatus.Online);
  assert.equal(first.conversationId, conversationId);
  await waitFor(seen, (all) => all.some(isBotMessage), 'the greeting');

  // Send a question as Web Chat does; the echo carries our clientActivityID and the server's id.
  const id = await first
    .postActivity({ type: 'message', from: { id: 'web-chat-user', role: 'user' }, text: '住民票はどこで取れますか', channelData: { clientActivityID: 'js-1' } })
    .toPromise();
  await waitFor(seen, (all) => all.some((a) => a.text === '解決しましたか？'), 'the answer');
  const echo = seen.find((a) => a.id === id);
  assert.ok(echo, 'the posted activity is echoed');
  assert.equal(echo.channelData.clientActivityID, 'js-1');
  assert.ok(seen.some((a) => isBotMessage(a) && a.text.includes('住民票') && a.replyToId === id), 'the bot answers about 住民票');

  // Refresh the token the way the client's own 15-minute loop does.
  const refreshed = await first.refreshToken().toPromise();
  assert.equal(typeof refreshed, 'string');
  assert.ok(refreshed.length > 20);
  const watermark = first.watermark;
  assert.equal(watermark, String(seen.length));
  subscription.unsubscribe();
  first.end();

  // Resume the conversation with the refreshed token and the watermark: nothing seen before comes again.
  const second = new DirectLine({ token: refreshed, conversationId, watermark, domain, webSocket: true });
  const seenAgain = [];
  const again = second.activity$.subscribe((activity) => seenAgain.push(activity));
  await waitForStatus(second, ConnectionStatus.Online);
  const secondId = await second
    .postActivity({ type: 'message', from: { id: 'web-chat-user', role: 'user' }, text: 'はい', channelData: { clientActivityID: 'js-2' } })
    .toPromise();
  await waitFor(seenAgain, (all) => all.some((a) => a.id === secondId) && all.some((a) => isBotMessage(a) && a.replyToId === secondId), 'the second answer');
  const before = new Set(seen.map((a) => a.id));
  assert.deepEqual(seenAgain.filter((a) => before.has(a.id)), []);
  again.unsubscribe();
  second.end();
});
