import { describe, expect, test } from 'vitest';
import changelogJson from '../../src/data/changelog.json' with { type: 'json' };
import { bundledData, loadData, type Dataset } from '../../src/data/load.js';
import type { Change } from '../../src/data/records-schema.js';
import {
  GRACE_MS,
  MISSED_LOOKBACK_MS,
  nextDueTimes,
  postNonce,
  type DuePost,
} from '../../src/schedule/due.js';
import { LEDGER_RETENTION_MS } from '../../src/schedule/runner.js';
import { CHANGE_WINDOW_DAYS } from '../../src/schedule/schedule-index.js';
import type { GuildSettings } from '../../src/store/domain.js';
import { due as duePosts, GUILD, settings, simulate } from './helpers.js';

/*
 * Data-change announcements (issue 12): when a change to the data comes due for a server that
 * opted in, and when it never does. The cases add later changes to a copy of the bundled
 * changelog; what they expect of the bundled entries is read from its dates, not assumed (one
 * correction is of 28 November, the rest of 1 December).
 */

const DAY_MS = 86_400_000;
const MINUTE = 60_000;

/** A change as the schema has it (the JSON's own inferred types differ entry by entry). */
type ChangeJson = Change;

/** The bundled changes dated `day` or later, as ledger keys, in changelog order. */
function bundledKeysFrom(day: string): string[] {
  return changelogJson.filter((c) => c.date >= day).map((c) => `change:${c.id}`);
}

/** A change like the bundled first addition (same record, same sources), under another id and date. */
function change(id: string, date: string, overrides: Partial<ChangeJson> = {}): ChangeJson {
  const first = structuredClone(changelogJson.find((c) => c.kind === 'added')!);
  return {
    ...first,
    kind: first.kind === 'corrected' ? 'corrected' : 'added',
    id,
    date,
    ...overrides,
  };
}

function withChanges(...extra: ChangeJson[]): Dataset {
  return loadData({ ...bundledData, changelog: [...changelogJson, ...extra] });
}

/** A server with only change posts on, at 09:00 Kyiv, opted in at `since`. */
function optedIn(since: string, overrides: Partial<GuildSettings> = {}): GuildSettings {
  return settings({
    anniversaries: false,
    changes: { since },
    activeSince: '2026-11-01T00:00:00.000Z',
    ...overrides,
  });
}

function changePosts(
  now: string,
  s: GuildSettings,
  dataset: Dataset,
  posted: Iterable<string> = [],
): DuePost[] {
  return duePosts(now, s, posted, dataset).filter((p) => p.kind === 'change');
}

const keys = (posts: readonly DuePost[]) => posts.map((p) => p.key);

const DEC3 = withChanges(change('2026-12-03-new-record', '2026-12-03'));

