import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { StoreLog } from './store.js';

/** Another live process on this machine holds the file: the JSON store is for one process. */
export class StoreLockedError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(
      `${path} is open in another process (pid ${pid}). The JSON store serves one process only: ` +
        'stop the other one, or run several on PostgreSQL (DATABASE_URL).',
    );
    this.name = 'StoreLockedError';
  }
}

interface LockBody {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockBody | null> {
  try {
    const body = JSON.parse(await readFile(path, 'utf8')) as Partial<LockBody>;
    return typeof body.pid === 'number' && typeof body.host === 'string'
      ? { pid: body.pid, host: body.host, since: String(body.since ?? '') }
      : null;
  } catch {
    return null;
  }
}

/** Stores of this process by lock path: a process may open its own file more than once. */
const heldHere = new Map<string, number>();

/**
 * Takes `<store>.lock`, holding this process's pid. A live process on this machine holding it
 * refuses the open; a dead one's lock (a crash, kill -9) is taken over with a warning; one from
 * another machine (a shared volume) cannot be checked, so it is taken over with a loud error in
 * the log. Returns the release.
 */
export async function lockStoreFile(
  storePath: string,
  log: StoreLog,
  now: () => Date,
): Promise<() => Promise<void>> {
  const path = `${storePath}.lock`;
  const here = heldHere.get(path) ?? 0;
  if (here === 0) {
    const found = await readLock(path);
    const host = hostname();
    if (found && found.pid !== process.pid) {
      if (found.host === host && isAlive(found.pid))
        throw new StoreLockedError(storePath, found.pid);
      if (found.host === host) {
        log.warn(
          { event: 'store-lock-taken', path, pid: found.pid },
          'store: taking over the lock of a process that is gone',
        );
      } else {
        log.error(
          { event: 'store-lock-taken-remote', path, pid: found.pid, host: found.host },
          'store: THE FILE IS LOCKED FROM ANOTHER MACHINE; taking it over. Two bots on one JSON file lose each other’s writes',
        );
      }
    }
    const body: LockBody = { pid: process.pid, host, since: now().toISOString() };
    await writeFile(path, `${JSON.stringify(body)}\n`);
  }
  heldHere.set(path, here + 1);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const left = (heldHere.get(path) ?? 1) - 1;
    if (left > 0) {
      heldHere.set(path, left);
      return;
    }
    heldHere.delete(path);
    const found = await readLock(path);
    if (found?.pid === process.pid) await unlink(path).catch(() => undefined);
  };
}
