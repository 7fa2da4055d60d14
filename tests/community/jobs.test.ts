import { describe, expect, test } from 'vitest';
import { follow } from '../../src/commands/follow.js';
import {
  createFollowJob,
  type DirectMessenger,
  type DmBody,
} from '../../src/community/follow-dms.js';
import {
  createPollResultsJob,
  type PollDiscord,
  type ReadPoll,
} from '../../src/community/poll-results.js';
import { openMemoryStore } from '../../src/store/memory.js';
import { input, testContext, testData } from '../helpers/context.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const USER = '100000000000000003';
/** Germany's agreement was signed on 16 February 2024. */
const DE_ANNIVERSARY = new Date('2026-02-16T09:00:00Z');

function messenger(answer: 'sent' | 'refused' = 'sent') {
  const sent: { userId: string; body: DmBody }[] = [];
  const dm: DirectMessenger = {
    send: (userId, body) => {
      sent.push({ userId, body });
      return Promise.resolve(answer === 'sent' ? { kind: 'sent' } : { kind: 'refused' });
    },
  };
  return { sent, dm };
}

describe('follow DMs', () => {
  test('GIVEN a member following Germany WHEN its anniversary comes THEN one DM, in their language; a second tick and a second process send nothing more', async () => {
    const store = openMemoryStore();
    await store.follows.add(USER, 'de', 'uk', new Date('2025-01-01T00:00:00Z'), 10);
    const { sent, dm } = messenger();
    const deps = {
      follows: store.follows,
      data: testData(),
      messenger: dm,
      now: () => DE_ANNIVERSARY,
      log: quiet,
    };
    expect(await createFollowJob(deps).tick()).toEqual({ sent: 1, refused: 0, failed: 0 });
    expect(await createFollowJob(deps).tick()).toEqual({ sent: 0, refused: 0, failed: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.content).toContain('Сьогодні 2 роки');
    expect(sent[0]!.body.nonce.length).toBeLessThanOrEqual(25);
  });

  test('GIVEN any other day THEN no DM', async () => {
    const store = openMemoryStore();
    await store.follows.add(USER, 'de', 'en', new Date('2025-01-01T00:00:00Z'), 10);
    const { sent, dm } = messenger();
    await createFollowJob({
      follows: store.follows,
      data: testData(),
      messenger: dm,
      now: () => new Date('2026-02-17T09:00:00Z'),
      log: quiet,
    }).tick();
    expect(sent).toEqual([]);
  });

  test('GIVEN closed DMs THEN the follows are paused, not retried, and the member is told once, ephemerally, at their next /follow', async () => {
    const store = openMemoryStore();
    await store.follows.add(USER, 'de', 'en', new Date('2025-01-01T00:00:00Z'), 10);
    await store.follows.add(USER, 'fr', 'en', new Date('2025-01-01T00:00:00Z'), 10);
    const { sent, dm } = messenger('refused');
    const job = createFollowJob({
      follows: store.follows,
      data: testData(),
      messenger: dm,
      now: () => DE_ANNIVERSARY,
      log: quiet,
    });
    expect((await job.tick()).refused).toBe(1);
    expect(await job.tick()).toEqual({ sent: 0, refused: 0, failed: 0 });
    // Germany and France share the date, but the first refusal pauses both: one attempt only.
    expect(sent).toHaveLength(1);
    const ctx = testContext({
      community: {
        store,
        deliverReport: () => Promise.resolve(false),
        ownerId: null,
        newReportId: () => 'x',
      },
    });
    const first = await follow.respond(input({}, { subcommand: 'list' }), ctx);
    expect(first.content).toContain('your DMs are closed');
    expect(first.flags! & 64).toBe(64);
    expect(first.embeds?.[0]?.description).toContain('paused');
    const second = await follow.respond(input({}, { subcommand: 'list' }), ctx);
    expect(second.content ?? '').not.toContain('your DMs are closed');
  });
});

function pollDiscord(read: () => ReadPoll) {
  const posts: {
    channelId: string;
    messageId: string;
    body: { embeds: { description?: string }[]; nonce: string };
  }[] = [];
  let next = 900000000000000000n;
  const discord: PollDiscord = {
    read: () => Promise.resolve(read()),
    postResults: (channelId, messageId, body) => {
      posts.push({ channelId, messageId, body });
      next += 1n;
      return Promise.resolve({ messageId: String(next) });
    },
    classify: () => ({ kind: 'retry', reason: 'test' }),
  };
  return { posts, discord };
}

const POLL = {
  messageId: '800000000000000001',
  channelId: '800000000000000002',
  guildId: '800000000000000003',
  closesAt: new Date('2026-02-16T09:00:00Z'),
  language: 'en',
};
const AFTER = () => new Date('2026-02-16T09:01:00Z');

describe('poll results', () => {
  test('GIVEN a closed, finalised poll THEN its counts and shares are posted once, even by a restarted job', async () => {
    const store = openMemoryStore();
    await store.polls.record(POLL);
    const { posts, discord } = pollDiscord(() => ({
      kind: 'poll',
      poll: {
        question: 'Which matters most?',
        answers: [
          { text: 'Air defence', count: 3 },
          { text: 'Money', count: 1 },
        ],
        finalized: true,
      },
    }));
    expect(
      (await createPollResultsJob({ polls: store.polls, discord, now: AFTER, log: quiet }).tick())
        .posted,
    ).toBe(1);
    expect(
      (await createPollResultsJob({ polls: store.polls, discord, now: AFTER, log: quiet }).tick())
        .posted,
    ).toBe(0);
    expect(posts).toHaveLength(1);
    const description = posts[0]!.body.embeds[0]!.description!;
    expect(description).toContain('**75%** · Air defence · 3 votes');
    expect(description).toContain('**25%** · Money · 1 vote');
    expect(description).toContain('4 votes in all');
    expect(await store.polls.get(POLL.messageId)).toMatchObject({ state: 'posted' });
  });

  test('GIVEN a poll with no votes THEN the results say so, with no shares', async () => {
    const store = openMemoryStore();
    await store.polls.record(POLL);
    const { posts, discord } = pollDiscord(() => ({
      kind: 'poll',
      poll: {
        question: 'Q?',
        answers: [
          { text: 'A', count: 0 },
          { text: 'B', count: 0 },
        ],
        finalized: true,
      },
    }));
    await createPollResultsJob({ polls: store.polls, discord, now: AFTER, log: quiet }).tick();
    const description = posts[0]!.body.embeds[0]!.description!;
    expect(description).toContain('closed with no votes');
    expect(description).not.toContain('%');
  });

  test('GIVEN a poll not finalised yet THEN it waits; past the grace THEN the last counts are posted, marked as such', async () => {
    const store = openMemoryStore();
    await store.polls.record(POLL);
    const { posts, discord } = pollDiscord(() => ({
      kind: 'poll',
      poll: { question: 'Q?', answers: [{ text: 'A', count: 2 }], finalized: false },
    }));
    expect(
      (await createPollResultsJob({ polls: store.polls, discord, now: AFTER, log: quiet }).tick())
        .waiting,
    ).toBe(1);
    expect(posts).toEqual([]);
    const late = () => new Date('2026-02-16T10:00:00Z');
    expect(
      (await createPollResultsJob({ polls: store.polls, discord, now: late, log: quiet }).tick())
        .posted,
    ).toBe(1);
    expect(posts[0]!.body.embeds[0]!.description).toContain('had not finalised');
  });

  test('GIVEN the message was deleted or posted without its poll THEN nothing is posted and it is not tried again', async () => {
    const store = openMemoryStore();
    await store.polls.record(POLL);
    const { posts, discord } = pollDiscord(() => ({
      kind: 'gone',
      reason: 'the message was deleted',
    }));
    expect(
      (await createPollResultsJob({ polls: store.polls, discord, now: AFTER, log: quiet }).tick())
        .gone,
    ).toBe(1);
    expect(await store.polls.due(AFTER(), 10)).toEqual([]);
    expect(posts).toEqual([]);
  });

  test('GIVEN a poll still open THEN nothing is read or posted', async () => {
    const store = openMemoryStore();
    await store.polls.record({ ...POLL, closesAt: new Date('2026-02-17T09:00:00Z') });
    let reads = 0;
    const { discord } = pollDiscord(() => {
      reads += 1;
      return { kind: 'gone', reason: 'x' };
    });
    await createPollResultsJob({ polls: store.polls, discord, now: AFTER, log: quiet }).tick();
    expect(reads).toBe(0);
  });
});