describe('the opt-in boundary', () => {
  test('GIVEN a server that opted in on 2 December WHEN its posting time on 3 December comes THEN the change of 3 December is due, and none of the bundled ones', () => {
    const s = optedIn('2026-12-02T10:00:00.000Z');
    // 09:00 Kyiv is 07:00 UTC in December (EET).
    expect(changePosts('2026-12-03T06:59:00.000Z', s, DEC3)).toEqual([]);
    const due = changePosts('2026-12-03T07:00:00.000Z', s, DEC3);
    expect(due).toMatchObject([
      {
        status: 'due',
        kind: 'change',
        key: 'change:2026-12-03-new-record',
        localDate: '2026-12-03',
      },
    ]);
    expect(due[0]!.dueAt.toISOString()).toBe('2026-12-03T07:00:00.000Z');
  });

  test('GIVEN the bundled changes (of 28 November and 1 December) WHEN a server opts in on 2 December THEN none of them is ever due, over the whole week after', () => {
    const s = optedIn('2026-12-02T10:00:00.000Z');
    const { posted, missed } = simulate(
      '2026-12-02T10:00:00.000Z',
      '2026-12-10T12:00:00.000Z',
      s,
      30,
    );
    expect(posted.filter((p) => p.post.kind === 'change')).toEqual([]);
    expect(missed.filter((p) => p.post.kind === 'change')).toEqual([]);
  });

  test('GIVEN a server that opted in on 1 December at noon Kyiv (after its 09:00) WHEN the next posting time comes THEN the changes of that day are due then, not at 09:00 before the opt-in, and none from before that day', () => {
    const s = optedIn('2026-12-01T10:00:00.000Z');
    expect(changePosts('2026-12-01T10:30:00.000Z', s, DEC3)).toEqual([]);
    const due = changePosts('2026-12-02T07:00:00.000Z', s, DEC3);
    const ofDec1 = bundledKeysFrom('2026-12-01');
    // The correction of 28 November is still inside its window on 2 December, yet older than the opt-in.
    expect(ofDec1.length).toBeLessThan(changelogJson.length);
    expect(keys(due)).toEqual(ofDec1);
    for (const post of due) expect(post.localDate).toBe('2026-12-02');
  });

  test('GIVEN a server that opted in months ago WHEN its posting time on 3 December comes THEN every change of the last week not yet posted is due', () => {
    const s = optedIn('2026-06-01T10:00:00.000Z', { activeSince: '2026-05-01T00:00:00.000Z' });
    // Every bundled change, the one of 28 November too: its week runs to 5 December.
    const bundled = bundledKeysFrom('2026-11-28');
    expect(bundled).toHaveLength(changelogJson.length);
    expect(keys(changePosts('2026-12-03T07:00:00.000Z', s, DEC3))).toEqual([
      ...bundled,
      'change:2026-12-03-new-record',
    ]);
    expect(keys(changePosts('2026-12-03T07:00:00.000Z', s, DEC3, bundled))).toEqual([
      'change:2026-12-03-new-record',
    ]);
  });

  test.each([
    ['not opted in (settings from before the option)', {}],
    ['opted out again', { changes: null }],
  ])('GIVEN a server %s WHEN a change comes THEN nothing is due for it', (_, overrides) => {
    const s = settings({ anniversaries: false, ...overrides });
    for (const at of ['2026-12-01T07:00:00.000Z', '2026-12-03T07:00:00.000Z']) {
      expect(changePosts(at, s, DEC3)).toEqual([]);
    }
  });

  test('GIVEN a server resumed on 6 December WHEN its posting time comes THEN a change of 5 December (while paused) is not posted, one of 6 December is', () => {
    const dataset = withChanges(
      change('2026-12-05-while-paused', '2026-12-05'),
      change('2026-12-06-after-resume', '2026-12-06'),
    );
    const s = optedIn('2026-12-02T10:00:00.000Z', { activeSince: '2026-12-06T06:00:00.000Z' });
    expect(keys(changePosts('2026-12-06T07:00:00.000Z', s, dataset))).toEqual([
      'change:2026-12-06-after-resume',
    ]);
    expect(
      changePosts('2026-12-07T07:00:00.000Z', s, dataset, ['change:2026-12-06-after-resume']),
    ).toEqual([]);
  });

  test.each([
    ['paused', { paused: true }],
    ['blocked', { blocked: { reason: 'gone', code: 10003, since: '2026-12-02T00:00:00.000Z' } }],
  ])('GIVEN an opted-in server that is %s WHEN a change comes THEN nothing is due', (_, o) => {
    expect(
      changePosts('2026-12-03T07:00:00.000Z', optedIn('2026-12-02T10:00:00.000Z', o), DEC3),
    ).toEqual([]);
  });
});

