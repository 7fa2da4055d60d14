import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { packageRoot } from '../../../src/store/postgres/migrate.js';
import { openJsonStore } from '../../../src/store/store.js';
import {
  claimFor,
  freshDatabase,
  guildId,
  noPostgres,
  openOn,
  recordingLog,
  settingsFor,
} from './harness.js';

const ROOT = packageRoot();
/** Every community table (issue 13), each ordered by its first two columns in the dump. */
const COMMUNITY_TABLES = [
  'suggestions',
  'fact_reports',
  'follows',
  'follow_notices',
  'follow_deliveries',
  'polls',
];
const MEMBER = '400000000000000001';
const CLOSED_DMS = '400000000000000002';
const POLL_MESSAGE = '500000000000000001';
const LIMITS = {
  suggestions: { maxOpen: 3, cooldownMs: 0 },
  reports: {
    perMember: { max: 5, windowMs: 3_600_000 },
    perGuild: { max: 20, windowMs: 3_600_000 },
  },
};

/** The real command, as an operator runs it. */
function storeCopy(from: string, to: string) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/store/postgres/copy-main.ts', '--from', from, '--to', to],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, out: result.stdout, err: result.stderr };
}

async function dump(url: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const settings = await client.query('SELECT * FROM settings ORDER BY guild_id');
    const ledger = await client.query('SELECT * FROM ledger ORDER BY guild_id, key');
    const community = [];
    for (const table of COMMUNITY_TABLES) {
      community.push((await client.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows);
    }
    return [settings.rows, ledger.rows, ...community];
  } finally {
    await client.end();
  }
}

