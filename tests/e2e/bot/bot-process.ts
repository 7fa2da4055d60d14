import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ManagedProcess } from './process.js';
import { baseEnv, spawnManaged } from './process.js';

/** The repository root, whatever the working directory of the test runner. */
export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/**
 * An obviously fake token, long and distinctive so a test can search logs for it. The emulator
 * accepts it when started with `{ token: FAKE_TOKEN }`.
 */
export const FAKE_TOKEN = 'fake-e2e-token.NOT-A-REAL-DISCORD-TOKEN.0123456789';

/** tsx's ESM loader by absolute URL, so `--import` works from a working directory outside the repo. */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** How to run the bot: its TypeScript source through tsx, or the output of `npm run build`. */
export type BotEntry = 'source' | 'built';

export interface BotOptions {
  /** The emulator's REST base URL (`handle.restUrl`). */
  apiUrl: string;
  token?: string;
  /** A folder for the store; reuse one to restart the bot on the same settings. Default: a new temp dir. */
  storeDir?: string;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  /** Default 'source'. */
  entry?: BotEntry;
  /** More environment, e.g. TZ, REPORT_URL, or libfaketime's FAKETIME. */
  env?: Readonly<Record<string, string>>;
  /** A command the bot runs under, e.g. ['faketime', '-f', '@2027-03-28 02:59:00']. */
  launcher?: readonly string[];
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
  nodeArgs?: readonly string[];
  readyTimeoutMs?: number;
}

/** One pino record from the bot's stdout. */
export interface LogRecord {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface BotProcess extends ManagedProcess {
  readonly storeDir: string;
  readonly storePath: string;
  /** Milliseconds from spawn to the `ready` log line. */
  readonly readyAfterMs: number;
  /** The stdout lines that are pino records, parsed. */
  logs(): LogRecord[];
  /** Resolves with the first log record (seen or to come) that matches. */
  waitForLog(
    match: (record: LogRecord) => boolean,
    timeoutMs?: number,
    what?: string,
  ): Promise<LogRecord>;
}

/** pino's numeric levels. */
export const LOG_LEVEL = { debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

export function parseLogLine(line: string): LogRecord | null {
  if (!line.startsWith('{')) return null;
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null && 'level' in value
      ? (value as LogRecord)
      : null;
  } catch {
    return null;
  }
}

/** A fresh folder for a bot's store (and anything else one run writes). */
export function tempStoreDir(): string {
  return mkdtempSync(join(tmpdir(), 'bot-e2e-'));
}

/**
 * Starts the real bot as its own process, configured only through its environment, and resolves
 * once it logs `ready`. Its working directory is the store folder, so no `.env` of the checkout is
 * read and nothing depends on where it runs.
 */
export async function startBot(options: BotOptions): Promise<BotProcess> {
  const storeDir = options.storeDir ?? tempStoreDir();
  const storePath = join(storeDir, 'store.json');
  const entry = options.entry ?? 'source';
  const script =
    entry === 'built'
      ? [join(ROOT, 'dist', 'src', 'index.js')]
      : ['--import', TSX_LOADER, join(ROOT, 'src', 'index.ts')];
  const nodeCommand = [process.execPath, ...(options.nodeArgs ?? []), ...script];
  const [command = process.execPath, ...args] = [...(options.launcher ?? []), ...nodeCommand];

  const managed = spawnManaged({
    label: 'bot',
    command,
    args,
    cwd: storeDir,
    env: {
      ...baseEnv(),
      ...options.env,
      DISCORD_TOKEN: options.token ?? FAKE_TOKEN,
      DISCORD_API_URL: options.apiUrl,
      STORE_PATH: storePath,
      LOG_LEVEL: options.logLevel ?? 'info',
    },
  });
  const logs = (): LogRecord[] => managed.stdoutLines.flatMap((line) => parseLogLine(line) ?? []);
  const waitForLog = async (
    match: (record: LogRecord) => boolean,
    timeoutMs = 10_000,
    what = 'matching log record',
  ): Promise<LogRecord> => {
    const line = await managed.waitForLine(
      (candidate) => {
        const record = parseLogLine(candidate);
        return record !== null && match(record);
      },
      timeoutMs,
      what,
    );
    return parseLogLine(line)!;
  };

  try {
    await waitForLog(
      (record) => record.msg === 'ready',
      options.readyTimeoutMs ?? 20_000,
      "'ready' log line",
    );
  } catch (error) {
    await managed.stop(1_000);
    throw error;
  }
  const readyAfterMs = performance.now() - managed.spawnedAt;
  return Object.assign(managed, { storeDir, storePath, readyAfterMs, logs, waitForLog });
}
