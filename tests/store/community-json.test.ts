import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { STORE_VERSION } from '../../src/store/schema.js';
import { openJsonStore, type StoreLog } from '../../src/store/store.js';

const quiet: StoreLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const USER = '333333333333333333';
const GUILD = '444444444444444444';
const MESSAGE = '555555555555555555';
const T0 = new Date('2026-03-01T10:00:00.000Z');
const LIMITS = { perMember: { max: 5, windowMs: 60_000 }, perGuild: { max: 5, windowMs: 60_000 } };

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'community-json-'));
  path = join(dir, 'store.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('GIVEN a file written before the community collections existed WHEN opened THEN it loads as it was, with none of them', async () => {
  const old = { version: STORE_VERSION, guilds: {}, versions: {}, ledger: [], notices: {} };
  await writeFile(path, JSON.stringify(old));
  const store = await openJsonStore(path, quiet);
  expect(store.outcome.kind).toBe('loaded');
  expect(store.setAside).toBeNull();
  expect(await store.reports.listOpen(10)).toEqual([]);
  expect(await store.follows.active()).toEqual([]);
  await store.close();
});

test('GIVEN a report, a paused follow, a sent DM and a claimed poll WHEN the process restarts THEN all are read back as they were', async () => {
  const first = await openJsonStore(path, quiet);
  await first.reports.create(
    {
      id: 'rabc123',
      guildId: GUILD,
      reporterId: USER,
      recordId: 'de',
      field: 'place',
      text: 'Wrong city',
      sourceUrl: 'https://example.org/x',
      createdAt: T0,
    },
    LIMITS,
  );
  await first.follows.add(USER, 'de', 'uk', T0, 10);
  await first.follows.pauseAll(USER, T0);
  await first.follows.claimDelivery({
    userId: USER,
    key: 'anniversary:de:2026',
    owner: 'a',
    leaseMs: 1000,
  });
  await first.follows.settleDelivery(USER, 'anniversary:de:2026', 'a', 'refused');
  await first.polls.record({
    messageId: MESSAGE,
    channelId: GUILD,
    guildId: GUILD,
    closesAt: T0,
    language: 'en',
  });
  await first.polls.claim(MESSAGE, 'a', 60_000);
  await first.close();

  const text = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown[]>;
  expect(text.reports).toHaveLength(1);
  expect(text.polls).toHaveLength(1);

  const second = await openJsonStore(path, quiet);
  expect(second.setAside).toBeNull();
  expect(await second.reports.get('rabc123')).toMatchObject({
    field: 'place',
    state: 'open',
    createdAt: T0,
  });
  expect(await second.follows.list(USER)).toEqual([
    { userId: USER, agreementId: 'de', language: 'uk', createdAt: T0, pausedAt: T0 },
  ]);
  expect(await second.follows.takeNotice(USER)).toBe(true);
  expect(await second.follows.settledKeys(USER, ['anniversary:de:2026'])).toEqual(
    new Set(['anniversary:de:2026']),
  );
  expect(await second.polls.get(MESSAGE)).toMatchObject({
    state: 'claimed',
    owner: 'a',
    attempts: 1,
  });
  await second.close();
});

test('GIVEN one broken report in the file WHEN opened THEN it alone is set aside and the rest load', async () => {
  const file = {
    version: STORE_VERSION,
    guilds: {},
    versions: {},
    ledger: [],
    notices: {},
    reports: [{ id: 'broken' }],
    follows: [
      {
        userId: USER,
        agreementId: 'de',
        language: 'en',
        createdAt: T0.toISOString(),
        pausedAt: null,
      },
    ],
  };
  await writeFile(path, JSON.stringify(file));
  const store = await openJsonStore(path, quiet);
  expect(store.setAside?.entries).toBe(1);
  expect(await store.follows.list(USER)).toHaveLength(1);
  await store.close();
});
