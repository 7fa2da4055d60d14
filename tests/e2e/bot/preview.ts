import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT, TSX_LOADER } from './bot-process.js';
import type { WireMessage } from './wire.js';

const run = promisify(execFile);

/** What the offline preview says the bot would send for a command line (`--json`). */
export async function previewJson(line: string, ...flags: string[]): Promise<WireMessage> {
  const { stdout } = await run(
    process.execPath,
    ['--import', TSX_LOADER, 'src/preview/main.ts', line, '--json', ...flags],
    { cwd: ROOT, timeout: 30_000 },
  );
  return JSON.parse(stdout) as WireMessage;
}
