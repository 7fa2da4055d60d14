import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { packageRoot, readMigrations } from '../../../src/store/postgres/migrate.js';
import { freshDatabase, noPostgres, openOn, settingsFor } from './harness.js';

const ROOT = packageRoot();

/** Opens the store in a child process of its own, which prints what its migration run did. */
function openInChild(url: string): Promise<string> {
  const script = `
    import { openPostgresStore } from './src/store/postgres/index.ts';
    const lines = [];
    const log = { info: (o, m) => lines.push(JSON.stringify(o)), warn() {}, error() {} };
    const store = await openPostgresStore(process.env.URL, log);
    await store.close();
    console.log(lines.join('|') || 'none');
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: ROOT,
        env: { ...process.env, URL: url },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(err))));
  });
}

describe.skipIf(noPostgres)('PostgreSQL migrations', () => {
  test('GIVEN an empty database WHEN two processes open the store at once THEN each migration is applied once', async () => {
    const url = await freshDatabase('migrate_race');
    const outputs = await Promise.all([openInChild(url), openInChild(url)]);
    const versions = readMigrations().map((m) => m.version);
    // One process applied everything; the other waited on the lock and found nothing to do.
    expect(outputs.sort()).toEqual(['none', JSON.stringify({ applied: versions })]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: string }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(versions);
  }, 60_000);

  test('GIVEN a migrated database WHEN opened again THEN nothing is applied and data stays', async () => {
    const url = await freshDatabase('migrate_again');
    const first = await openOn(url);
    await first.settings.put('100000000000000009', settingsFor(), null);
    await first.close();
    const second = await openOn(url);
    expect(await second.settings.get('100000000000000009')).not.toBeNull();
    await second.close();
  });

  test('the migrations are found from the package root, so the compiled dist/ finds them too', () => {
    expect(readMigrations().length).toBeGreaterThan(0);
    expect(packageRoot(join(ROOT, 'dist', 'src', 'store', 'postgres'))).toBe(ROOT);
  });
});