describe('once per change', () => {
  test('GIVEN a change posted WHEN later posting times come THEN it is never due again', () => {
    const s = optedIn('2026-12-02T10:00:00.000Z');
    const posted = ['change:2026-12-03-new-record'];
    for (let day = 3; day <= 12; day += 1) {
      const at = `2026-12-${String(day).padStart(2, '0')}T07:00:00.000Z`;
      expect(changePosts(at, s, DEC3, posted)).toEqual([]);
    }
  });

  test('GIVEN three changes on one day WHEN due THEN three posts in changelog order, each with its own key and nonce; one already posted is left out', () => {
    const dataset = withChanges(
      change('2026-12-04-first', '2026-12-04'),
      change('2026-12-04-second', '2026-12-04', { kind: 'corrected' }),
      change('2026-12-04-third', '2026-12-04'),
    );
    const s = optedIn('2026-12-02T10:00:00.000Z');
    const due = changePosts('2026-12-04T07:00:00.000Z', s, dataset);
    expect(keys(due)).toEqual([
      'change:2026-12-04-first',
      'change:2026-12-04-second',
      'change:2026-12-04-third',
    ]);
    expect(new Set(due.map((p) => p.status === 'due' && p.nonce)).size).toBe(3);
    expect(due[1]).toMatchObject({ nonce: postNonce(GUILD, 'change:2026-12-04-second') });
    expect(
      keys(changePosts('2026-12-04T07:00:00.000Z', s, dataset, ['change:2026-12-04-second'])),
    ).toEqual(['change:2026-12-04-first', 'change:2026-12-04-third']);
  });

  test('GIVEN ticks every 5 minutes for ten days, each post logged as the runner does WHEN the loop restarts from the log THEN each change was posted exactly once', () => {
    const dataset = withChanges(
      change('2026-12-03-new-record', '2026-12-03'),
      change('2026-12-06-another', '2026-12-06'),
      change('2026-12-06-and-another', '2026-12-06'),
    );
    const s = optedIn('2026-12-02T10:00:00.000Z');
    const first = simulate('2026-12-02T10:00:00.000Z', '2026-12-04T12:00:00.000Z', s, 5, dataset);
    const before = first.posted.filter((p) => p.post.kind === 'change');
    expect(before.map((p) => [p.post.key, p.at])).toEqual([
      ['change:2026-12-03-new-record', '2026-12-03T07:00:00.000Z'],
    ]);
    // A restart: the same log (what the ledger keeps), a fresh loop over the rest of the days.
    const log = new Set(before.map((p) => p.post.key));
    const after: string[] = [];
    for (let t = Date.parse('2026-12-04T12:00:00.000Z'); t < Date.parse('2026-12-12');) {
      for (const post of changePosts(new Date(t).toISOString(), s, dataset, log)) {
        log.add(post.key);
        after.push(post.key);
      }
      t += 5 * MINUTE;
    }
    expect(after).toEqual(['change:2026-12-06-another', 'change:2026-12-06-and-another']);
  });
});

