import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

/** How a child process ended: an exit code, or the signal that ended it. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnOptions {
  /** Shown in errors, e.g. 'bot' or 'floor bot'. */
  label: string;
  command: string;
  args: readonly string[];
  cwd: string;
  /** The whole environment: nothing of the parent's is passed unless listed here. */
  env: Readonly<Record<string, string>>;
}

/** A child process whose output is kept, line by line, so tests can wait on it and read it all. */
export interface ManagedProcess {
  readonly label: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** performance.now() at spawn. */
  readonly spawnedAt: number;
  /** Every stdout line so far (live). */
  readonly stdoutLines: readonly string[];
  /** Everything written to stdout and stderr so far, in arrival order per stream. */
  output(): string;
  /** The last lines of the output, for error messages. */
  tail(lines?: number): string;
  /** Resolves with the first stdout line (already seen or still to come) that matches. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number, what: string): Promise<string>;
  /** Resolves when the process has ended, however. */
  readonly exited: Promise<ExitStatus>;
  /** SIGTERM, then SIGKILL if it has not ended after `graceMs`. */
  stop(graceMs?: number): Promise<ExitStatus>;
  /** SIGKILL at once: the crash a supervisor sees, with no shutdown code run. */
  kill9(): Promise<ExitStatus>;
}

const DEFAULT_GRACE_MS = 5_000;

/** Spawns a process with piped output that is captured for the test to read. */
export function spawnManaged(options: SpawnOptions): ManagedProcess {
  const spawnedAt = performance.now();
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: { ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined)
    throw new Error(`${options.label}: could not spawn ${options.command}`);

  const stdoutLines: string[] = [];
  const chunks: string[] = [];
  const lineWaiters = new Set<(line: string) => void>();
  let exitStatus: ExitStatus | null = null;

  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdoutLines.push(line);
    chunks.push(`${line}\n`);
    for (const waiter of [...lineWaiters]) waiter(line);
  });

  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      exitStatus = { code, signal };
      for (const waiter of [...lineWaiters]) waiter('');
      resolve(exitStatus);
    });
  });

  const output = (): string => chunks.join('');
  const tail = (lines = 20): string => output().trimEnd().split('\n').slice(-lines).join('\n');

  function waitForLine(
    match: (line: string) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<string> {
    const seen = stdoutLines.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const finish = (outcome: () => void): void => {
        clearTimeout(timer);
        lineWaiters.delete(check);
        outcome();
      };
      const check = (line: string): void => {
        if (match(line)) finish(() => resolve(line));
        else if (exitStatus) {
          const status = exitStatus;
          finish(() =>
            reject(
              new Error(
                `${options.label} exited (${status.code ?? status.signal}) before ${what}:\n${tail()}`,
              ),
            ),
          );
        }
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(new Error(`${options.label}: no ${what} after ${timeoutMs} ms:\n${tail()}`)),
          ),
        timeoutMs,
      );
      lineWaiters.add(check);
      if (exitStatus) check('');
    });
  }

  async function stop(graceMs = DEFAULT_GRACE_MS): Promise<ExitStatus> {
    if (exitStatus) return exitStatus;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  async function kill9(): Promise<ExitStatus> {
    if (exitStatus) return exitStatus;
    child.kill('SIGKILL');
    return exited;
  }

  return {
    label: options.label,
    pid: child.pid,
    child,
    spawnedAt,
    stdoutLines,
    output,
    tail,
    waitForLine,
    exited,
    stop,
    kill9,
  };
}

/** The variables a child needs from the parent to find node and npm, and nothing else. */
export function baseEnv(): Record<string, string> {
  const { PATH = '', HOME = '' } = process.env;
  return { PATH, HOME };
}
