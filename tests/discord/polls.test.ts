import { describe, expect, test } from 'vitest';
import { createRestPollDiscord } from '../../src/discord/polls.js';
import { apiError, fakeRest } from './fake-rest.js';

const CHANNEL = '300000000000000001';
const MESSAGE = '300000000000000002';
const RESULTS = { content: '', embeds: [], allowed_mentions: { parse: [] as [] }, nonce: 'n-1' };

/** A message as GET /channels/:c/messages/:m answers, with the poll Discord keeps on it. */
function pollMessage(counts: { id: number; count: number }[], finalized: boolean) {
  return {
    id: MESSAGE,
    poll: {
      question: { text: 'Mostly psychological or material?' },
      answers: [
        { answer_id: 1, poll_media: { text: 'Psychological' } },
        { answer_id: 2, poll_media: { text: 'Material' } },
        { answer_id: 3, poll_media: { text: 'Both' } },
      ],
      results: { is_finalized: finalized, answer_counts: counts },
    },
  };
}

describe('createRestPollDiscord.read', () => {
  test('GIVEN a finalised poll with votes on two of three answers WHEN read THEN every answer has its count (0 where Discord lists none)', async () => {
    const fake = fakeRest().answers(
      'GET',
      `/channels/${CHANNEL}/messages/${MESSAGE}`,
      pollMessage(
        [
          { id: 3, count: 2 },
          { id: 1, count: 5 },
        ],
        true,
      ),
    );
    expect(await createRestPollDiscord(fake.rest).read(CHANNEL, MESSAGE)).toEqual({
      kind: 'poll',
      poll: {
        question: 'Mostly psychological or material?',
        answers: [
          { text: 'Psychological', count: 5 },
          { text: 'Material', count: 0 },
          { text: 'Both', count: 2 },
        ],
        finalized: true,
      },
    });
  });

  test('GIVEN a poll still counting WHEN read THEN it is not finalised', async () => {
    const fake = fakeRest().answers(
      'GET',
      `/channels/${CHANNEL}/messages/${MESSAGE}`,
      pollMessage([], false),
    );
    const read = await createRestPollDiscord(fake.rest).read(CHANNEL, MESSAGE);
    expect(read).toMatchObject({ kind: 'poll', poll: { finalized: false } });
  });

  test.each([
    [
      'the message was deleted (10008)',
      { error: apiError(10008, 404, 'Unknown Message') },
      'the message was deleted',
    ],
    ['the message carries no poll', { value: { id: MESSAGE } }, 'the message carries no poll'],
  ])('GIVEN %s WHEN read THEN it is gone, with why', async (_, answer, reason) => {
    const fake = fakeRest();
    const route = `/channels/${CHANNEL}/messages/${MESSAGE}`;
    if ('error' in answer) fake.fails('GET', route, answer.error);
    else fake.answers('GET', route, answer.value);
    expect(await createRestPollDiscord(fake.rest).read(CHANNEL, MESSAGE)).toEqual({
      kind: 'gone',
      reason,
    });
  });

  test('GIVEN Discord failing (502) WHEN read THEN the error is thrown for the job to classify', async () => {
    const error = apiError(0, 502, 'Bad Gateway');
    const fake = fakeRest().fails('GET', `/channels/${CHANNEL}/messages/${MESSAGE}`, error);
    await expect(createRestPollDiscord(fake.rest).read(CHANNEL, MESSAGE)).rejects.toBe(error);
  });
});

describe('createRestPollDiscord.postResults', () => {
  test('GIVEN the prompt’s thread (its id is the message’s) WHEN results are posted THEN they go there, with the nonce enforced', async () => {
    const fake = fakeRest().answers('POST', `/channels/${MESSAGE}/messages`, { id: '9' });
    expect(await createRestPollDiscord(fake.rest).postResults(CHANNEL, MESSAGE, RESULTS)).toEqual({
      messageId: '9',
    });
    expect(fake.calls).toEqual([
      {
        method: 'POST',
        route: `/channels/${MESSAGE}/messages`,
        body: { ...RESULTS, enforce_nonce: true },
      },
    ]);
  });

  test.each([
    ['no thread (10003)', apiError(10003, 404, 'Unknown Channel')],
    ['a thread the bot cannot see (50001)', apiError(50001, 403, 'Missing Access')],
  ])(
    'GIVEN %s WHEN results are posted THEN they are a reply to the prompt in its channel, with the same nonce',
    async (_, error) => {
      const fake = fakeRest()
        .fails('POST', `/channels/${MESSAGE}/messages`, error)
        .answers('POST', `/channels/${CHANNEL}/messages`, { id: '10' });
      expect(await createRestPollDiscord(fake.rest).postResults(CHANNEL, MESSAGE, RESULTS)).toEqual(
        {
          messageId: '10',
        },
      );
      expect(fake.calls[1]!.body).toEqual({
        ...RESULTS,
        enforce_nonce: true,
        message_reference: { message_id: MESSAGE, fail_if_not_exists: false },
      });
    },
  );

  test('GIVEN a 429 that outlasted discord.js’s retries in the thread WHEN posted THEN it throws, and no reply is tried', async () => {
    const error = apiError(0, 429, 'You are being rate limited.');
    const fake = fakeRest().fails('POST', `/channels/${MESSAGE}/messages`, error);
    await expect(
      createRestPollDiscord(fake.rest).postResults(CHANNEL, MESSAGE, RESULTS),
    ).rejects.toBe(error);
    expect(fake.calls).toHaveLength(1);
  });
});

describe('createRestPollDiscord.classify', () => {
  const discord = createRestPollDiscord(fakeRest().rest);
  test.each([
    ['a deleted channel (10003)', apiError(10003, 404, 'Unknown Channel'), 'gone'],
    ['a deleted message (10008)', apiError(10008, 404, 'Unknown Message'), 'gone'],
    ['lost access (50001)', apiError(50001, 403, 'Missing Access'), 'gone'],
    ['a missing permission (50013)', apiError(50013, 403, 'Missing Permissions'), 'gone'],
    ['the bot left the server (10004)', apiError(10004, 404, 'Unknown Guild'), 'gone'],
    ['any other 4xx (50035)', apiError(50035, 400, 'Invalid Form Body'), 'gone'],
    ['a 502', apiError(0, 502, 'Bad Gateway'), 'retry'],
    ['a 429', apiError(0, 429, 'Too Many Requests'), 'retry'],
    [
      'no answer at all',
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      'retry',
    ],
  ] as const)('GIVEN %s THEN %s', (_, error, kind) => {
    const failure = discord.classify(error);
    expect(failure.kind).toBe(kind);
    expect(failure.reason).not.toBe('');
  });
});