describe('when a change comes due', () => {
  test.each([
    // Auckland is a day ahead: its 5 December 09:00 is 4 December 20:00 UTC.
    ['Pacific/Auckland', '2026-12-04T20:00:00.000Z'],
    ['Europe/Kyiv', '2026-12-05T07:00:00.000Z'],
    ['UTC', '2026-12-05T09:00:00.000Z'],
    ['America/New_York', '2026-12-05T14:00:00.000Z'],
  ])(
    'GIVEN a server in %s posting at 09:00 WHEN the change of 5 December comes THEN it is due at %s, not a minute before',
    (timeZone, dueAt) => {
      const dataset = withChanges(change('2026-12-05-zones', '2026-12-05'));
      const s = optedIn('2026-12-02T10:00:00.000Z', { timeZone });
      const before = new Date(Date.parse(dueAt) - MINUTE).toISOString();
      expect(changePosts(before, s, dataset)).toEqual([]);
      const [post, ...rest] = changePosts(dueAt, s, dataset);
      expect(rest).toEqual([]);
      expect(post).toMatchObject({ key: 'change:2026-12-05-zones', localDate: '2026-12-05' });
      expect(post!.dueAt.toISOString()).toBe(dueAt);
    },
  );

  test('GIVEN an opt-in at 23:30 UTC on 4 December WHEN a change of 4 December comes THEN New York (still the 4th there) gets it and Auckland (already the 5th) does not', () => {
    const dataset = withChanges(change('2026-12-04-late', '2026-12-04'));
    const since = '2026-12-04T23:30:00.000Z';
    const ny = optedIn(since, { timeZone: 'America/New_York' });
    const auckland = optedIn(since, { timeZone: 'Pacific/Auckland' });
    expect(keys(changePosts('2026-12-05T14:00:00.000Z', ny, dataset))).toEqual([
      'change:2026-12-04-late',
    ]);
    for (const at of ['2026-12-05T20:00:00.000Z', '2026-12-06T20:00:00.000Z']) {
      expect(changePosts(at, auckland, dataset)).toEqual([]);
    }
  });

  test('GIVEN a change that shipped three days after its date WHEN the next posting time comes THEN it is due then, not reported missed', () => {
    const s = optedIn('2026-11-30T10:00:00.000Z');
    const due = duePosts('2026-12-04T07:05:00.000Z', s, [], DEC3);
    expect(due.every((p) => p.status === 'due')).toBe(true);
    // Opted in on 30 November: the correction of 28 November came before, so it is not among them.
    const sinceOptIn = bundledKeysFrom('2026-11-30');
    expect(sinceOptIn.length).toBeLessThan(changelogJson.length);
    expect(keys(due)).toEqual([...sinceOptIn, 'change:2026-12-03-new-record']);
    for (const post of due) expect(post.dueAt.toISOString()).toBe('2026-12-04T07:00:00.000Z');
  });

  test('GIVEN a posting time passed more than the grace window ago WHEN asked THEN nothing is due until the next one', () => {
    const s = optedIn('2026-12-02T10:00:00.000Z');
    const late = new Date(Date.parse('2026-12-03T07:00:00.000Z') + GRACE_MS + MINUTE);
    expect(changePosts(late.toISOString(), s, DEC3)).toEqual([]);
    expect(keys(changePosts('2026-12-04T07:00:00.000Z', s, DEC3))).toEqual([
      'change:2026-12-03-new-record',
    ]);
  });

  test(`GIVEN a change not yet posted WHEN ${CHANGE_WINDOW_DAYS} days have passed THEN it is still due; a day later it never is`, () => {
    const s = optedIn('2026-12-02T10:00:00.000Z');
    expect(keys(changePosts('2026-12-10T07:00:00.000Z', s, DEC3))).toEqual([
      'change:2026-12-03-new-record',
    ]);
    for (const at of ['2026-12-11T07:00:00.000Z', '2026-12-20T07:00:00.000Z']) {
      expect(changePosts(at, s, DEC3)).toEqual([]);
    }
  });

  test('GIVEN the ledger prunes settled entries after its retention WHEN a change could still come due THEN its entry is not yet prunable: the window ends well before', () => {
    // Posted at the latest on the last day of the window (plus the grace); pruned no earlier
    // than the retention after that, when the window has long closed.
    const lastDue = (CHANGE_WINDOW_DAYS + 1) * DAY_MS + GRACE_MS + MISSED_LOOKBACK_MS;
    expect(lastDue).toBeLessThan(LEDGER_RETENTION_MS);
  });
});

describe('nextDueTimes (for /schedule status)', () => {
  test('GIVEN a change pending WHEN status is asked THEN the next change post is the next posting time; posted, there is none', () => {
    const s = optedIn('2026-12-02T10:00:00.000Z');
    const now = new Date('2026-12-02T12:00:00.000Z');
    expect(nextDueTimes(now, s, new Set(), DEC3).change?.toISOString()).toBe(
      '2026-12-03T07:00:00.000Z',
    );
    expect(nextDueTimes(now, s, new Set(['change:2026-12-03-new-record']), DEC3).change).toBe(
      undefined,
    );
    expect(nextDueTimes(now, settings({ anniversaries: false }), new Set(), DEC3).change).toBe(
      undefined,
    );
  });
});
