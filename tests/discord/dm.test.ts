import { describe, expect, test } from 'vitest';
import { createRestMessenger } from '../../src/discord/dm.js';
import { apiError, fakeRest } from './fake-rest.js';

const USER = '400000000000000001';
const OTHER = '400000000000000002';
const DM_CHANNEL = '500000000000000001';
const BODY = { content: 'Three years ago today…', nonce: 'nonce-of-25-characters-xx' };

describe('createRestMessenger (follow DMs through REST)', () => {
  test('GIVEN a member with open DMs WHEN a DM is sent twice THEN the DM channel is opened once and each message carries the nonce, enforced, with no pings', async () => {
    const fake = fakeRest()
      .answers('POST', '/users/@me/channels', { id: DM_CHANNEL, type: 1 })
      .answers('POST', `/channels/${DM_CHANNEL}/messages`, { id: '1' })
      .answers('POST', `/channels/${DM_CHANNEL}/messages`, { id: '2' });
    const messenger = createRestMessenger(fake.rest);

    expect(await messenger.send(USER, BODY)).toEqual({ kind: 'sent' });
    expect(await messenger.send(USER, BODY)).toEqual({ kind: 'sent' });

    expect(fake.calls.map((c) => `${c.method} ${c.route}`)).toEqual([
      'POST /users/@me/channels',
      `POST /channels/${DM_CHANNEL}/messages`,
      `POST /channels/${DM_CHANNEL}/messages`,
    ]);
    expect(fake.calls[0]!.body).toEqual({ recipient_id: USER });
    expect(fake.calls[1]!.body).toEqual({
      ...BODY,
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
  });

  test('GIVEN a member whose DMs are closed WHEN Discord answers 403/50007 THEN the outcome is refused, not failed', async () => {
    const fake = fakeRest()
      .answers('POST', '/users/@me/channels', { id: DM_CHANNEL })
      .fails(
        'POST',
        `/channels/${DM_CHANNEL}/messages`,
        apiError(50007, 403, 'Cannot send messages to this user'),
      );
    expect(await createRestMessenger(fake.rest).send(USER, BODY)).toEqual({
      kind: 'refused',
    });
  });

  test.each([
    ['a 403/50013 on the message', apiError(50013, 403, 'Missing Permissions'), 'messages'],
    ['a 500 opening the DM channel', apiError(0, 500, 'Internal Server Error'), 'open'],
    ['a network error', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'open'],
  ] as const)(
    'GIVEN %s WHEN a DM is sent THEN it failed, with the reason, and nothing throws',
    async (_, error, where) => {
      const fake = fakeRest();
      if (where === 'open') fake.fails('POST', '/users/@me/channels', error);
      else
        fake
          .answers('POST', '/users/@me/channels', { id: DM_CHANNEL })
          .fails('POST', `/channels/${DM_CHANNEL}/messages`, error);
      const outcome = await createRestMessenger(fake.rest).send(USER, BODY);
      expect(outcome).toEqual({ kind: 'failed', reason: (error as Error).message });
    },
  );

  test('GIVEN a DM channel open for one member WHEN another is sent a DM THEN their own channel is opened', async () => {
    const fake = fakeRest()
      .answers('POST', '/users/@me/channels', { id: DM_CHANNEL })
      .answers('POST', `/channels/${DM_CHANNEL}/messages`, { id: '1' })
      .answers('POST', '/users/@me/channels', { id: '500000000000000002' })
      .answers('POST', '/channels/500000000000000002/messages', { id: '2' });
    const messenger = createRestMessenger(fake.rest);
    await messenger.send(USER, BODY);
    expect(await messenger.send(OTHER, BODY)).toEqual({ kind: 'sent' });
    expect(fake.calls.filter((c) => c.route === '/users/@me/channels').map((c) => c.body)).toEqual([
      { recipient_id: USER },
      { recipient_id: OTHER },
    ]);
  });
});
