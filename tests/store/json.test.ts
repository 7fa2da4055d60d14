import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { GuildSettings } from '../../src/store/domain.js';
import { StoreLockedError } from '../../src/store/lock.js';
import type { StorePorts } from '../../src/store/ports.js';
import { STORE_VERSION } from '../../src/store/schema.js';
import { openJsonStore, type StoreLog } from '../../src/store/store.js';
import { describeCommunityContract } from './community-contract.js';
import {
  describeStoreContract,
  describeWriteFailureContract,
  settings as contractSettings,
} from './contract.js';

const GUILD = '111111111111111111';
const OTHER = '222222222222222222';
const NOW = new Date('2026-02-16T07:00:00.000Z');
const KEY = 'anniversary:2026-02-16';

const settings = (overrides: Partial<GuildSettings> = {}): GuildSettings =>
  contractSettings(overrides);

interface Logged {
  level: 'info' | 'warn' | 'error';
  msg: string;
  obj: object;
}
function recordingLog(): StoreLog & { lines: Logged[] } {
  const lines: Logged[] = [];
  return {
    lines,
    info: (obj, msg) => lines.push({ level: 'info', msg, obj }),
    warn: (obj, msg) => lines.push({ level: 'warn', msg, obj }),
    error: (obj, msg) => lines.push({ level: 'error', msg, obj }),
  };
}
/** The stable `event` field of a logged line: tests assert on it, not on the wording. */
const eventOf = (line: Logged): unknown => (line.obj as { event?: unknown }).event;
const quiet: StoreLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-test-'));
  path = join(dir, 'store.json');
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

async function openContractFile(): Promise<StorePorts> {
  const folder = await mkdtemp(join(tmpdir(), 'store-contract-'));
  const store = await openJsonStore(join(folder, 'store.json'), quiet);
  return {
    ...store,
    async close() {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
describeCommunityContract('json file', openContractFile);
describeWriteFailureContract('json file', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'store-contract-'));
  const file = join(folder, 'store.json');
  const store = await openJsonStore(file, quiet);
  return {
    store: {
      ...store,
      async close() {
        await store.close().catch(() => undefined);
        await rm(folder, { recursive: true, force: true });
      },
    },
    // The file's place taken by a folder with something in it: the rename onto it fails.
    async refuseWrites() {
      // Force: a store with nothing written yet has no file.
      await rm(file, { force: true });
      await mkdir(join(file, 'in-the-way'), { recursive: true });
    },
  };
});

describeStoreContract('json file', openContractFile);

const open = (log: StoreLog = recordingLog(), keepAside?: number) =>
  openJsonStore(path, log, { now: () => NOW, ...(keepAside ? { keepAside } : {}) });

const valueOf = async (store: StorePorts, id = GUILD) => (await store.settings.get(id))?.value;
const settled = async (store: StorePorts, id = GUILD) => [
  ...((await store.ledger.settledKeys([id])).get(id) ?? []),
];
/** The claim these tests make: one anniversary post, owned by 'me'. */
const claimOf = (key = KEY, id = GUILD) =>
  ({
    guildId: id,
    key,
    kind: 'anniversary',
    localDate: '2026-02-16',
    nonce: 'n',
    owner: 'me',
    leaseMs: 60_000,
    retakeWindowMs: 150_000,
  }) as const;
async function post(store: StorePorts, key = KEY, id = GUILD): Promise<void> {
  await store.ledger.claim(claimOf(key, id));
  await store.ledger.complete(id, key, 'me', '444444444444444444', null);
}
const onDisk = async () =>
  JSON.parse(await readFile(path, 'utf8')) as {
    version: number;
    guilds: Record<string, unknown>;
    versions: Record<string, number>;
    ledger: { guildId: string; key: string; state: string }[];
  };

