import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StorePorts } from '../../../src/store/ports.js';
import { claimFor, freshDatabase, GUILD, guildId, noPostgres, openOn, sleep } from './harness.js';

describe.skipIf(noPostgres)('PostgreSQL ledger', () => {
  let url: string;
  let store: StorePorts;
  beforeAll(async () => {
    url = await freshDatabase('ledger');
    store = await openOn(url);
  });
  afterAll(async () => store?.close());

  test('GIVEN 16 processes claiming one post at once WHEN they race THEN exactly one wins', async () => {
    const stores = await Promise.all(
      Array.from({ length: 16 }, () => openOn(url, { maxConnections: 1 })),
    );
    try {
      const results = await Promise.all(
        stores.map((s, i) => s.ledger.claim(claimFor(GUILD, 'prompt:race', `worker-${i}`))),
      );
      const winners = results.filter((r) => r.kind === 'claimed');
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'held')).toHaveLength(15);
      expect(winners[0]!.entry.attempts).toBe(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('GIVEN a claim WHEN it completes THEN it is settled, posted, with its message id', async () => {
    const claim = await store.ledger.claim(claimFor(GUILD, 'prompt:done', 'a'));
    expect(claim.kind).toBe('claimed');
    expect(await store.ledger.complete(GUILD, 'prompt:done', 'a', '300000000000000001', null)).toBe(
      true,
    );
    const again = await store.ledger.claim(claimFor(GUILD, 'prompt:done', 'b'));
    expect(again.kind).toBe('settled');
    expect(again.entry).toMatchObject({ state: 'posted', messageId: '300000000000000001' });
    const keys = await store.ledger.settledKeys([GUILD]);
    expect(keys.get(GUILD)?.has('prompt:done')).toBe(true);
  });

  test('GIVEN a live lease WHEN another claims THEN it is held and the key counts as settled', async () => {
    await store.ledger.claim(claimFor(GUILD, 'prompt:live', 'a'));
    const other = await store.ledger.claim(claimFor(GUILD, 'prompt:live', 'b'));
    expect(other.kind).toBe('held');
    expect(other.entry.owner).toBe('a');
    expect((await store.ledger.settledKeys([GUILD])).get(GUILD)?.has('prompt:live')).toBe(true);
  });

  test('GIVEN a lapsed lease WHEN two re-claim at once THEN exactly one retakes it, with the first nonce', async () => {
    const first = claimFor(GUILD, 'prompt:lapsed', 'dead', 100);
    await store.ledger.claim(first);
    await sleep(200);
    const results = await Promise.all([
      store.ledger.claim({ ...claimFor(GUILD, 'prompt:lapsed', 'b'), nonce: 'other-nonce' }),
      store.ledger.claim({ ...claimFor(GUILD, 'prompt:lapsed', 'c'), nonce: 'other-nonce' }),
    ]);
    const winners = results.filter((r) => r.kind === 'claimed');
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ retake: true, entry: { attempts: 2, nonce: first.nonce } });
    expect(results.find((r) => r.kind !== 'claimed')?.kind).toBe('held');
  });

  test('GIVEN a claim taken over WHEN the first worker completes THEN it is refused and nothing changes', async () => {
    await store.ledger.claim(claimFor(GUILD, 'prompt:taken', 'slow', 100));
    await sleep(200);
    const taken = await store.ledger.claim(claimFor(GUILD, 'prompt:taken', 'fast'));
    expect(taken.kind).toBe('claimed');
    expect(
      await store.ledger.complete(GUILD, 'prompt:taken', 'slow', '300000000000000002', null),
    ).toBe(false);
    expect(await store.ledger.giveUp(GUILD, 'prompt:taken', 'slow', 'failed', 'x')).toBe(false);
    expect(await store.ledger.release(GUILD, 'prompt:taken', 'slow', 'x')).toBe(false);
    const [entry] = (await store.ledger.recent(GUILD, 50)).filter((e) => e.key === 'prompt:taken');
    expect(entry).toMatchObject({ state: 'claimed', owner: 'fast', messageId: null });
  });

  test('GIVEN a claim lapsed past the nonce window WHEN claimed again THEN it is skipped, never retaken', async () => {
    await store.ledger.claim(claimFor(GUILD, 'prompt:late', 'dead', 100));
    await sleep(1_700); // the test store's window is 1.5 s from the first claim
    const late = await store.ledger.claim(claimFor(GUILD, 'prompt:late', 'b'));
    expect(late.kind).toBe('settled');
    expect(late.entry.state).toBe('skipped');
    expect(late.entry.reason).toMatch(/outcome unknown/);
    expect(
      await store.ledger.complete(GUILD, 'prompt:late', 'dead', '300000000000000003', null),
    ).toBe(false);
  });

  test('GIVEN a released claim WHEN claimed again THEN it is a fresh try that keeps counting attempts', async () => {
    await store.ledger.claim(claimFor(GUILD, 'prompt:released', 'a'));
    expect(await store.ledger.release(GUILD, 'prompt:released', 'a', 'HTTP 503')).toBe(true);
    expect((await store.ledger.settledKeys([GUILD])).get(GUILD)?.has('prompt:released')).toBe(
      false,
    );
    const again = await store.ledger.claim(claimFor(GUILD, 'prompt:released', 'b'));
    expect(again).toMatchObject({ kind: 'claimed', retake: false, entry: { attempts: 2 } });
  });

  test('GIVEN settled and claimed entries WHEN pruned THEN only old settled ones go', async () => {
    const g = guildId(900);
    await store.ledger.claim(claimFor(g, 'prompt:a', 'a'));
    await store.ledger.giveUp(g, 'prompt:a', 'a', 'skipped', 'paused');
    await store.ledger.claim(claimFor(g, 'prompt:b', 'a'));
    expect(await store.ledger.prune(new Date(Date.now() - 60_000))).toBe(0);
    const removed = await store.ledger.prune(new Date(Date.now() + 60_000));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect((await store.ledger.recent(g, 10)).map((e) => e.key)).toEqual(['prompt:b']);
  });

  test('GIVEN many guilds WHEN settledKeys runs twice THEN the second sees what changed between', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => guildId(1_000 + i));
    expect((await store.ledger.settledKeys(ids)).size).toBe(0);
    await store.ledger.claim(claimFor(ids[7]!, 'prompt:x', 'a'));
    await store.ledger.complete(ids[7]!, 'prompt:x', 'a', '300000000000000004', null);
    const keys = await store.ledger.settledKeys(ids);
    expect([...keys.keys()]).toEqual([ids[7]]);
    expect([...keys.get(ids[7]!)!]).toEqual(['prompt:x']);
  });
});
