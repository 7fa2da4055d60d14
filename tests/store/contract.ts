import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { GuildSettings } from '../../src/store/domain.js';
import type { ClaimRequest, SettingsPort, StorePorts } from '../../src/store/ports.js';
import { ifSetUp, updateSettings } from '../../src/store/update-settings.js';
import { guildSettings } from '../helpers/settings.js';
import { describeSuggestionsContract } from './suggestions-contract.js';

/**
 * The behaviour every store backend promises, run against each of them: memory, the JSON file
 * and PostgreSQL. Backend-neutral on purpose: no paths, no SQL, no injected clock. Lease cases
 * use leases of tens of milliseconds and real waits of a few hundred at most, so they hold with
 * a database's own `now()` as well as a process clock; times compared come from the backend's
 * own answers, never from this process's clock.
 *
 * `open` gives a store with nothing in it. Guild ids are still fresh per test, so a backend that
 * shares one database between tests stays correct (counts are then lower bounds).
 */
export function describeStoreContract(name: string, open: () => Promise<StorePorts>): void {
  describe(`store contract: ${name}`, () => {
    let store: StorePorts;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('settings', () => {
      test('GIVEN no settings WHEN read THEN get answers null and getMany leaves the guild out', async () => {
        const id = freshGuild();
        expect(await store.settings.get(id)).toBeNull();
        expect((await store.settings.getMany([id])).size).toBe(0);
      });

      test('GIVEN a first write naming no version WHEN read back THEN it is version 1, as written', async () => {
        const id = freshGuild();
        expect(await store.settings.put(id, settings(), null)).toEqual({
          kind: 'written',
          version: 1,
        });
        expect(await store.settings.get(id)).toEqual({ value: settings(), version: 1 });
      });

      test('GIVEN version 1 stored WHEN written with version 1 THEN it is version 2; with 1 again THEN a conflict naming version 2, and nothing changes', async () => {
        const id = freshGuild();
        await store.settings.put(id, settings(), null);
        expect(await store.settings.put(id, settings({ hour: 10 }), 1)).toEqual({
          kind: 'written',
          version: 2,
        });
        const stale = await store.settings.put(id, settings({ hour: 11 }), 1);
        expect(stale).toEqual({
          kind: 'conflict',
          current: { value: settings({ hour: 10 }), version: 2 },
        });
        expect((await store.settings.get(id))?.value.hour).toBe(10);
      });

      test('GIVEN settings stored WHEN a first write (no version) comes THEN it is a conflict', async () => {
        const id = freshGuild();
        await store.settings.put(id, settings(), null);
        const result = await store.settings.put(id, settings({ paused: true }), null);
        expect(result).toMatchObject({ kind: 'conflict', current: { version: 1 } });
        expect((await store.settings.get(id))?.value.paused).toBe(false);
      });

      test('GIVEN no settings WHEN written naming a version THEN it is a conflict with nothing stored', async () => {
        const id = freshGuild();
        expect(await store.settings.put(id, settings(), 3)).toEqual({
          kind: 'conflict',
          current: null,
        });
        expect(await store.settings.get(id)).toBeNull();
      });

      test('GIVEN ten writers with the same version at once WHEN all settle THEN exactly one wrote', async () => {
        const id = freshGuild();
        await store.settings.put(id, settings(), null);
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, minute) =>
            store.settings.put(id, settings({ minute }), 1),
          ),
        );
        const written = results.filter((r) => r.kind === 'written');
        expect(written).toEqual([{ kind: 'written', version: 2 }]);
        const stored = await store.settings.get(id);
        expect(stored?.version).toBe(2);
        expect(results.map((r) => r.kind).filter((k) => k === 'conflict')).toHaveLength(9);
      });

      test('GIVEN several guilds WHEN read with getMany THEN those with settings come back, with versions', async () => {
        const [a, b, none] = [freshGuild(), freshGuild(), freshGuild()];
        await store.settings.put(a, settings({ hour: 7 }), null);
        await store.settings.put(b, settings({ hour: 8 }), null);
        await store.settings.put(b, settings({ hour: 9 }), 1);
        const found = await store.settings.getMany([a, b, none]);
        expect([...found.keys()].sort()).toEqual([a, b].sort());
        expect(found.get(a)).toEqual({ value: settings({ hour: 7 }), version: 1 });
        expect(found.get(b)).toEqual({ value: settings({ hour: 9 }), version: 2 });
      });

      // Data-change announcements (issue 12): the opt-in is optional, so settings written before
      // it existed read back as they were, and a server's opt-in reads back as written.
      test.each([
        ['without the opt-in (written before it existed)', settings()],
        ['opted in', settings({ changes: { since: '2026-12-02T10:00:00.000Z' } })],
        ['opted out again', settings({ changes: null })],
      ])(
        'GIVEN settings %s WHEN written and read back THEN they are as written',
        async (_, value) => {
          const id = freshGuild();
          await store.settings.put(id, value, null);
          expect((await store.settings.get(id))?.value).toEqual(value);
          expect((await store.settings.getMany([id])).get(id)?.value).toEqual(value);
        },
      );

      test('GIVEN an opt-in with no instant WHEN written THEN it rejects and nothing is stored', async () => {
        const id = freshGuild();
        const broken = settings({ changes: { since: 'yesterday' } });
        await expect(store.settings.put(id, broken, null)).rejects.toThrow();
        expect(await store.settings.get(id)).toBeNull();
      });

      test('GIVEN settings that break the schema WHEN written THEN it rejects and nothing is stored', async () => {
        const id = freshGuild();
        await expect(store.settings.put(id, settings({ hour: 24 }), null)).rejects.toThrow();
        expect(await store.settings.get(id)).toBeNull();
      });

      test('GIVEN settings read WHEN the copy read is changed THEN the stored settings are not', async () => {
        const id = freshGuild();
        await store.settings.put(id, settings(), null);
        const read = await store.settings.get(id);
        read!.value.promptsSeen.push('changed');
        read!.value.digest.weekday = 5;
        expect((await store.settings.get(id))?.value).toEqual(settings());
      });

      test('GIVEN settings WHEN deleted THEN they are gone, a second delete says so, and a first write works again', async () => {
        const id = freshGuild();
        await store.settings.put(id, settings(), null);
        expect(await store.settings.delete(id)).toBe(true);
        expect(await store.settings.get(id)).toBeNull();
        expect(await store.settings.delete(id)).toBe(false);
        expect((await store.settings.put(id, settings(), null)).kind).toBe('written');
      });

      test('GIVEN settings and a ledger entry WHEN the settings are deleted THEN the ledger stays', async () => {
        const id = freshGuild();
        await store.settings.put(id, settings(), null);
        await store.ledger.claim(request(id, 'anniversary:2026-02-16', 'a'));
        await store.ledger.complete(id, 'anniversary:2026-02-16', 'a', MESSAGE, null);
        await store.settings.delete(id);
        expect((await store.ledger.settledKeys([id])).get(id)?.has('anniversary:2026-02-16')).toBe(
          true,
        );
      });
    });

    // Perf (issue 10): the settings change feed a steady tick reads instead of every guild.
    describe('settings: change feed', () => {
      test('GIVEN no cursor WHEN the feed is asked THEN it cannot say (null), and gives a cursor', async () => {
        const feed = await store.settings.changes?.(null);
        if (!feed) return; // a backend without a feed: the runner reads every guild instead
        expect(feed.changed).toBeNull();
        expect(typeof feed.cursor).toBe('number');
      });

      test('GIVEN guilds read, then one written, one deleted and one set up WHEN the feed is asked from before THEN it names all three, and from after, none of them', async () => {
        if (!store.settings.changes) return;
        const [written, deleted, setUp, untouched] = [1, 2, 3, 4].map(() => freshGuild());
        await store.settings.put(written!, settings(), null);
        await store.settings.put(deleted!, settings(), null);
        await store.settings.put(untouched!, settings(), null);
        await store.settings.getMany([written!, deleted!, setUp!, untouched!]);
        const before = (await store.settings.changes(null)).cursor;
        await store.settings.put(written!, settings({ hour: 11 }), 1);
        await store.settings.delete(deleted!);
        await store.settings.put(setUp!, settings(), null);
        const feed = await store.settings.changes(before);
        expect(feed.changed).not.toBeNull();
        for (const id of [written, deleted, setUp]) expect(feed.changed).toContain(id);
        const after = await store.settings.changes(feed.cursor);
        for (const id of [written, deleted, setUp, untouched])
          expect(after.changed ?? []).not.toContain(id);
      });

      test('GIVEN a cursor from the future WHEN the feed is asked THEN it cannot say', async () => {
        if (!store.settings.changes) return;
        const { cursor } = await store.settings.changes(null);
        expect((await store.settings.changes(cursor + 1_000_000)).changed).toBeNull();
      });
    });

    describe('settings: read, change, write with the version (updateSettings)', () => {
      test('GIVEN /schedule pause and the runner marking a prompt seen, both having read version 1 WHEN both write THEN the pause and the prompt both stand', async () => {
        const id = freshGuild();
        await store.settings.put(id, settings(), null);
        // Both read before either writes: the race the versions exist for.
        const port = readersMeet(store.settings, 2);
        const [pause, seen] = await Promise.all([
          updateSettings(
            port,
            id,
            ifSetUp((s) => ({ ...s, paused: true })),
          ),
          updateSettings(
            port,
            id,
            ifSetUp((s) => ({ ...s, promptsSeen: [...s.promptsSeen, 'p1'] })),
          ),
        ]);
        expect([pause.kind, seen.kind]).toEqual(['written', 'written']);
        const stored = await store.settings.get(id);
        expect(stored?.version).toBe(3);
        expect(stored?.value.paused).toBe(true);
        expect(stored?.value.promptsSeen).toEqual(['p1']);
      });

      test('GIVEN eight changes at once WHEN each goes through updateSettings THEN every one of them is in the result', async () => {
        const id = freshGuild();
        await store.settings.put(id, settings(), null);
        const ids = Array.from({ length: 8 }, (_, i) => `p${i}`);
        const results = await Promise.all(
          ids.map((p) =>
            updateSettings(
              store.settings,
              id,
              ifSetUp((s) => ({ ...s, promptsSeen: [...s.promptsSeen, p] })),
              20,
            ),
          ),
        );
        expect(results.every((r) => r.kind === 'written')).toBe(true);
        expect((await store.settings.get(id))?.value.promptsSeen.sort()).toEqual(ids);
      });

      test('GIVEN no settings WHEN a change for set-up servers is applied THEN nothing is written', async () => {
        const id = freshGuild();
        expect(
          await updateSettings(
            store.settings,
            id,
            ifSetUp((s) => s),
          ),
        ).toEqual({
          kind: 'unchanged',
          current: null,
        });
        expect(await store.settings.get(id)).toBeNull();
      });
    });

    describe('ledger: claims', () => {
      test('GIVEN no entry WHEN claimed THEN the claimant holds it: one attempt, its nonce, a lease after the claim', async () => {
        const id = freshGuild();
        const result = await store.ledger.claim(request(id, KEY, 'worker-a'));
        expect(result).toMatchObject({
          kind: 'claimed',
          retake: false,
          entry: {
            guildId: id,
            key: KEY,
            kind: 'anniversary',
            localDate: '2026-02-16',
            state: 'claimed',
            owner: 'worker-a',
            nonce: NONCE,
            attempts: 1,
            messageId: null,
            reason: null,
            pendingThread: null,
          },
        });
        if (result.kind !== 'claimed') return;
        const { firstClaimedAt, leaseUntil, at } = result.entry;
        expect(firstClaimedAt).toBeInstanceOf(Date);
        expect(at).toBeInstanceOf(Date);
        expect(leaseUntil!.getTime() - firstClaimedAt!.getTime()).toBeGreaterThanOrEqual(
          LONG_LEASE - 5,
        );
      });

      test('GIVEN a live claim WHEN another worker claims THEN it is held, and the key is not to be worked on', async () => {
        const id = freshGuild();
        await store.ledger.claim(request(id, KEY, 'worker-a'));
        expect(await store.ledger.claim(request(id, KEY, 'worker-b'))).toMatchObject({
          kind: 'held',
          entry: { owner: 'worker-a', attempts: 1 },
        });
        expect((await store.ledger.settledKeys([id])).get(id)?.has(KEY)).toBe(true);
      });

      test('GIVEN sixteen claimants of one post at once WHEN all settle THEN exactly one holds it', async () => {
        const id = freshGuild();
        const results = await Promise.all(
          Array.from({ length: 16 }, (_, i) => store.ledger.claim(request(id, KEY, `w${i}`))),
        );
        const winners = results.filter((r) => r.kind === 'claimed');
        expect(winners).toHaveLength(1);
        expect(results.filter((r) => r.kind === 'held')).toHaveLength(15);
        const owner = winners[0]?.entry.owner;
        for (const r of results) expect(r.entry.owner).toBe(owner);
      });

      test('GIVEN one guild WHEN two keys are claimed THEN each is its own entry; another guild’s same key too', async () => {
        const [a, b] = [freshGuild(), freshGuild()];
        expect((await store.ledger.claim(request(a, KEY, 'w'))).kind).toBe('claimed');
        expect((await store.ledger.claim(request(a, 'digest:2026-W08', 'w'))).kind).toBe('claimed');
        expect((await store.ledger.claim(request(b, KEY, 'w'))).kind).toBe('claimed');
        const keys = await store.ledger.settledKeys([a, b]);
        expect([...(keys.get(a) ?? [])].sort()).toEqual([
          'anniversary:2026-02-16',
          'digest:2026-W08',
        ]);
        expect([...(keys.get(b) ?? [])]).toEqual([KEY]);
      });
    });

    // Data-change announcements (issue 12): the fourth kind, keyed by the change's id.
    describe('ledger: change posts', () => {
      test('GIVEN a change post WHEN claimed and completed THEN it is settled under its key and kind, and a second claim finds it settled', async () => {
        const id = freshGuild();
        const key = 'change:2026-12-01-gb-100-year-partnership';
        expect(await store.ledger.claim(request(id, key, 'worker-a', 'change'))).toMatchObject({
          kind: 'claimed',
          entry: { key, kind: 'change', state: 'claimed' },
        });
        expect(await store.ledger.complete(id, key, 'worker-a', MESSAGE, null)).toBe(true);
        expect((await store.ledger.settledKeys([id])).get(id)?.has(key)).toBe(true);
        expect(await store.ledger.claim(request(id, key, 'worker-b', 'change'))).toMatchObject({
          kind: 'settled',
          entry: { kind: 'change', state: 'posted', messageId: MESSAGE },
        });
        expect((await store.ledger.recent(id, 1))[0]).toMatchObject({ key, kind: 'change' });
      });
    });

    describe('ledger: settling', () => {
      test('GIVEN a claim WHEN its owner completes it THEN it is posted with the message id, settled for everyone after', async () => {
        const id = freshGuild();
        await store.ledger.claim(request(id, KEY, 'worker-a'));
        expect(await store.ledger.complete(id, KEY, 'worker-a', MESSAGE, null)).toBe(true);
        const [entry] = await store.ledger.recent(id, 5);
        expect(entry).toMatchObject({
          state: 'posted',
          messageId: MESSAGE,
          attempts: 1,
          reason: null,
          leaseUntil: null,
          pendingThread: null,
        });
        expect(await store.ledger.claim(request(id, KEY, 'worker-b'))).toMatchObject({
          kind: 'settled',
          entry: { state: 'posted' },
        });
        expect((await store.ledger.settledKeys([id])).get(id)?.has(KEY)).toBe(true);
      });

      test('GIVEN a claim WHEN another worker completes, gives up or releases it THEN each is refused and nothing changes', async () => {
        const id = freshGuild();
        await store.ledger.claim(request(id, KEY, 'worker-a'));
        expect(await store.ledger.complete(id, KEY, 'worker-b', MESSAGE, null)).toBe(false);
        expect(await store.ledger.giveUp(id, KEY, 'worker-b', 'failed', 'no')).toBe(false);
        expect(await store.ledger.release(id, KEY, 'worker-b', 'no')).toBe(false);
        expect(await store.ledger.complete(freshGuild(), KEY, 'worker-a', MESSAGE, null)).toBe(
          false,
        );
        const [entry] = await store.ledger.recent(id, 1);
        expect(entry).toMatchObject({ state: 'claimed', owner: 'worker-a', messageId: null });
      });

      test.each(['skipped', 'failed'] as const)(
        'GIVEN a claim WHEN its owner gives it up as %s THEN it is settled with the reason, and cannot be completed after',
        async (state) => {
          const id = freshGuild();
          await store.ledger.claim(request(id, KEY, 'worker-a'));
          expect(
            await store.ledger.giveUp(id, KEY, 'worker-a', state, 'Discord answered 400'),
          ).toBe(true);
          expect(await store.ledger.complete(id, KEY, 'worker-a', MESSAGE, null)).toBe(false);
          const [entry] = await store.ledger.recent(id, 1);
          expect(entry).toMatchObject({ state, reason: 'Discord answered 400', messageId: null });
          expect((await store.ledger.claim(request(id, KEY, 'worker-b'))).kind).toBe('settled');
        },
      );

      test('GIVEN a claim released after a passing error WHEN claimed again THEN it is a new attempt: count kept, same nonce and first claim, and the old owner is out', async () => {
        const id = freshGuild();
        const first = await store.ledger.claim(request(id, KEY, 'worker-a'));
        expect(await store.ledger.release(id, KEY, 'worker-a', 'Discord answered 503')).toBe(true);
        const [released] = await store.ledger.recent(id, 1);
        expect(released).toMatchObject({
          state: 'claimed',
          owner: null,
          leaseUntil: null,
          attempts: 1,
          reason: 'Discord answered 503',
        });
        expect((await store.ledger.settledKeys([id])).get(id)?.has(KEY) ?? false).toBe(false);

        const again = await store.ledger.claim(request(id, KEY, 'worker-b'));
        expect(again).toMatchObject({
          kind: 'claimed',
          retake: false,
          entry: { owner: 'worker-b', attempts: 2, nonce: NONCE },
        });
        expect(again.entry.firstClaimedAt).toEqual(first.entry.firstClaimedAt);
        expect(await store.ledger.complete(id, KEY, 'worker-a', MESSAGE, null)).toBe(false);
        expect(await store.ledger.complete(id, KEY, 'worker-b', MESSAGE, null)).toBe(true);
      });

      test('GIVEN a posted entry with a thread to open WHEN listed THEN it is pending until marked opened', async () => {
        const id = freshGuild();
        const thread = { name: 'Discuss: the question', auto_archive_duration: 1440 } as const;
        await store.ledger.claim(request(id, 'prompt:2026-02-16', 'w', 'prompt'));
        await store.ledger.complete(id, 'prompt:2026-02-16', 'w', MESSAGE, thread);
        await store.ledger.claim(request(id, KEY, 'w'));
        await store.ledger.complete(id, KEY, 'w', MESSAGE, null);

        const pending = await store.ledger.pendingThreads([id, freshGuild()]);
        expect(pending.map((e) => [e.key, e.messageId, e.pendingThread])).toEqual([
          ['prompt:2026-02-16', MESSAGE, thread],
        ]);
        await store.ledger.threadOpened(id, 'prompt:2026-02-16');
        expect(await store.ledger.pendingThreads([id])).toEqual([]);
        const [entry] = (await store.ledger.recent(id, 5)).filter((e) => e.kind === 'prompt');
        expect(entry).toMatchObject({ state: 'posted', pendingThread: null, messageId: MESSAGE });
      });
    });

    describe('ledger: leases (real waits)', () => {
      test('GIVEN a claim whose lease lapsed inside the retake window WHEN another worker claims THEN it is retaken with the same nonce, and the first worker cannot complete', async () => {
        const id = freshGuild();
        const first = await store.ledger.claim({ ...request(id, KEY, 'worker-a'), leaseMs: 40 });
        await sleep(120);
        expect((await store.ledger.settledKeys([id])).get(id)?.has(KEY) ?? false).toBe(false);

        const retaken = await store.ledger.claim(request(id, KEY, 'worker-b'));
        expect(retaken).toMatchObject({
          kind: 'claimed',
          retake: true,
          entry: { owner: 'worker-b', attempts: 2, nonce: NONCE, state: 'claimed' },
        });
        expect(retaken.entry.firstClaimedAt).toEqual(first.entry.firstClaimedAt);
        expect(await store.ledger.complete(id, KEY, 'worker-a', MESSAGE, null)).toBe(false);
        expect(await store.ledger.complete(id, KEY, 'worker-b', MESSAGE, null)).toBe(true);
      });

      test('GIVEN a claim whose lease lapsed past the retake window WHEN claimed THEN it is settled as skipped, outcome unknown, and nobody may complete it', async () => {
        const id = freshGuild();
        await store.ledger.claim({ ...request(id, KEY, 'worker-a'), leaseMs: 30 });
        await sleep(250);
        const late = await store.ledger.claim({
          ...request(id, KEY, 'worker-b'),
          retakeWindowMs: 150,
        });
        expect(late).toMatchObject({ kind: 'settled', entry: { state: 'skipped' } });
        expect(late.entry.reason).toMatch(/outcome unknown/);
        expect(await store.ledger.complete(id, KEY, 'worker-a', MESSAGE, null)).toBe(false);
        expect(await store.ledger.complete(id, KEY, 'worker-b', MESSAGE, null)).toBe(false);
        expect((await store.ledger.settledKeys([id])).get(id)?.has(KEY)).toBe(true);
        const [entry] = await store.ledger.recent(id, 1);
        expect(entry).toMatchObject({ state: 'skipped', messageId: null });
      });

      test('GIVEN a lapsed lease nobody took over WHEN its worker completes late THEN that is recorded: it is the truth', async () => {
        const id = freshGuild();
        await store.ledger.claim({ ...request(id, KEY, 'worker-a'), leaseMs: 30 });
        await sleep(80);
        expect(await store.ledger.complete(id, KEY, 'worker-a', MESSAGE, null)).toBe(true);
        expect((await store.ledger.claim(request(id, KEY, 'worker-b'))).kind).toBe('settled');
      });

      test('GIVEN a lapsed claim WHEN sixteen workers retake it at once THEN exactly one wins', async () => {
        const id = freshGuild();
        await store.ledger.claim({ ...request(id, KEY, 'worker-a'), leaseMs: 30 });
        await sleep(80);
        const results = await Promise.all(
          Array.from({ length: 16 }, (_, i) => store.ledger.claim(request(id, KEY, `w${i}`))),
        );
        expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
        expect(results.filter((r) => r.kind === 'held')).toHaveLength(15);
      });
    });

    describe('ledger: reading and pruning', () => {
      test('GIVEN entries over time WHEN recent is read THEN newest first, up to the limit, claims included', async () => {
        const id = freshGuild();
        await store.ledger.claim(request(id, 'anniversary:2026-02-14', 'w'));
        await store.ledger.complete(id, 'anniversary:2026-02-14', 'w', MESSAGE, null);
        await sleep(15);
        await store.ledger.claim(request(id, 'digest:2026-W08', 'w', 'digest'));
        await store.ledger.giveUp(id, 'digest:2026-W08', 'w', 'skipped', 'missed');
        await sleep(15);
        await store.ledger.claim(request(id, KEY, 'w'));

        expect((await store.ledger.recent(id, 5)).map((e) => [e.key, e.state])).toEqual([
          [KEY, 'claimed'],
          ['digest:2026-W08', 'skipped'],
          ['anniversary:2026-02-14', 'posted'],
        ]);
        expect((await store.ledger.recent(id, 2)).map((e) => e.key)).toEqual([
          KEY,
          'digest:2026-W08',
        ]);
        expect(await store.ledger.recent(freshGuild(), 5)).toEqual([]);
      });

      test('GIVEN old and new entries WHEN pruned THEN old settled ones go, but claims and each guild’s newest of a kind stay', async () => {
        const id = freshGuild();
        const settle = async (key: string, kind: ClaimRequest['kind'] = 'anniversary') => {
          await store.ledger.claim(request(id, key, 'w', kind));
          await store.ledger.complete(id, key, 'w', MESSAGE, null);
        };
        await settle('anniversary:2026-01-01');
        await settle('digest:2026-W01', 'digest');
        await store.ledger.claim(request(id, 'prompt:2026-01-01', 'w', 'prompt'));
        await sleep(30);
        await settle('anniversary:2026-02-16');
        await sleep(30);
        // The cut: an instant in the backend's own time, after every entry above.
        const marker = await store.ledger.claim(request(freshGuild(), KEY, 'w'));

        expect(await store.ledger.prune(marker.entry.at)).toBeGreaterThanOrEqual(1);
        expect((await store.ledger.recent(id, 10)).map((e) => e.key).sort()).toEqual([
          'anniversary:2026-02-16',
          'digest:2026-W01',
          'prompt:2026-01-01',
        ]);
      });

      test('GIVEN only new entries WHEN pruned with a cut before them THEN nothing goes', async () => {
        const id = freshGuild();
        const claimed = await store.ledger.claim(request(id, 'anniversary:2026-01-01', 'w'));
        await store.ledger.complete(id, 'anniversary:2026-01-01', 'w', MESSAGE, null);
        await store.ledger.claim(request(id, KEY, 'w'));
        await store.ledger.complete(id, KEY, 'w', MESSAGE, null);
        await store.ledger.prune(new Date(claimed.entry.at.getTime() - 60_000));
        expect(await store.ledger.recent(id, 10)).toHaveLength(2);
      });
    });

    describeSuggestionsContract(() => store, freshGuild);

    test('GIVEN an open store WHEN asked THEN it is healthy and names its backend', async () => {
      expect(await store.healthy()).toBe(true);
      expect(['json', 'postgres', 'memory']).toContain(store.backend);
    });
  });
}