describe('openJsonStore', () => {
  test('GIVEN no file WHEN opened THEN it starts empty and writes nothing but its lock until a change', async () => {
    const store = await open();
    expect(store.outcome).toEqual({ kind: 'new' });
    expect(await store.settings.get(GUILD)).toBeNull();
    expect(await readdir(dir)).toEqual(['store.json.lock']);
    await store.close();
    expect(await readdir(dir)).toEqual([]);
  });

  test('GIVEN saved settings and ledger entries WHEN reopened THEN both come back from disk, with versions and times', async () => {
    const first = await open();
    await first.settings.put(GUILD, settings(), null);
    await first.settings.put(GUILD, settings({ hour: 10 }), 1);
    await post(first);
    await first.close();
    const second = await open();
    expect(second.outcome).toEqual({ kind: 'loaded' });
    expect(await second.settings.get(GUILD)).toEqual({ value: settings({ hour: 10 }), version: 2 });
    expect(await settled(second)).toEqual([KEY]);
    expect(await settled(second, OTHER)).toEqual([]);
    const [entry] = await second.ledger.recent(GUILD, 1);
    expect(entry).toMatchObject({ state: 'posted', at: NOW, firstClaimedAt: NOW, attempts: 1 });
    expect((await onDisk()).version).toBe(STORE_VERSION);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(await readFile(path, 'utf8'));
  });

  test.each([
    ['corrupt JSON', '{"version": 3, "guilds": {'],
    ['an empty file', ''],
    [
      'a broken frame (guilds as a list)',
      JSON.stringify({ version: 3, guilds: [], versions: {}, ledger: [], notices: {} }),
    ],
    ['no version', JSON.stringify({ guilds: {}, posts: [] })],
    ['a newer version', JSON.stringify({ version: 99, guilds: {}, posts: [] })],
  ])(
    'GIVEN %s and a good backup WHEN opened THEN the file is kept aside, the backup served and the error logged',
    async (_name, text) => {
      const first = await open();
      await first.settings.put(GUILD, settings({ hour: 10 }), null);
      await first.close();
      await writeFile(path, text);
      const log = recordingLog();
      const store = await open(log);
      expect(store.outcome.kind).toBe('recovered');
      expect((await valueOf(store))?.hour).toBe(10);
      const files = await readdir(dir);
      const aside = files.find((f) => f.startsWith('store.json.corrupt-'));
      expect(aside).toBeDefined();
      expect(await readFile(join(dir, aside!), 'utf8')).toBe(text);
      expect(log.lines.filter((l) => l.level === 'error').length).toBeGreaterThanOrEqual(2);
      // The recovered copy is written back where the bad file was.
      expect(await onDisk()).toMatchObject({ guilds: { [GUILD]: { hour: 10 } } });
    },
  );

  test('GIVEN a corrupt file and no backup WHEN opened THEN it serves empty settings and keeps the file aside', async () => {
    await writeFile(path, 'not json at all');
    const log = recordingLog();
    const store = await open(log);
    expect(store.outcome.kind).toBe('reset');
    expect(await store.settings.get(GUILD)).toBeNull();
    const files = await readdir(dir);
    expect(files.some((f) => f.startsWith('store.json.corrupt-'))).toBe(true);
    expect(log.lines.some((l) => l.level === 'error' && eventOf(l) === 'store-reset')).toBe(true);
    await store.settings.put(GUILD, settings(), null);
    await store.close();
    expect(await valueOf(await open())).toBeDefined();
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
    await first.settings.put(GUILD, settings(), null);
    await first.close();
    await rm(path);
    const store = await open();
    expect(store.outcome).toMatchObject({ kind: 'recovered', aside: null });
    expect(await valueOf(store)).toEqual(settings());
  });

  test('GIVEN a corrupt file kept aside earlier WHEN another is kept aside at the same instant THEN neither is overwritten', async () => {
    await writeFile(path, '{one');
    await (await open()).close();
    await writeFile(path, '{two');
    await (await open()).close();
    const asides = (await readdir(dir)).filter((f) => f.startsWith('store.json.corrupt-'));
    const texts = await Promise.all(asides.map((f) => readFile(join(dir, f), 'utf8')));
    expect(texts.sort()).toEqual(['{one', '{two']);
  });

  test('GIVEN corrupt files found again and again WHEN each is kept aside THEN only the newest few copies stay', async () => {
    for (let i = 0; i < 6; i += 1) {
      await writeFile(path, `{broken ${i}`);
      await (await open(recordingLog(), 3)).close();
    }
    const asides = (await readdir(dir)).filter((f) => f.startsWith('store.json.corrupt-')).sort();
    expect(asides).toHaveLength(3);
    const texts = await Promise.all(asides.map((f) => readFile(join(dir, f), 'utf8')));
    expect(texts.sort()).toEqual(['{broken 3', '{broken 4', '{broken 5']);
  });
});