describe.skipIf(noPostgres)('npm run store:copy', { timeout: 90_000 }, () => {
  let folder: string;
  let file: string;
  let url: string;
  const [a, b, c] = [guildId(1), guildId(2), guildId(3)];
  let suggestionId = '';

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'store-copy-'));
    file = join(folder, 'store.json');
    url = await freshDatabase('copy');
    const json = await openJsonStore(file, recordingLog());
    await json.settings.put(a, settingsFor({ hour: 7 }), null);
    await json.settings.put(a, settingsFor({ hour: 8 }), 1);
    await json.settings.put(b, settingsFor({ paused: true }), null);
    await json.settings.put(c, settingsFor(), null);
    await json.ledger.claim(claimFor(a, 'anniversary:2026-02-16', 'json'));
    await json.ledger.complete(a, 'anniversary:2026-02-16', 'json', '300000000000000001', null);
    await json.ledger.claim(claimFor(b, 'prompt:2026-02-16', 'json'));
    await json.ledger.giveUp(b, 'prompt:2026-02-16', 'json', 'skipped', 'paused');
    // The community's collections: one entry in each, decided, delivered or settled as the bot
    // leaves them.
    const created = await json.suggestions.create(
      {
        guildId: a,
        authorId: MEMBER,
        question: 'Which partner delivered most?',
        answers: ['A', 'B'],
      },
      LIMITS.suggestions,
    );
    if (created.kind !== 'created') throw new Error('no suggestion');
    suggestionId = created.suggestion.id;
    await json.suggestions.decide(a, suggestionId, 1, {
      state: 'approved',
      by: '400000000000000009',
      reason: null,
    });
    await json.reports.create(
      {
        id: 'R0123456789',
        guildId: a,
        reporterId: MEMBER,
        recordId: 'de',
        field: 'signed',
        text: 'The date looks wrong to me.',
        sourceUrl: 'https://example.org/source',
        createdAt: new Date('2026-12-01T10:00:00Z'),
      },
      LIMITS.reports,
    );
    await json.reports.markDelivered('R0123456789');
    await json.follows.add(MEMBER, 'de', 'en', new Date('2026-12-01T10:00:00Z'), 40);
    await json.follows.add(CLOSED_DMS, 'fr', 'uk', new Date('2026-12-01T10:00:00Z'), 40);
    const dm = { userId: MEMBER, key: 'anniversary:de:2027', owner: 'json', leaseMs: 60_000 };
    await json.follows.claimDelivery(dm);
    await json.follows.settleDelivery(MEMBER, dm.key, 'json', 'sent');
    await json.follows.pauseAll(CLOSED_DMS, new Date('2026-12-02T10:00:00Z'));
    await json.polls.record({
      messageId: POLL_MESSAGE,
      channelId: '500000000000000002',
      guildId: a,
      closesAt: new Date('2026-12-02T10:00:00Z'),
      language: 'en',
    });
    await json.polls.claim(POLL_MESSAGE, 'json', 60_000);
    await json.polls.settle(POLL_MESSAGE, 'json', {
      state: 'posted',
      resultMessageId: '500000000000000003',
    });
    await json.close();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('GIVEN a JSON store WHEN copied twice THEN the second copy changes nothing and settled posts stay settled', async () => {
    const first = storeCopy(file, url);
    expect(first.err).not.toMatch(/failed/);
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/settings: 3 copied, 0 already/);
    expect(first.out).toMatch(/ledger: +2 copied, 0 already/);
    const after = await dump(url);

    const second = storeCopy(file, url);
    expect(second.status).toBe(0);
    expect(second.out).toMatch(/settings: 0 copied, 3 already/);
    expect(second.out).toMatch(/ledger: +0 copied, 2 already/);
    expect(await dump(url)).toEqual(after);
    for (const [label, count] of [
      ['suggestions', 1],
      ['reports', 1],
      ['follows', 2],
      ['follow notices', 1],
      ['follow DMs', 1],
      ['polls', 1],
    ] as const) {
      expect(first.out).toMatch(new RegExp(`${label}: +${count} copied, 0 already`));
      expect(second.out).toMatch(new RegExp(`${label}: +0 copied, ${count} already`));
    }

    const store = await openOn(url);
    try {
      expect(await store.settings.get(a)).toMatchObject({ version: 2, value: { hour: 8 } });
      expect((await store.settings.get(b))?.value.paused).toBe(true);
      const keys = await store.ledger.settledKeys([a, b, c]);
      expect(keys.get(a)?.has('anniversary:2026-02-16')).toBe(true);
      expect(keys.get(b)?.has('prompt:2026-02-16')).toBe(true);
      // Nothing is posted again: a claim on a copied post finds it settled.
      const again = await store.ledger.claim(claimFor(a, 'anniversary:2026-02-16', 'pg'));
      expect(again).toMatchObject({
        kind: 'settled',
        entry: { state: 'posted', messageId: '300000000000000001' },
      });
    } finally {
      await store.close();
    }
  });

  test('GIVEN the copied community collections WHEN PostgreSQL’s ports read them THEN each is as the file had it, and nothing is sent or posted again', async () => {
    const store = await openOn(url);
    try {
      expect(await store.suggestions.get(a, suggestionId)).toMatchObject({
        state: 'approved',
        answers: ['A', 'B'],
        version: 2,
        authorNotified: false,
      });
      // Still untold: the author hears of it at their next use, once.
      expect((await store.suggestions.takeUntold(MEMBER)).map((x) => x.id)).toEqual([suggestionId]);
      expect(await store.reports.get('R0123456789')).toMatchObject({
        state: 'open',
        delivered: true,
        text: 'The date looks wrong to me.',
        sourceUrl: 'https://example.org/source',
      });
      expect((await store.follows.list(MEMBER)).map((f) => [f.agreementId, f.pausedAt])).toEqual([
        ['de', null],
      ]);
      expect((await store.follows.active()).map((f) => f.userId)).toEqual([MEMBER]);
      expect(await store.follows.takeNotice(CLOSED_DMS)).toBe(true);
      // The anniversary DM was sent from the file: PostgreSQL will not send it again.
      expect(
        await store.follows.claimDelivery({
          userId: MEMBER,
          key: 'anniversary:de:2027',
          owner: 'pg',
          leaseMs: 60_000,
        }),
      ).toBe(false);
      expect(await store.polls.get(POLL_MESSAGE)).toMatchObject({
        state: 'posted',
        resultMessageId: '500000000000000003',
      });
      expect(await store.polls.due(new Date('2027-01-01T00:00:00Z'), 10)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  test('GIVEN settings changed in PostgreSQL after the copy WHEN copied again THEN the change stands', async () => {
    const store = await openOn(url);
    try {
      const current = (await store.settings.get(c))!;
      await store.settings.put(c, { ...current.value, hour: 20 }, current.version);
    } finally {
      await store.close();
    }
    expect(storeCopy(file, url).status).toBe(0);
    const check = await openOn(url);
    try {
      expect((await check.settings.get(c))?.value.hour).toBe(20);
    } finally {
      await check.close();
    }
  });

  test('GIVEN a missing file or no URL WHEN run THEN it fails with a usage line, not a stack', () => {
    const missing = storeCopy(join(folder, 'nope.json'), url);
    expect(missing.status).toBe(1);
    expect(missing.err).toMatch(/store:copy failed: .*ENOENT/);
    const noUrl = storeCopy(file, 'not-a-url');
    expect(noUrl.status).toBe(2);
    expect(noUrl.err).toMatch(/usage: npm run store:copy/);
  });
});
