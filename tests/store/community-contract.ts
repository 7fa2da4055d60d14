import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { StorePorts } from '../../src/store/ports.js';
import type { NewReport, ReportLimits } from '../../src/store/reports.js';
import { freshGuild } from './contract.js';

/**
 * What every backend promises for the community ports (fact reports, follows and their DMs'
 * once-keys, polls), run on memory, the JSON file and PostgreSQL. Ids are fresh per test, so a
 * backend that shares one database between tests stays correct; leases are tens of
 * milliseconds with real waits, so they hold with a database's own clock.
 */
export function describeCommunityContract(name: string, open: () => Promise<StorePorts>): void {
  describe(`community contract: ${name}`, () => {
    let store: StorePorts;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const LIMITS: ReportLimits = {
      perMember: { max: 2, windowMs: 60_000 },
      perGuild: { max: 3, windowMs: 60_000 },
    };
    const T0 = new Date('2026-03-01T10:00:00.000Z');
    const report = (overrides: Partial<NewReport> = {}): NewReport => ({
      id: `r${randomUUID().slice(0, 8)}`,
      guildId: freshGuild(),
      reporterId: freshGuild(),
      recordId: 'de',
      field: 'signed',
      text: 'The date is wrong',
      sourceUrl: null,
      createdAt: T0,
      ...overrides,
    });

    describe('reports', () => {
      test('GIVEN a report WHEN created THEN it is stored open and undelivered, as sent, and listed', async () => {
        const sent = report({ sourceUrl: 'https://example.org/a', text: 'Ünïcödé <@123> **x**' });
        const created = await store.reports.create(sent, LIMITS);
        expect(created).toEqual({
          kind: 'created',
          report: { ...sent, state: 'open', delivered: false, closedAt: null, closeNote: null },
        });
        expect(await store.reports.get(sent.id)).toEqual(
          created.kind === 'created' ? created.report : null,
        );
        const open = await store.reports.listOpen(10_000);
        expect(open.map((r) => r.id)).toContain(sent.id);
        expect(await store.reports.openCount(sent.guildId!)).toBe(1);
      });

      test('GIVEN a member at their limit WHEN they report again THEN it is refused with when the oldest leaves the window, and nothing is stored', async () => {
        const reporterId = freshGuild();
        const guildId = freshGuild();
        await store.reports.create(report({ reporterId, guildId, createdAt: T0 }), LIMITS);
        await store.reports.create(
          report({ reporterId, guildId, createdAt: new Date(T0.getTime() + 1000) }),
          LIMITS,
        );
        const third = report({ reporterId, guildId, createdAt: new Date(T0.getTime() + 2000) });
        expect(await store.reports.create(third, LIMITS)).toEqual({
          kind: 'limited',
          scope: 'member',
          retryAt: new Date(T0.getTime() + 60_000),
        });
        expect(await store.reports.get(third.id)).toBeNull();
        expect(await store.reports.openCount(guildId)).toBe(2);
        // Once the first has left the window, the member may report again.
        const later = report({ reporterId, guildId, createdAt: new Date(T0.getTime() + 60_001) });
        expect((await store.reports.create(later, LIMITS)).kind).toBe('created');
      });

      test('GIVEN a server at its limit WHEN another member reports THEN it is refused for the server', async () => {
        const guildId = freshGuild();
        for (let i = 0; i < 3; i += 1) {
          await store.reports.create(
            report({ guildId, createdAt: new Date(T0.getTime() + i) }),
            LIMITS,
          );
        }
        const result = await store.reports.create(report({ guildId }), LIMITS);
        expect(result).toEqual({
          kind: 'limited',
          scope: 'guild',
          retryAt: new Date(T0.getTime() + 60_000),
        });
        // A DM report (no server) counts only against its member.
        expect((await store.reports.create(report({ guildId: null }), LIMITS)).kind).toBe(
          'created',
        );
      });

      test('GIVEN five reports from one member at the same moment WHEN the limit is two THEN exactly two are stored', async () => {
        const reporterId = freshGuild();
        const results = await Promise.all(
          Array.from({ length: 5 }, () => store.reports.create(report({ reporterId }), LIMITS)),
        );
        expect(results.filter((r) => r.kind === 'created')).toHaveLength(2);
        expect(results.filter((r) => r.kind === 'limited')).toHaveLength(3);
      });

      test('GIVEN an open report WHEN delivered and closed with a note THEN it leaves the open list; a second close changes nothing', async () => {
        const sent = report();
        await store.reports.create(sent, LIMITS);
        await store.reports.markDelivered(sent.id);
        expect((await store.reports.get(sent.id))?.delivered).toBe(true);
        const at = new Date(T0.getTime() + 5000);
        const closed = await store.reports.close(sent.id, 'Fixed in the data', at);
        expect(closed.kind).toBe('closed');
        expect(await store.reports.get(sent.id)).toMatchObject({
          state: 'closed',
          closeNote: 'Fixed in the data',
          closedAt: at,
        });
        const again = await store.reports.close(sent.id, 'other', new Date(T0.getTime() + 9000));
        expect(again).toMatchObject({
          kind: 'already-closed',
          report: { closeNote: 'Fixed in the data' },
        });
        expect((await store.reports.listOpen(10_000)).map((r) => r.id)).not.toContain(sent.id);
        expect(await store.reports.close('nope-not-an-id', 'x', at)).toEqual({ kind: 'not-found' });
      });
    });

    describe('follows', () => {
      test('GIVEN a member WHEN they follow two agreements THEN both are listed in order; again THEN already; unfollow THEN gone', async () => {
        const user = freshGuild();
        expect((await store.follows.add(user, 'de', 'en', T0, 5)).kind).toBe('added');
        expect(
          (await store.follows.add(user, 'fr', 'en', new Date(T0.getTime() + 1), 5)).kind,
        ).toBe('added');
        expect((await store.follows.add(user, 'de', 'en', T0, 5)).kind).toBe('already');
        // Following again in another language changes the DM's language, nothing else.
        expect(await store.follows.add(user, 'de', 'uk', T0, 5)).toMatchObject({
          kind: 'already',
          follow: { language: 'uk', createdAt: T0 },
        });
        expect((await store.follows.list(user)).map((f) => f.agreementId)).toEqual(['de', 'fr']);
        expect(await store.follows.remove(user, 'de')).toBe(true);
        expect(await store.follows.remove(user, 'de')).toBe(false);
        expect((await store.follows.list(user)).map((f) => f.agreementId)).toEqual(['fr']);
      });

      test('GIVEN a member at the cap WHEN they follow one more THEN too-many, nothing added', async () => {
        const user = freshGuild();
        await store.follows.add(user, 'de', 'en', T0, 2);
        await store.follows.add(user, 'fr', 'en', T0, 2);
        expect(await store.follows.add(user, 'jp', 'en', T0, 2)).toEqual({
          kind: 'too-many',
          max: 2,
        });
        expect(await store.follows.list(user)).toHaveLength(2);
      });

      test('GIVEN DMs refused WHEN paused THEN the follows leave the active list, the notice is told once, and following again resumes them all', async () => {
        const user = freshGuild();
        await store.follows.add(user, 'de', 'en', T0, 5);
        await store.follows.add(user, 'fr', 'en', T0, 5);
        await store.follows.pauseAll(user, new Date(T0.getTime() + 10));
        expect((await store.follows.active()).filter((f) => f.userId === user)).toEqual([]);
        expect((await store.follows.list(user)).every((f) => f.pausedAt !== null)).toBe(true);
        expect(await store.follows.takeNotice(user)).toBe(true);
        expect(await store.follows.takeNotice(user)).toBe(false);
        await store.follows.pauseAll(user, new Date(T0.getTime() + 20));
        const resumed = await store.follows.add(user, 'de', 'en', T0, 5);
        expect(resumed).toMatchObject({ kind: 'resumed', resumed: 2 });
        expect((await store.follows.active()).filter((f) => f.userId === user)).toHaveLength(2);
        // Resuming is the member acting: the notice about the old refusal is not told after it.
        expect(await store.follows.takeNotice(user)).toBe(false);
      });

      test('GIVEN a DM once-key WHEN ten workers claim it at once THEN one wins; settled THEN no one again', async () => {
        const user = freshGuild();
        const key = 'anniversary:de:2026';
        const wins = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.follows.claimDelivery({ userId: user, key, owner: `w${i}`, leaseMs: 60_000 }),
          ),
        );
        expect(wins.filter(Boolean)).toHaveLength(1);
        const winner = `w${wins.indexOf(true)}`;
        expect(await store.follows.settleDelivery(user, key, 'someone-else', 'sent')).toBe(false);
        expect(await store.follows.settledKeys(user, [key])).toEqual(new Set());
        expect(await store.follows.settleDelivery(user, key, winner, 'sent')).toBe(true);
        expect(await store.follows.settledKeys(user, [key, 'other'])).toEqual(new Set([key]));
        expect(
          await store.follows.claimDelivery({ userId: user, key, owner: 'late', leaseMs: 60_000 }),
        ).toBe(false);
      });

      test('GIVEN a claim whose worker died WHEN its lease lapses THEN another takes it over', async () => {
        const user = freshGuild();
        const key = 'change:de:abc';
        expect(
          await store.follows.claimDelivery({ userId: user, key, owner: 'dead', leaseMs: 30 }),
        ).toBe(true);
        expect(
          await store.follows.claimDelivery({ userId: user, key, owner: 'next', leaseMs: 30 }),
        ).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 120));
        expect(
          await store.follows.claimDelivery({ userId: user, key, owner: 'next', leaseMs: 60_000 }),
        ).toBe(true);
        expect(await store.follows.settleDelivery(user, key, 'dead', 'sent')).toBe(false);
        expect(await store.follows.settleDelivery(user, key, 'next', 'refused')).toBe(true);
      });
    });

    describe('polls', () => {
      const poll = (closesAt: Date) => ({
        messageId: freshGuild(),
        channelId: freshGuild(),
        guildId: freshGuild(),
        closesAt,
        language: 'uk',
      });

      test('GIVEN a poll recorded WHEN its close passes THEN it is due; before, not; recording again changes nothing', async () => {
        const p = poll(T0);
        await store.polls.record(p);
        await store.polls.record({ ...p, closesAt: new Date(T0.getTime() + 99_999) });
        expect(await store.polls.get(p.messageId)).toMatchObject({
          ...p,
          state: 'open',
          attempts: 0,
        });
        const before = await store.polls.due(new Date(T0.getTime() - 1), 10_000);
        expect(before.map((x) => x.messageId)).not.toContain(p.messageId);
        const after = await store.polls.due(T0, 10_000);
        expect(after.map((x) => x.messageId)).toContain(p.messageId);
      });

      test('GIVEN a due poll WHEN ten workers claim it at once THEN one gets it; posted THEN never due again', async () => {
        const p = poll(T0);
        await store.polls.record(p);
        const claims = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.polls.claim(p.messageId, `w${i}`, 60_000)),
        );
        const won = claims.filter((c) => c !== null);
        expect(won).toHaveLength(1);
        expect(won[0]).toMatchObject({ state: 'claimed', attempts: 1 });
        const owner = won[0]!.owner!;
        expect(
          (await store.polls.due(new Date(T0.getTime() + 1), 10_000)).map((x) => x.messageId),
        ).not.toContain(p.messageId);
        expect(
          await store.polls.settle(p.messageId, 'other', {
            state: 'posted',
            resultMessageId: '1'.repeat(18),
          }),
        ).toBe(false);
        const resultId = freshGuild();
        expect(
          await store.polls.settle(p.messageId, owner, {
            state: 'posted',
            resultMessageId: resultId,
          }),
        ).toBe(true);
        expect(await store.polls.get(p.messageId)).toMatchObject({
          state: 'posted',
          resultMessageId: resultId,
        });
        expect(await store.polls.claim(p.messageId, 'late', 60_000)).toBeNull();
      });

      test('GIVEN a claim released (not finalised yet) or lapsed THEN the poll is due again and counts attempts', async () => {
        const p = poll(T0);
        await store.polls.record(p);
        await store.polls.claim(p.messageId, 'a', 60_000);
        expect(await store.polls.release(p.messageId, 'b', 'not ours')).toBe(false);
        expect(await store.polls.release(p.messageId, 'a', 'not finalised')).toBe(true);
        expect(await store.polls.claim(p.messageId, 'b', 30)).toMatchObject({ attempts: 2 });
        await new Promise((resolve) => setTimeout(resolve, 120));
        const due = await store.polls.due(new Date(T0.getTime() + 1), 10_000);
        expect(due.map((x) => x.messageId)).toContain(p.messageId);
        const retaken = await store.polls.claim(p.messageId, 'c', 60_000);
        expect(retaken).toMatchObject({ owner: 'c', attempts: 3 });
        expect(
          await store.polls.settle(p.messageId, 'c', { state: 'gone', reason: 'message deleted' }),
        ).toBe(true);
        expect(await store.polls.get(p.messageId)).toMatchObject({
          state: 'gone',
          reason: 'message deleted',
        });
      });
    });
  });
}