describe('one broken entry', () => {
  const v3 = (guilds: Record<string, unknown>, ledger: unknown[] = []) =>
    JSON.stringify({ version: 3, guilds, versions: {}, ledger, notices: {} });

  test('GIVEN one server’s settings break the schema WHEN opened THEN only that entry is set aside, logged, and its admin has a notice once; the rest is served', async () => {
    const broken = { ...settings(), hour: 31 };
    await writeFile(path, v3({ [GUILD]: broken, [OTHER]: settings({ hour: 8 }) }));
    const log = recordingLog();
    const store = await open(log);

    expect(store.outcome).toEqual({ kind: 'loaded' });
    expect(await store.settings.get(GUILD)).toBeNull();
    expect(await valueOf(store, OTHER)).toEqual(settings({ hour: 8 }));
    expect(store.setAside).toMatchObject({ guildIds: [GUILD], entries: 1 });
    const kept = JSON.parse(await readFile(store.setAside!.file, 'utf8')) as {
      entries: { part: string; guildId: string; raw: unknown; problem: string }[];
    };
    expect(kept.entries).toEqual([
      {
        part: 'guilds',
        guildId: GUILD,
        raw: broken,
        problem: expect.stringContaining('hour') as unknown,
      },
    ]);
    expect(log.lines.some((l) => l.level === 'error' && eventOf(l) === 'store-set-aside')).toBe(
      true,
    );
    // The file on disk no longer holds the broken entry.
    expect(Object.keys((await onDisk()).guilds)).toEqual([OTHER]);

    expect(await store.notices?.take(GUILD)).toEqual({ kind: 'settings-quarantined', at: NOW });
    expect(await store.notices?.take(GUILD)).toBeNull();
    expect(await store.notices?.take(OTHER)).toBeNull();
  });

  test('GIVEN a notice not yet read WHEN the bot restarts THEN it is still there', async () => {
    await writeFile(path, v3({ [GUILD]: { hour: 31 } }));
    await (await open()).close();
    const store = await open();
    expect(await store.notices?.take(GUILD)).toMatchObject({ kind: 'settings-quarantined' });
  });

  test('GIVEN a key that is not a Discord id WHEN opened THEN that entry is set aside', async () => {
    await writeFile(path, v3({ 'not-an-id': settings(), [OTHER]: settings() }));
    const store = await open();
    expect(store.setAside?.guildIds).toEqual(['not-an-id']);
    expect(await valueOf(store, OTHER)).toEqual(settings());
  });

  /** A settled ledger entry as the file keeps it, for tests that break one beside it. */
  const postedEntry = () => ({
    guildId: GUILD,
    key: KEY,
    kind: 'anniversary',
    localDate: '2026-02-16',
    state: 'posted',
    owner: null,
    nonce: 'n',
    attempts: 1,
    firstClaimedAt: null,
    leaseUntil: null,
    messageId: null,
    reason: null,
    pendingThread: null,
    at: NOW.toISOString(),
  });

  test('GIVEN one broken ledger entry WHEN opened THEN it alone is set aside and the others still settle their keys', async () => {
    const good = postedEntry();
    const bad = { ...good, key: 'digest:2026-W08', state: 'maybe' };
    await writeFile(path, v3({ [GUILD]: settings() }, [good, bad]));
    const store = await open();
    expect(await settled(store)).toEqual([KEY]);
    expect(await valueOf(store)).toEqual(settings());
    expect(store.setAside).toMatchObject({ guildIds: [], entries: 1 });
  });

  test('GIVEN a ledger entry dated 30 February WHEN opened THEN it is set aside, as the data files refuse that date', async () => {
    const good = postedEntry();
    const impossible = { ...good, key: 'anniversary:2026-02-30', localDate: '2026-02-30' };
    await writeFile(path, v3({ [GUILD]: settings() }, [good, impossible]));
    const store = await open();
    expect(await settled(store)).toEqual([KEY]);
    expect(store.setAside).toMatchObject({ guildIds: [], entries: 1 });
  });

  test('GIVEN broken entries found on many starts WHEN each is set aside THEN only the newest few files stay', async () => {
    for (let i = 0; i < 5; i += 1) {
      await writeFile(path, v3({ [GUILD]: { hour: i } }));
      await (await open(recordingLog(), 2)).close();
    }
    const files = (await readdir(dir)).filter((f) => f.startsWith('store.json.set-aside-'));
    expect(files).toHaveLength(2);
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

  test('GIVEN a version 1 file WHEN opened THEN it is migrated, validated, saved as the current version and the original kept', async () => {
    const text = JSON.stringify(v1);
    await writeFile(path, text);
    const log = recordingLog();
    const store = await open(log);
    expect(store.outcome).toMatchObject({ kind: 'migrated', from: 1 });
    expect(await store.settings.get(GUILD)).toMatchObject({
      version: 1,
      value: {
        hour: 8,
        minute: 30,
        digest: { enabled: true, weekday: 5 },
        language: null,
        promptsSeen: ['shea-psychological'],
      },
    });
    expect((await settled(store)).sort()).toEqual(['digest:2026-W07', 'prompt:2026-02-13']);
    expect(await onDisk()).toMatchObject({ version: STORE_VERSION });
    const copy = (await readdir(dir)).find((f) => f.startsWith('store.json.v1-'));
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(text);
    expect(log.lines.some((l) => l.level === 'warn' && eventOf(l) === 'store-migrated')).toBe(true);
  });

  test('GIVEN a version 1 weekly prompt WHEN migrated THEN it settles its week, as later versions key weekly prompts', async () => {
    const weekly = {
      ...v1,
      guilds: { [GUILD]: { ...v1.guilds[GUILD], prompts: 'weekly' } },
      posts: [{ ...v1.posts[1], status: 'posted' }],
    };
    await writeFile(path, JSON.stringify(weekly));
    const store = await open();
    expect(store.outcome).toMatchObject({ kind: 'migrated', from: 1 });
    expect(await settled(store)).toEqual(['prompt:2026-W07']);
  });

  test('GIVEN a version 1 file that breaks the version 1 schema WHEN opened THEN it is treated as corrupt', async () => {
    await writeFile(path, JSON.stringify({ ...v1, guilds: { [GUILD]: { time: '25:00' } } }));
    const store = await open();
    expect(store.outcome.kind).toBe('reset');
  });

  const v2 = {
    version: 2,
    guilds: { [GUILD]: settings({ hour: 7 }), [OTHER]: settings() },
    posts: [
      {
        guildId: GUILD,
        kind: 'anniversary',
        key: KEY,
        localDate: '2026-02-16',
        status: 'posted',
        messageId: '444444444444444444',
        at: '2026-02-16T07:00:05.000Z',
        reason: null,
      },
      {
        guildId: OTHER,
        kind: 'digest',
        key: 'digest:2026-W08',
        localDate: '2026-02-16',
        status: 'failed',
        messageId: null,
        at: '2026-02-16T07:03:00.000Z',
        reason: 'Invalid Form Body',
      },
    ],
  };

  test('GIVEN a version 2 file WHEN opened THEN its post log becomes settled ledger entries, its settings version 1, and the original is kept', async () => {
    const text = JSON.stringify(v2);
    await writeFile(path, text);
    const store = await open();
    expect(store.outcome).toMatchObject({ kind: 'migrated', from: 2 });
    expect(await store.settings.get(GUILD)).toEqual({ value: settings({ hour: 7 }), version: 1 });
    expect(await store.ledger.recent(GUILD, 5)).toEqual([
      {
        guildId: GUILD,
        key: KEY,
        kind: 'anniversary',
        localDate: '2026-02-16',
        state: 'posted',
        owner: null,
        nonce: expect.any(String) as unknown,
        attempts: 1,
        firstClaimedAt: null,
        leaseUntil: null,
        messageId: '444444444444444444',
        reason: null,
        pendingThread: null,
        at: new Date('2026-02-16T07:00:05.000Z'),
      },
    ]);
    expect(await store.ledger.recent(OTHER, 5)).toEqual([
      expect.objectContaining({ state: 'failed', reason: 'Invalid Form Body', attempts: 0 }),
    ]);
    // Settled: a claim finds nothing to do, so nothing is posted again.
    const claim = await store.ledger.claim(claimOf());
    expect(claim.kind).toBe('settled');
    const copy = (await readdir(dir)).find((f) => f.startsWith('store.json.v2-'));
    expect(await readFile(join(dir, copy!), 'utf8')).toBe(text);
    expect(await onDisk()).toMatchObject({ version: 3, versions: { [GUILD]: 1, [OTHER]: 1 } });
  });

  test('GIVEN a version 2 file with one broken server entry WHEN opened THEN it is migrated and only that entry set aside', async () => {
    await writeFile(
      path,
      JSON.stringify({ ...v2, guilds: { ...v2.guilds, [GUILD]: { channelId: 'x' } } }),
    );
    const store = await open();
    expect(store.outcome).toMatchObject({ kind: 'migrated', from: 2 });
    expect(store.setAside?.guildIds).toEqual([GUILD]);
    expect(await valueOf(store, OTHER)).toEqual(settings());
    expect(await settled(store)).toEqual([KEY]);
  });
});

describe('writes', () => {
  test('GIVEN many changes made while a write is in flight WHEN all settle THEN the file holds every change and is valid', async () => {
    const store = await open();
    const ids = Array.from({ length: 40 }, (_, i) => `1${String(i).padStart(17, '0')}`);
    const writes: Promise<unknown>[] = ids.map((id, i) =>
      store.settings.put(id, settings({ minute: i }), null),
    );
    writes.push(post(store));
    await Promise.all(writes);
    await store.close();
    const reopened = await open();
    expect((await reopened.settings.getMany(ids)).size).toBe(40);
    expect((await valueOf(reopened, ids[39]))?.minute).toBe(39);
    expect(await settled(reopened)).toEqual([KEY]);
    expect((await readdir(dir)).sort()).toEqual([
      'store.json',
      'store.json.bak',
      'store.json.lock',
    ]);
  });

  test('GIVEN a burst of writes WHEN a second has passed THEN the backup holds the last of them, without a close', async () => {
    // The second passes on a fake clock: the backup's once-a-second timer and its Date.now()
    // move together, and the files are still written for real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const store = await open();
    await store.settings.put(GUILD, settings(), null);
    for (let hour = 5; hour <= 9; hour += 1) {
      const current = await store.settings.get(GUILD);
      await store.settings.put(GUILD, settings({ hour }), current!.version);
    }
    await vi.advanceTimersByTimeAsync(1_300);
    await store.flush();
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(await readFile(path, 'utf8'));
    expect((await onDisk()).guilds[GUILD]).toMatchObject({ hour: 9 });
  });

  test('GIVEN a write not awaited WHEN flush resolves THEN it is on disk', async () => {
    const store = await open();
    await store.settings.put(GUILD, settings(), null);
    void store.settings.put(GUILD, settings({ paused: true }), 1);
    await store.flush();
    expect((await onDisk()).guilds[GUILD]).toMatchObject({ paused: true });
  });

  test('GIVEN the disk refuses a write WHEN settings are written or a post claimed THEN each rejects and memory is as before', async () => {
    const store = await open(quiet);
    await store.settings.put(GUILD, settings(), null);
    // The file's place taken by a folder with something in it: the rename onto it fails.
    await rm(path);
    await mkdir(join(path, 'in-the-way'), { recursive: true });

    await expect(store.settings.put(GUILD, settings({ paused: true }), 1)).rejects.toThrow();
    expect(await store.settings.get(GUILD)).toEqual({ value: settings(), version: 1 });
    await expect(post(store)).rejects.toThrow();
    expect(await settled(store)).toEqual([]);
    expect(await store.ledger.recent(GUILD, 5)).toEqual([]);
  });

  test('GIVEN a guild WHEN its settings are deleted THEN its ledger stays on disk', async () => {
    const store = await open();
    await store.settings.put(GUILD, settings(), null);
    await post(store);
    expect(await store.settings.delete(GUILD)).toBe(true);
    await store.close();
    const reopened = await open();
    expect(await reopened.settings.get(GUILD)).toBeNull();
    expect(await settled(reopened)).toEqual([KEY]);
  });

  test('GIVEN many posts recorded WHEN none is pruned THEN writes keep every entry: pruning is a periodic job', async () => {
    const store = await open();
    for (let day = 1; day <= 20; day += 1) {
      await post(store, `anniversary:2025-01-${String(day).padStart(2, '0')}`);
    }
    expect((await onDisk()).ledger).toHaveLength(20);
    expect(await store.ledger.prune(new Date(NOW.getTime() + 1))).toBe(19);
    expect((await onDisk()).ledger).toHaveLength(1);
  });
});

describe('one process', () => {
  const lockWith = (pid: number, host = hostname()) =>
    writeFile(`${path}.lock`, JSON.stringify({ pid, host, since: NOW.toISOString() }));

  test('GIVEN another live process holds the file WHEN opened THEN it is refused, naming the pid and the way out', async () => {
    // The test runner's parent process: alive, and not this one.
    await lockWith(process.ppid);
    const opening = open();
    await expect(opening).rejects.toBeInstanceOf(StoreLockedError);
    await expect(opening).rejects.toThrow(new RegExp(`pid ${process.ppid}.*DATABASE_URL`));
    expect(JSON.parse(await readFile(`${path}.lock`, 'utf8'))).toMatchObject({
      pid: process.ppid,
    });
  });

  test('GIVEN the lock of a process that is gone (killed -9) WHEN opened THEN it is taken over with a warning', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    await lockWith(gone);
    const log = recordingLog();
    const store = await open(log);
    expect(log.lines.some((l) => l.level === 'warn' && eventOf(l) === 'store-lock-taken')).toBe(
      true,
    );
    expect(JSON.parse(await readFile(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await store.close();
    expect((await readdir(dir)).includes('store.json.lock')).toBe(false);
  });

  test('GIVEN a lock from another machine WHEN opened THEN it is taken over with a loud error', async () => {
    await lockWith(1, 'some-other-host');
    const log = recordingLog();
    await open(log);
    expect(
      log.lines.some((l) => l.level === 'error' && eventOf(l) === 'store-lock-taken-remote'),
    ).toBe(true);
  });
});
