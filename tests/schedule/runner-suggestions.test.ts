import { describe, expect, test } from 'vitest';
import { classifyPostError } from '../../src/discord/channel-errors.js';
import type { PostBody } from '../../src/render/posts.js';
import { createRunner, type Poster } from '../../src/schedule/runner.js';
import { openMemoryStore } from '../../src/store/memory.js';
import type { StorePorts } from '../../src/store/ports.js';
import { data, GUILD, prompts, settings } from './helpers.js';

/** 09:00 in Kyiv on Monday 16 February 2026, and the next day. */
const DUE_AT = '2026-02-16T07:00:00.000Z';
const NEXT_DAY = '2026-02-17T07:00:00.000Z';
/** Set up an hour before: nothing earlier comes due. */
const ACTIVE = '2026-02-16T06:00:00.000Z';
const AUTHOR = '400000000000000001';
const QUESTION = 'Should every partner publish what it delivered each year?';
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function setUp(at: string) {
  const clock = { now: new Date(at) };
  const store: StorePorts = openMemoryStore({ now: () => clock.now });
  const sent: (PostBody & { nonce: string })[] = [];
  let id = 900_000_000_000_000_000n;
  const poster: Poster = {
    post(_channel, body) {
      sent.push(body);
      id += 1n;
      return Promise.resolve({ messageId: String(id) });
    },
    openThread: () => Promise.resolve(),
    classify: classifyPostError,
  };
  const runner = createRunner({
    store,
    data,
    prompts,
    poster,
    log: quiet,
    now: () => clock.now,
    guildIds: () => [GUILD],
  });
  return { clock, store, sent, runner };
}

async function approvedSuggestion(store: StorePorts, answers: string[] | null = null) {
  const made = await store.suggestions.create(
    { guildId: GUILD, authorId: AUTHOR, question: QUESTION, answers },
    { maxOpen: 3, cooldownMs: 0 },
  );
  if (made.kind !== 'created') throw new Error('not created');
  await store.suggestions.decide(GUILD, made.suggestion.id, 1, {
    state: 'approved',
    by: '500000000000000001',
    reason: null,
  });
  return made.suggestion.id;
}

describe('GIVEN daily prompts and an approved suggestion', () => {
  test('WHEN the runner ticks at 09:00 THEN the suggestion is the prompt posted, credited by a mention in the embed that pings nobody; the next day the built-in bank goes on', async () => {
    const { clock, store, sent, runner } = setUp(DUE_AT);
    await store.settings.put(
      GUILD,
      settings({ anniversaries: false, prompts: 'daily', activeSince: ACTIVE }),
      null,
    );
    const id = await approvedSuggestion(store, ['Yes', 'No']);

    await runner.tick();
    expect(sent).toHaveLength(1);
    const post = sent[0]!;
    expect(post.content).toContain(QUESTION);
    expect(JSON.stringify(post.embeds)).toContain(`Suggested by <@${AUTHOR}>`);
    expect(post.content).not.toContain(`<@${AUTHOR}>`);
    expect(post.allowed_mentions).toEqual({ parse: [] });
    expect(post.poll?.question.text).toBe(QUESTION);
    expect(post.poll?.answers.map((a) => a.poll_media.text)).toEqual(['Yes', 'No']);
    expect((await store.settings.get(GUILD))?.value.promptsSeen).toEqual([`s-${id}`]);

    clock.now = new Date(NEXT_DAY);
    await runner.tick();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.content).toContain(prompts.prompts[0]!.question.en);
    expect((await store.settings.get(GUILD))?.value.promptsSeen).toEqual([
      `s-${id}`,
      prompts.prompts[0]!.id,
    ]);
  });

  test('WHEN it is denied again before 09:00 THEN the built-in bank’s first prompt is posted instead', async () => {
    const { store, sent, runner } = setUp(DUE_AT);
    await store.settings.put(
      GUILD,
      settings({ anniversaries: false, prompts: 'daily', activeSince: ACTIVE }),
      null,
    );
    const id = await approvedSuggestion(store);
    await store.suggestions.decide(GUILD, id, 2, {
      state: 'denied',
      by: '500000000000000001',
      reason: null,
    });
    await runner.tick();
    expect(sent.map((p) => p.content)).toEqual([
      expect.stringContaining(prompts.prompts[0]!.question.en),
    ]);
  });
});

describe('GIVEN an admin skipped the next prompt (/schedule skip)', () => {
  test('WHEN the runner ticks at 09:00, and again THEN nothing is posted, the ledger says skipped once, the skip is cleared, and the next day posts as usual', async () => {
    const { clock, store, sent, runner } = setUp(DUE_AT);
    await store.settings.put(
      GUILD,
      settings({
        anniversaries: false,
        prompts: 'daily',
        activeSince: ACTIVE,
        skipKeys: ['prompt:2026-02-16'],
      }),
      null,
    );
    await runner.tick();
    await runner.tick();
    expect(sent).toEqual([]);
    const entries = await store.ledger.recent(GUILD, 5);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      key: 'prompt:2026-02-16',
      state: 'skipped',
      reason: 'skipped by an admin (/schedule skip)',
    });
    const after = (await store.settings.get(GUILD))?.value;
    expect(after?.skipKeys).toEqual([]);
    // A skipped prompt was not seen: the next post is the bank's first.
    expect(after?.promptsSeen).toEqual([]);

    clock.now = new Date(NEXT_DAY);
    await runner.tick();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.content).toContain(prompts.prompts[0]!.question.en);
  });
});
