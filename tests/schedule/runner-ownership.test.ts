import { describe, expect, test } from 'vitest';
import { classifyPostError } from '../../src/discord/channel-errors.js';
import { createRunner, type Poster, type PostOutcome } from '../../src/schedule/runner.js';
import { openMemoryStore } from '../../src/store/memory.js';
import { data, prompts, settings } from './helpers.js';

/** The runner's partition seam: `owns` is asked right before each claim (docs/partitions.md). */

const DUE_AT = new Date('2026-02-16T07:00:00.000Z');
const A = '111111111111111111';
const B = '222222222222222222';

async function setUp(owns: (guildId: string) => boolean) {
  const store = openMemoryStore({ now: () => DUE_AT });
  for (const [id, channelId] of [
    [A, '333333333333333333'],
    [B, '444444444444444444'],
  ] as const) {
    const written = await store.settings.put(id, settings({ channelId }), null);
    expect(written.kind).toBe('written');
  }
  const sent: string[] = [];
  const outcomes: PostOutcome[] = [];
  let next = 900_000_000_000_000_000n;
  const poster: Poster = {
    post(channelId) {
      sent.push(channelId);
      next += 1n;
      return Promise.resolve({ messageId: String(next) });
    },
    openThread: () => Promise.resolve(),
    classify: classifyPostError,
  };
  const quiet = () => undefined;
  const runner = createRunner({
    store,
    data,
    prompts,
    poster,
    log: { info: quiet, warn: quiet, error: quiet },
    now: () => DUE_AT,
    guildIds: () => [A, B],
    owns,
    onOutcome: (_kind, outcome) => outcomes.push(outcome),
  });
  return { store, runner, sent, outcomes };
}

describe('GIVEN a runner with an ownership check', () => {
  test('WHEN it no longer owns a listed server THEN it claims and sends nothing for it and posts for the one it owns', async () => {
    const { store, runner, sent, outcomes } = await setUp((id) => id === A);
    const summary = await runner.tick();
    expect(summary.posted).toBe(1);
    expect(sent).toEqual(['333333333333333333']);
    expect(outcomes.sort()).toEqual(['held', 'posted']);
    // No claim left behind for the other process to wait out.
    expect(await store.ledger.recent(B, 10)).toEqual([]);
  });

  test('WHEN ownership is lost mid-tick THEN the posts after it are left alone', async () => {
    let owned = true;
    const { runner, sent } = await setUp(() => {
      const now = owned;
      owned = false; // the first check passes, every later one fails
      return now;
    });
    await runner.tick();
    expect(sent).toHaveLength(1);
  });
});
