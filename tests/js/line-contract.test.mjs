// Every webhook body our tests send, and every request body our server sent to the stub LINE API, checked against
// LINE's OpenAPI files. Run by the .NET test LineContractTests, which records the bodies into HUB_LINE_RECORDED_DIR
// (webhook/*.json; outbound/<reply|push|loading>-*.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { webhookSchema, messagingSchema, errorsOf } from './line-openapi.mjs';

const recorded = process.env.HUB_LINE_RECORDED_DIR;
const DEST = 'U' + '0'.repeat(32);
const callback = webhookSchema('CallbackRequest');
const requests = {
  reply: messagingSchema('ReplyMessageRequest'),
  push: messagingSchema('PushMessageRequest'),
  loading: messagingSchema('ShowLoadingAnimationRequest'),
};

function files(folder) {
  const dir = path.join(recorded, folder);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8'))]) : [];
}

test('the validator resolves discriminators: broken bodies are rejected, the spec examples accepted', () => {
  const event = (message) => ({
    destination: DEST, events: [{ type: 'message', mode: 'active', timestamp: 1, webhookEventId: '01X', deliveryContext: { isRedelivery: false },
      replyToken: 'r', source: { type: 'user', userId: 'U1' }, message }],
  });
  assert.equal(errorsOf(callback, event({ id: '1', type: 'text', text: 'hi', quoteToken: 'q' })), '');
  // TextMessageContent requires text and quoteToken: only seen through Event → MessageEvent → MessageContent → text.
  assert.notEqual(errorsOf(callback, event({ id: '1', type: 'text' })), '');
  assert.notEqual(errorsOf(callback, event({ id: '1', type: 'sticker', quoteToken: 'q' })), '');
  const follow = { type: 'follow', mode: 'active', timestamp: 1, webhookEventId: '01Y', deliveryContext: { isRedelivery: false }, replyToken: 'r', source: { type: 'user', userId: 'U1' } };
  assert.notEqual(errorsOf(callback, { destination: DEST, events: [follow] }), '', 'FollowEvent requires follow{isUnblocked}');
  assert.equal(errorsOf(callback, { destination: DEST, events: [{ ...follow, follow: { isUnblocked: false } }] }), '');

  const reply = (message) => ({ replyToken: 'r', messages: [message] });
  assert.equal(errorsOf(requests.reply, reply({ type: 'text', text: 'ok' })), '');
  assert.notEqual(errorsOf(requests.reply, reply({ type: 'text' })), '', 'TextMessage requires text');
  const postback = (data) => reply({ type: 'text', text: 'ok', quickReply: { items: [{ type: 'action', action: { type: 'postback', label: 'x', data } }] } });
  assert.equal(errorsOf(requests.reply, postback('a=1')), '');
  assert.notEqual(errorsOf(requests.reply, postback('x'.repeat(301))), '', 'PostbackAction.data is at most 300');
  const uri = { type: 'text', text: 'ok', quickReply: { items: [{ type: 'action', action: { type: 'uri', label: 'x', uri: '/relative' } }] } };
  assert.notEqual(errorsOf(requests.reply, reply(uri)), '', 'URIAction.uri is an absolute URI');
  assert.notEqual(errorsOf(requests.reply, { replyToken: 'r', messages: Array(6).fill({ type: 'text', text: 'x' }) }), '', 'at most 5 messages');
  assert.notEqual(errorsOf(requests.loading, { chatId: 'U1', loadingSeconds: 61 }), '');
});

test('every webhook body we accepted is a CallbackRequest', () => {
  const bodies = files('webhook');
  assert.ok(bodies.length >= 5, `expected recorded webhook bodies in ${recorded}`);
  for (const [name, body] of bodies) assert.equal(errorsOf(callback, body), '', name);
});

test('every request body we sent to LINE validates, with quick-reply labels of at most 20 characters', () => {
  const bodies = files('outbound');
  for (const kind of Object.keys(requests)) assert.ok(bodies.some(([name]) => name.startsWith(kind)), `no ${kind} recorded`);
  for (const [name, body] of bodies) {
    const kind = name.split('-')[0];
    assert.equal(errorsOf(requests[kind], body), '', name);
    for (const message of body.messages ?? []) {
      for (const item of message.quickReply?.items ?? []) assert.ok([...item.action.label].length <= 20, `${name}: label ${item.action.label}`);
      assert.ok((message.quickReply?.items ?? []).length <= 13, name);
    }
  }
});