/** A store, and a way to make its backend refuse every write from then on. */
export interface RefusingStore {
  store: StorePorts;
  refuseWrites(): Promise<void>;
}

/**
 * What a backend promises when its writes fail (issue 14): each write rejects, and no change it
 * made in memory outlives the failure, so a user told "not saved" is told the truth. Run by the
 * backends that keep state in memory before writing it (memory, the JSON file).
 */
export function describeWriteFailureContract(
  name: string,
  open: () => Promise<RefusingStore>,
): void {
  describe(`store contract, writes refused: ${name}`, () => {
    let store: StorePorts;
    let refusing: RefusingStore;
    const refuseWrites = () => refusing.refuseWrites();
    beforeEach(async () => {
      refusing = await open();
      store = refusing.store;
    });
    afterEach(async () => {
      await store.close().catch(() => undefined);
    });

    test('GIVEN settings stored WHEN a write of new ones fails THEN it rejects and every read still gives the stored ones', async () => {
      const id = freshGuild();
      await store.settings.put(id, settings(), null);
      await refuseWrites();
      await expect(store.settings.put(id, settings({ paused: true }), 1)).rejects.toThrow();
      expect(await store.settings.get(id)).toEqual({ value: settings(), version: 1 });
      expect((await store.settings.getMany([id])).get(id)).toEqual({
        value: settings(),
        version: 1,
      });
    });

    test('GIVEN no settings WHEN a first write fails THEN nothing is stored', async () => {
      const id = freshGuild();
      await refuseWrites();
      await expect(store.settings.put(id, settings(), null)).rejects.toThrow();
      expect(await store.settings.get(id)).toBeNull();
    });

    test('GIVEN settings stored WHEN deleting them fails THEN they stay', async () => {
      const id = freshGuild();
      await store.settings.put(id, settings(), null);
      await refuseWrites();
      await expect(store.settings.delete(id)).rejects.toThrow();
      expect(await store.settings.get(id)).toEqual({ value: settings(), version: 1 });
    });

    test('GIVEN writes refused WHEN updateSettings runs THEN it answers unavailable and the settings are as before', async () => {
      const id = freshGuild();
      await store.settings.put(id, settings(), null);
      await refuseWrites();
      const result = await updateSettings(
        store.settings,
        id,
        ifSetUp((c) => ({ ...c, hour: 10 })),
      );
      expect(result.kind).toBe('unavailable');
      expect((await store.settings.get(id))?.value.hour).toBe(settings().hour);
    });

    test('GIVEN writes refused WHEN a post is claimed THEN it rejects and the key is not settled or listed', async () => {
      const id = freshGuild();
      await refuseWrites();
      await expect(store.ledger.claim(request(id, KEY, 'worker-a'))).rejects.toThrow();
      expect([...((await store.ledger.settledKeys([id])).get(id) ?? [])]).toEqual([]);
      expect(await store.ledger.recent(id, 5)).toEqual([]);
    });
  });
}

