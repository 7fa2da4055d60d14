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
    return [settings.rows, ledger.rows];
  } finally {
    await client.end();
  }
}

describe.skipIf(noPostgres)('npm run store:copy', { timeout: 90_000 }, () => {
  let folder: string;
  let file: string;
  let url: string;
  const [a, b, c] = [guildId(1), guildId(2), guildId(3)];

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
