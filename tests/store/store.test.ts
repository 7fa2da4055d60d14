import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { GuildSettings } from '../../src/store/domain.js';
import { STORE_VERSION, type PostLogEntry } from '../../src/store/schema.js';
import { openStore, POST_LOG_RETENTION_MS, type StoreLog } from '../../src/store/store.js';

const GUILD = '111111111111111111';
const OTHER = '222222222222222222';
const NOW = new Date('2026-02-16T07:00:00.000Z');

function settings(overrides: Partial<GuildSettings> = {}): GuildSettings {
  return {
    channelId: '333333333333333333',
    hour: 9,
    minute: 0,
    timeZone: 'Europe/Kyiv',
    paused: false,
    blocked: null,
    anniversaries: true,
    digest: { enabled: true, weekday: 1 },
    prompts: 'weekly',
    pingRoleId: null,
    language: null,
    promptsSeen: [],
    activeSince: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function entry(overrides: Partial<PostLogEntry> = {}): PostLogEntry {
  return {
    guildId: GUILD,
    kind: 'anniversary',
    key: 'anniversary:2026-02-16',
    localDate: '2026-02-16',
    status: 'posted',
    messageId: '444444444444444444',
    at: NOW.toISOString(),
    reason: null,
    ...overrides,
  };
}

interface Logged {
  level: 'info' | 'warn' | 'error';
  msg: string;
}
function recordingLog(): StoreLog & { lines: Logged[] } {
  const lines: Logged[] = [];
  return {
    lines,
    info: (_obj, msg) => lines.push({ level: 'info', msg }),
    warn: (_obj, msg) => lines.push({ level: 'warn', msg }),
    error: (_obj, msg) => lines.push({ level: 'error', msg }),
  };
}

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-test-'));
  path = join(dir, 'store.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (log: StoreLog = recordingLog()) => openStore(path, log, { now: () => NOW });

describe('openStore', () => {
  test('GIVEN no file WHEN opened THEN it starts empty and writes nothing until a change', async () => {
    const store = await open();
    expect(store.outcome).toEqual({ kind: 'new' });
    expect(store.guildIds()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  test('GIVEN saved settings and posts WHEN reopened THEN both come back from disk', async () => {
    const first = await open();
    await first.setGuild(GUILD, settings());
    await first.recordPost(entry());
    const second = await open();
    expect(second.outcome).toEqual({ kind: 'loaded' });
    expect(second.getGuild(GUILD)).toEqual(settings());
    expect(second.hasPost(GUILD, 'anniversary:2026-02-16')).toBe(true);
    expect(second.hasPost(OTHER, 'anniversary:2026-02-16')).toBe(false);
    expect([...second.postedKeys(GUILD)]).toEqual(['anniversary:2026-02-16']);
    const onDisk = JSON.parse(await readFile(path, 'utf8')) as { version: number };
    expect(onDisk.version).toBe(STORE_VERSION);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(await readFile(path, 'utf8'));
  });

  test.each([
    ['corrupt JSON', '{"version": 2, "guilds": {'],
    ['an empty file', ''],
    [
      'schema-invalid JSON',
      JSON.stringify({ version: 2, guilds: { [GUILD]: { hour: 31 } }, posts: [] }),
    ],
    ['no version', JSON.stringify({ guilds: {}, posts: [] })],
    ['a newer version', JSON.stringify({ version: 99, guilds: {}, posts: [] })],
  ])(
    'GIVEN %s and a good backup WHEN opened THEN the file is kept aside, the backup served and the error logged',
    async (_name, text) => {
      const first = await open();
      await first.setGuild(GUILD, settings({ hour: 10 }));
      await writeFile(path, text);
      const log = recordingLog();
      const store = await open(log);
      expect(store.outcome.kind).toBe('recovered');
      expect(store.getGuild(GUILD)?.hour).toBe(10);
      const files = await readdir(dir);
      const aside = files.find((f) => f.startsWith('store.json.corrupt-'));
      expect(aside).toBeDefined();
      expect(await readFile(join(dir, aside!), 'utf8')).toBe(text);
      expect(log.lines.filter((l) => l.level === 'error').length).toBeGreaterThanOrEqual(2);
      // The recovered copy is written back where the bad file was.
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({
        guilds: { [GUILD]: { hour: 10 } },
      });
    },
  );

  test('GIVEN a corrupt file and no backup WHEN opened THEN it serves empty settings and keeps the file aside', async () => {
    await writeFile(path, 'not json at all');
    const log = recordingLog();
    const store = await open(log);
    expect(store.outcome.kind).toBe('reset');
    expect(store.guildIds()).toEqual([]);
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('store.json.corrupt-'))).toBe(true);
    expect(log.lines.some((l) => l.level === 'error' && l.msg.includes('NO GOOD COPY'))).toBe(true);
    await store.setGuild(GUILD, settings());
    expect((await open()).getGuild(GUILD)).toBeDefined();
  });

  test('GIVEN a corrupt file and a corrupt backup WHEN opened THEN both are kept aside', async () => {
    await writeFile(path, '{');
    await writeFile(`${path}.bak`, '[');
    const store = await open();
    expect(store.outcome.kind).toBe('reset');
    const files = await readdir(dir);
    expect(files.filter((f) => f.includes('.corrupt-'))).toHaveLength(2);
  });

  test('GIVEN the file is missing but a backup exists WHEN opened THEN the backup is recovered', async () => {
    const first = await open();
    await first.setGuild(GUILD, settings());
    await rm(path);
    const store = await open();
    expect(store.outcome).toMatchObject({ kind: 'recovered', aside: null });
    expect(store.getGuild(GUILD)).toEqual(settings());
  });

  test('GIVEN a corrupt file kept aside earlier WHEN another is kept aside at the same instant THEN neither is overwritten', async () => {
    await writeFile(path, '{one');
    await open();
    await writeFile(path, '{two');
    await open();
    const asides = (await readdir(dir)).filter((f) => f.startsWith('store.json.corrupt-'));
    const texts = await Promise.all(asides.map((f) => readFile(join(dir, f), 'utf8')));
    expect(texts.sort()).toEqual(['{one', '{two']);
  });
});

describe('migration', () => {
  const v1 = {
    version: 1,
    guilds: {
      [GUILD]: {
        channelId: '333333333333333333',
        time: '08:30',
        timeZone: 'America/New_York',
        paused: false,
        blocked: null,
        anniversaries: true,
        digest: true,
        digestWeekday: 5,
        prompts: 'daily',
        pingRoleId: null,
        promptsSeen: ['shea-psychological'],
      },
    },
    posts: [
      {
        guildId: GUILD,
        kind: 'digest',
        localDate: '2026-02-13',
        status: 'posted',
        messageId: null,
        at: '2026-02-13T13:30:00.000Z',
      },
      {
        guildId: GUILD,
        kind: 'prompt',
        localDate: '2026-02-13',
        status: 'skipped',
        messageId: null,
        at: '2026-02-13T20:00:00.000Z',
      },
    ],
  };

  test('GIVEN a version 1 file WHEN opened THEN it is migrated, validated, saved as version 2 and the original kept', async () => {
    const text = JSON.stringify(v1);
    await writeFile(path, text);
    const log = recordingLog();
    const store = await open(log);
    expect(store.outcome).toMatchObject({ kind: 'migrated', from: 1 });
    expect(store.getGuild(GUILD)).toMatchObject({
      hour: 8,
      minute: 30,
      digest: { enabled: true, weekday: 5 },
      language: null,
      promptsSeen: ['shea-psychological'],
    });
    expect(store.hasPost(GUILD, 'digest:2026-W07')).toBe(true);
    expect(store.hasPost(GUILD, 'prompt:2026-02-13')).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 2 });
    const copy = (await readdir(dir)).find((f) => f.startsWith('store.json.v1-'));
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(text);
    expect(log.lines.some((l) => l.level === 'warn' && l.msg.includes('migrated'))).toBe(true);
  });

  test('GIVEN a version 1 weekly prompt WHEN migrated THEN it settles its week, as version 2 keys weekly prompts', async () => {
    const weekly = {
      ...v1,
      guilds: { [GUILD]: { ...v1.guilds[GUILD], prompts: 'weekly' } },
      posts: [{ ...v1.posts[1], status: 'posted' }],
    };
    await writeFile(path, JSON.stringify(weekly));
    const store = await open();
    expect(store.outcome).toMatchObject({ kind: 'migrated', from: 1 });
    expect(store.hasPost(GUILD, 'prompt:2026-W07')).toBe(true);
  });

  test('GIVEN a version 1 file that breaks the version 1 schema WHEN opened THEN it is treated as corrupt', async () => {
    await writeFile(path, JSON.stringify({ ...v1, guilds: { [GUILD]: { time: '25:00' } } }));
    const store = await open();
    expect(store.outcome.kind).toBe('reset');
  });
});

describe('writes', () => {
  test('GIVEN many changes made while a write is in flight WHEN all settle THEN the file holds every change and is valid', async () => {
    const store = await open();
    const writes = Array.from({ length: 40 }, (_, i) =>
      store.setGuild(`1${String(i).padStart(17, '0')}`, settings({ minute: i })),
    );
    writes.push(store.recordPost(entry()));
    await Promise.all(writes);
    const reopened = await open();
    expect(reopened.guildIds()).toHaveLength(40);
    expect(reopened.getGuild(`1${'0'.repeat(15)}39`)?.minute).toBe(39);
    expect(reopened.hasPost(GUILD, 'anniversary:2026-02-16')).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['store.json', 'store.json.bak']);
  });

  test('GIVEN an update not awaited WHEN flush resolves THEN the update is on disk', async () => {
    const store = await open();
    await store.setGuild(GUILD, settings());
    void store.updateGuild(GUILD, (s) => ({ ...s, paused: true }));
    await store.flush();
    expect((await open()).getGuild(GUILD)?.paused).toBe(true);
  });

  test('GIVEN settings that break the schema WHEN set THEN it throws and nothing changes', async () => {
    const store = await open();
    await expect(store.setGuild(GUILD, settings({ hour: 24 }))).rejects.toThrow();
    expect(store.getGuild(GUILD)).toBeUndefined();
  });

  test('GIVEN an unknown guild WHEN updated THEN nothing is created', async () => {
    const store = await open();
    expect(await store.updateGuild(GUILD, (s) => s)).toBeUndefined();
    expect(store.guildIds()).toEqual([]);
  });

  test('GIVEN a guild WHEN deleted THEN its settings go and its post log stays', async () => {
    const store = await open();
    await store.setGuild(GUILD, settings());
    await store.recordPost(entry());
    expect(await store.deleteGuild(GUILD)).toBe(true);
    const reopened = await open();
    expect(reopened.getGuild(GUILD)).toBeUndefined();
    expect(reopened.hasPost(GUILD, 'anniversary:2026-02-16')).toBe(true);
  });

  test('GIVEN old entries WHEN a newer one of the same kind is recorded THEN entries past the retention go and the newest of other kinds stay', async () => {
    const store = await open();
    const old = new Date(NOW.getTime() - POST_LOG_RETENTION_MS - 1000).toISOString();
    await store.recordPost(
      entry({ key: 'anniversary:2025-01-01', localDate: '2025-01-01', at: old }),
    );
    await store.recordPost(
      entry({ kind: 'digest', key: 'digest:2025-W01', localDate: '2025-01-01', at: old }),
    );
    await store.recordPost(entry());
    expect(store.hasPost(GUILD, 'anniversary:2025-01-01')).toBe(false);
    expect(store.hasPost(GUILD, 'digest:2025-W01')).toBe(true);
    expect(store.postsFor(GUILD).map((p) => p.key)).toEqual([
      'anniversary:2026-02-16',
      'digest:2025-W01',
    ]);
  });

  test('GIVEN an entry for a key already logged WHEN recorded again THEN it replaces the first', async () => {
    const store = await open();
    await store.recordPost(entry({ status: 'failed', messageId: null, reason: 'rate limited' }));
    await store.recordPost(entry());
    expect(store.postsFor(GUILD)).toEqual([entry()]);
  });
});