const KEY = 'anniversary:2026-02-16';
/** What the runner would send: any string ≤ 25 characters; the ledger keeps it as given. */
const NONCE = 'nonce-of-this-post-000001';
const MESSAGE = '900000000000000001';
const LONG_LEASE = 60_000;

let serial = 0;
/** A guild id no other test (or earlier run sharing a database) uses. */
export function freshGuild(): string {
  serial += 1;
  const stamp = String(Date.now() % 1e12).padStart(12, '0');
  return `1${stamp}${String(serial).padStart(5, '0')}`;
}

function request(
  guildId: string,
  key: string,
  owner: string,
  kind: ClaimRequest['kind'] = 'anniversary',
): ClaimRequest {
  return {
    guildId,
    key,
    kind,
    localDate: '2026-02-16',
    nonce: NONCE,
    owner,
    leaseMs: LONG_LEASE,
    retakeWindowMs: 60_000,
  };
}

/**
 * The port, with its first `count` reads held until all of them have been made: so that many
 * writers are sure to start from the same version.
 */
export function readersMeet(port: SettingsPort, count: number): SettingsPort {
  let waiting = count;
  let open: () => void = () => undefined;
  const allRead = new Promise<void>((resolve) => (open = resolve));
  return {
    ...port,
    async get(guildId) {
      const value = await port.get(guildId);
      if (waiting > 0) {
        waiting -= 1;
        if (waiting === 0) open();
        await allRead;
      }
      return value;
    },
    getMany: (ids) => port.getMany(ids),
    put: (id, value, version) => port.put(id, value, version),
    delete: (id) => port.delete(id),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function settings(overrides: Partial<GuildSettings> = {}): GuildSettings {
  return guildSettings({
    digest: { enabled: true, weekday: 1 },
    prompts: 'weekly',
    activeSince: '2026-01-01T00:00:00.000Z',
    ...overrides,
  });
}
