import { describe, expect, test } from 'vitest';
import type { StorePorts } from '../../src/store/ports.js';
import type { NewSuggestion } from '../../src/store/suggestions.js';

/**
 * The suggestions port's contract, run inside the store contract (tests/store/contract.ts), so
 * memory, the JSON file and PostgreSQL each keep it. Guild and author ids are fresh per test;
 * times compared come from the backend's own answers.
 */
export function describeSuggestionsContract(
  store: () => StorePorts,
  freshGuild: () => string,
): void {
  const OPEN_ONLY = { maxOpen: 2, cooldownMs: 0 };
  const AUTHOR = '400000000000000001';
  const OTHER_AUTHOR = '400000000000000002';
  const ADMIN = '500000000000000001';
  const suggestion = (guildId: string, n = 1, authorId = AUTHOR): NewSuggestion => ({
    guildId,
    authorId,
    question: `Which guarantee matters most, question ${n}?`,
    answers: n % 2 === 0 ? ['Air defence', 'Money'] : null,
  });

  describe('suggestions', () => {
    test('GIVEN a new suggestion WHEN stored THEN it is open at version 1, read back as written, and counted', async () => {
      const guild = freshGuild();
      const made = await store().suggestions.create(suggestion(guild, 2), OPEN_ONLY);
      expect(made.kind).toBe('created');
      if (made.kind !== 'created') return;
      expect(made.suggestion).toMatchObject({
        guildId: guild,
        authorId: AUTHOR,
        question: 'Which guarantee matters most, question 2?',
        answers: ['Air defence', 'Money'],
        state: 'open',
        version: 1,
        reason: null,
        decidedBy: null,
        decidedAt: null,
        authorNotified: false,
      });
      expect(made.suggestion.id).toMatch(/^[a-z0-9]{4,16}$/);
      expect(await store().suggestions.get(guild, made.suggestion.id)).toEqual(made.suggestion);
      expect(await store().suggestions.countOpen(guild)).toBe(1);
      expect(await store().suggestions.get(freshGuild(), made.suggestion.id)).toBeNull();
    });

    test('GIVEN a member at the cap of open suggestions WHEN they suggest again THEN it is refused as cap; another member and another server are not affected', async () => {
      const guild = freshGuild();
      await store().suggestions.create(suggestion(guild, 1), OPEN_ONLY);
      await store().suggestions.create(suggestion(guild, 2), OPEN_ONLY);
      expect(await store().suggestions.create(suggestion(guild, 3), OPEN_ONLY)).toEqual({
        kind: 'cap',
        open: 2,
      });
      expect(
        (await store().suggestions.create(suggestion(guild, 3, OTHER_AUTHOR), OPEN_ONLY)).kind,
      ).toBe('created');
      expect((await store().suggestions.create(suggestion(freshGuild(), 3), OPEN_ONLY)).kind).toBe(
        'created',
      );
      expect(await store().suggestions.countOpen(guild)).toBe(3);
    });

    test('GIVEN a member at the cap WHEN one of theirs is decided THEN they may suggest again', async () => {
      const guild = freshGuild();
      const first = await store().suggestions.create(suggestion(guild, 1), OPEN_ONLY);
      await store().suggestions.create(suggestion(guild, 2), OPEN_ONLY);
      if (first.kind !== 'created') throw new Error('not created');
      await store().suggestions.decide(guild, first.suggestion.id, 1, {
        state: 'denied',
        by: ADMIN,
        reason: null,
      });
      expect((await store().suggestions.create(suggestion(guild, 3), OPEN_ONLY)).kind).toBe(
        'created',
      );
    });

    test('GIVEN a cooldown WHEN the member suggests again at once THEN it is refused with when they may, after their first', async () => {
      const guild = freshGuild();
      const limits = { maxOpen: 5, cooldownMs: 60_000 };
      const first = await store().suggestions.create(suggestion(guild, 1), limits);
      if (first.kind !== 'created') throw new Error('not created');
      const again = await store().suggestions.create(suggestion(guild, 2), limits);
      expect(again).toEqual({
        kind: 'cooldown',
        retryAt: new Date(first.suggestion.createdAt.getTime() + 60_000),
      });
      expect(
        (await store().suggestions.create(suggestion(guild, 2, OTHER_AUTHOR), limits)).kind,
      ).toBe('created');
    });

    test('GIVEN a burst of eight suggestions by one member at once WHEN the cap is 2 THEN exactly two are stored', async () => {
      const guild = freshGuild();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          store().suggestions.create(suggestion(guild, n), OPEN_ONLY),
        ),
      );
      expect(results.filter((r) => r.kind === 'created')).toHaveLength(2);
      expect(await store().suggestions.countOpen(guild)).toBe(2);
    });

    test('GIVEN two admins deciding the same version at once WHEN both settle THEN exactly one decided; the other sees the stored decision', async () => {
      const guild = freshGuild();
      const made = await store().suggestions.create(suggestion(guild), OPEN_ONLY);
      if (made.kind !== 'created') throw new Error('not created');
      const id = made.suggestion.id;
      const results = await Promise.all([
        store().suggestions.decide(guild, id, 1, { state: 'approved', by: ADMIN, reason: null }),
        store().suggestions.decide(guild, id, 1, {
          state: 'denied',
          by: '500000000000000002',
          reason: 'duplicate',
        }),
        store().suggestions.decide(guild, id, 1, { state: 'approved', by: ADMIN, reason: null }),
      ]);
      const decided = results.filter((r) => r.kind === 'decided');
      expect(decided).toHaveLength(1);
      const stored = await store().suggestions.get(guild, id);
      expect(stored?.version).toBe(2);
      for (const r of results) {
        if (r.kind === 'conflict') expect(r.current).toEqual(stored);
      }
      expect(stored?.decidedAt).not.toBeNull();
    });

    test('GIVEN a denial with a reason WHEN reconsidered with its new version THEN it is approved, the reason cleared, and it joins the approved rotation', async () => {
      const guild = freshGuild();
      const made = await store().suggestions.create(suggestion(guild), OPEN_ONLY);
      if (made.kind !== 'created') throw new Error('not created');
      const id = made.suggestion.id;
      const denied = await store().suggestions.decide(guild, id, 1, {
        state: 'denied',
        by: ADMIN,
        reason: 'Please add a source',
      });
      expect(denied).toMatchObject({
        kind: 'decided',
        suggestion: { state: 'denied', reason: 'Please add a source' },
      });
      expect((await store().suggestions.list(guild, 'denied', 0, 10)).total).toBe(1);
      expect(await store().suggestions.approved(guild)).toEqual([]);
      const approved = await store().suggestions.decide(guild, id, 2, {
        state: 'approved',
        by: ADMIN,
        reason: 'ignored on approval',
      });
      expect(approved).toMatchObject({
        kind: 'decided',
        suggestion: { state: 'approved', reason: null, version: 3 },
      });
      expect((await store().suggestions.approved(guild)).map((s) => s.id)).toEqual([id]);
    });

    test('GIVEN no such suggestion WHEN decided THEN not-found', async () => {
      expect(
        await store().suggestions.decide(freshGuild(), 'nosuch1', 1, {
          state: 'approved',
          by: ADMIN,
          reason: null,
        }),
      ).toEqual({ kind: 'not-found' });
    });

    test('GIVEN five open suggestions WHEN listed two at a time THEN the pages hold each once, oldest first, and the total is five', async () => {
      const guild = freshGuild();
      const ids: string[] = [];
      for (let n = 0; n < 5; n += 1) {
        const made = await store().suggestions.create(
          suggestion(guild, n, String(400000000000000010n + BigInt(n))),
          OPEN_ONLY,
        );
        if (made.kind === 'created') ids.push(made.suggestion.id);
      }
      const pages = await Promise.all(
        [0, 2, 4].map((offset) => store().suggestions.list(guild, 'open', offset, 2)),
      );
      expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
      const listed = pages.flatMap((p) => p.items);
      // Every one once, across the pages; oldest first (made in the same instant: any order).
      expect(listed.map((s) => s.id).sort()).toEqual([...ids].sort());
      const times = listed.map((s) => s.createdAt.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect((await store().suggestions.list(guild, 'approved', 0, 2)).total).toBe(0);
    });

    test('GIVEN decisions on a member’s suggestions WHEN their untold ones are taken THEN each is returned once; a DM marked told is not', async () => {
      const guild = freshGuild();
      const author = `4${freshGuild().slice(1)}`;
      const a = await store().suggestions.create(suggestion(guild, 1, author), OPEN_ONLY);
      const b = await store().suggestions.create(suggestion(guild, 2, author), OPEN_ONLY);
      if (a.kind !== 'created' || b.kind !== 'created') throw new Error('not created');
      expect(await store().suggestions.takeUntold(author)).toEqual([]);
      await store().suggestions.decide(guild, a.suggestion.id, 1, {
        state: 'approved',
        by: ADMIN,
        reason: null,
      });
      await store().suggestions.decide(guild, b.suggestion.id, 1, {
        state: 'denied',
        by: ADMIN,
        reason: null,
      });
      await store().suggestions.markNotified(guild, a.suggestion.id);
      const [first, second] = await Promise.all([
        store().suggestions.takeUntold(author),
        store().suggestions.takeUntold(author),
      ]);
      expect([...first, ...second].map((s) => s.id)).toEqual([b.suggestion.id]);
      expect(await store().suggestions.takeUntold(author)).toEqual([]);
    });
  });
}
