import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for the tests and the bench: initdb into a temp folder, start it
 * on a free port, stop it and delete the folder at the end. Debian's binaries live in
 * /usr/lib/postgresql/<major>/bin; initdb refuses to run as root, so as root every command runs
 * as the `postgres` user (runuser) and that user is given the folder.
 */

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/postgres: the admin database. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** `pg_ctl stop -m fast`: the server goes away, the data stays. */
  stop(): void;
  /** Starts it again on the same data and port. */
  start(): void;
  /** Stops it for good and deletes its folder. */
  destroy(): void;
}

/**
 * PG_BIN when set (null if it holds no initdb: how to try a machine without PostgreSQL), else
 * the newest Debian PostgreSQL's bin folder, else null.
 */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, tool: string, args: string[]): void {
  const [command, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]]
    : [join(bin, tool), args];
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** Starts a server; throws if PostgreSQL is not installed (check findPostgresBin first). */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error('no PostgreSQL installed (looked in /usr/lib/postgresql/*/bin, PG_BIN)');
  const folder = mkdtempSync(join(tmpdir(), 'pg-test-'));
  // The postgres user must reach the folder; mkdtemp makes it 0700 for root.
  chmodSync(folder, 0o777);
  if (asRoot) execFileSync('chown', ['postgres', folder]);
  const dataDir = join(folder, 'data');
  const logFile = join(folder, 'log');
  const port = await freePort();
  run(bin, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  // Durability is not what a throwaway server is for: fsync off makes it several times faster.
  const options = [
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder}`,
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200',
  ].join(' ');
  const start = () =>
    run(bin, 'pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-o', options, 'start']);
  const stop = () => run(bin, 'pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  start();
  // If this process dies without destroy() (a killed test run), a watchdog stops the server and
  // deletes its folder, so no orphan keeps a port and a temp folder.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ` +
        `${asRoot ? 'runuser -u postgres -- ' : ''}${join(bin, 'pg_ctl')} -D ${dataDir} -m immediate stop; ` +
        `rm -rf ${folder}`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  let destroyed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop,
    start,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        run(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      if (watchdog.pid) {
        try {
          process.kill(watchdog.pid);
        } catch {
          // Already gone.
        }
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on the server; returns its URL. One per test file keeps files apart. */
export async function createDatabase(adminUrl: string, label: string): Promise<string> {
  const name = `${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${Math.floor(
    Math.random() * 1e9,
  )}`.slice(0, 63);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
