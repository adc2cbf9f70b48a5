// Drives the stand-in ACS with Azure's official Call Automation client: every request is signed by the SDK's own
// HMAC policy and must be accepted. Env: ACS_CONNECTION_STRING, INCOMING_CALL_CONTEXT, CALLBACK_URL, CALLER, TRANSFER_TO.
import test from 'node:test';
import assert from 'node:assert/strict';
import { CallAutomationClient } from '@azure/communication-call-automation';

test('answer, play, recognize and transfer succeed against the stand-in', async () => {
  const client = new CallAutomationClient(process.env.ACS_CONNECTION_STRING, { allowInsecureConnection: true });
  const answered = await client.answerCall(process.env.INCOMING_CALL_CONTEXT, process.env.CALLBACK_URL, { operationContext: 'js-answer' });
  assert.equal(answered.callConnectionProperties.callConnectionState, 'connected');
  const connection = answered.callConnection;
  const media = connection.getCallMedia();
  await media.playToAll([{ kind: 'textSource', text: 'お電話ありがとうございます。', sourceLocale: 'ja-JP', voiceName: 'ja-JP-NanamiNeural' }],
    { operationContext: 'js-play' });
  await media.startRecognizing({ phoneNumber: process.env.CALLER }, {
    kind: 'callMediaRecognizeDtmfOptions', maxTonesToCollect: 1, initialSilenceTimeoutInSeconds: 30, interToneTimeoutInSeconds: 5,
    playPrompt: { kind: 'textSource', text: '料金は1を押してください。', voiceName: 'ja-JP-NanamiNeural' }, operationContext: 'js-menu',
  });
  const props = await connection.getCallConnectionProperties();
  assert.equal(props.callConnectionId, answered.callConnectionProperties.callConnectionId);
  const transfer = await connection.transferCallToParticipant({ phoneNumber: process.env.TRANSFER_TO }, { operationContext: 'js-transfer' });
  assert.equal(transfer.operationContext, 'js-transfer');
});
