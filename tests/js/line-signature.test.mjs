// Signature interoperability with the official @line/bot-sdk. Run by the .NET test LineSignatureInteropTests with
// HUB_LINE_WEBHOOK_URL (our webhook on 127.0.0.1), HUB_LINE_CHANNEL_SECRET and HUB_LINE_VECTORS (a JSON file of
// {secret, body, signature} computed by our C# signer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { validateSignature, LINE_SIGNATURE_HTTP_HEADER_NAME } from '@line/bot-sdk';

const url = process.env.HUB_LINE_WEBHOOK_URL;
const secret = process.env.HUB_LINE_CHANNEL_SECRET;
const vectors = JSON.parse(readFileSync(process.env.HUB_LINE_VECTORS, 'utf8'));

// The SDK has no signing function; LINE signs exactly like this, and the SDK's validateSignature confirms it.
const sign = (body, key) => createHmac('SHA256', key).update(body).digest('base64');

test('our C# signatures validate with the SDK, and a changed body does not', () => {
  assert.ok(vectors.length >= 3);
  for (const { secret: key, body, signature } of vectors) {
    assert.equal(validateSignature(body, key, signature), true, body);
    assert.equal(validateSignature(body + ' ', key, signature), false);
  }
  assert.equal(validateSignature('{"destination":"Uxxxxxxxx","events":[]}', 'testsecret0123456789abcdef', 'uQ60lHMxSqwmijcEbpZLOTH9ArPlbBOnrOq52nXkkfM='), true);
});

test('bodies signed for the SDK are accepted by our webhook; tampered or unsigned ones get 401', async () => {
  const body = JSON.stringify({ destination: 'U0123456789abcdef0123456789abcdef', events: [] });
  const signature = sign(body, secret);
  assert.equal(validateSignature(body, secret, signature), true);
  const post = (headers, payload = body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: payload });

  assert.equal((await post({ [LINE_SIGNATURE_HTTP_HEADER_NAME]: signature })).status, 200);
  const utf8 = JSON.stringify({ destination: 'U0', events: [], note: '住民票はどこで取れますか' });
  assert.equal((await post({ [LINE_SIGNATURE_HTTP_HEADER_NAME]: sign(utf8, secret) }, utf8)).status, 200);
  assert.equal((await post({ [LINE_SIGNATURE_HTTP_HEADER_NAME]: signature }, body.replace('U0123', 'U9123'))).status, 401);
  assert.equal((await post({ [LINE_SIGNATURE_HTTP_HEADER_NAME]: sign(body, secret + 'x') })).status, 401);
  assert.equal((await post({})).status, 401);
});
