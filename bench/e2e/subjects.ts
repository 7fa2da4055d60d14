import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { EmulatorHandle } from '../../tests/e2e/emulator/index.js';
import { FAKE_TOKEN, ROOT, startBot, tempStoreDir } from '../../tests/e2e/bot/bot-process.js';
import type { ManagedProcess } from '../../tests/e2e/bot/process.js';
import { baseEnv, spawnManaged } from '../../tests/e2e/bot/process.js';

/** What the benchmark runs: the bot and the floor, both as plain JavaScript under `node`. */
export type SubjectName = 'floor' | 'bot';

export interface RunningSubject {
  name: SubjectName;
  process: ManagedProcess;
  readyAfterMs: number;
}

export const BUILT_FLOOR = join(ROOT, 'dist', 'bench', 'floor-bot.js');
const FLOOR_SOURCE = join(ROOT, 'tests', 'e2e', 'floor-bot.ts');

/**
 * Builds the bot (`npm run build`) and transpiles the one-file floor bot the same way, so both run
 * as plain JavaScript with no loader: the bot as it runs in production, and the floor without
 * tsx's start-up and memory that the bot would not pay.
 */
export function buildSubjects(): void {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const { outputText } = ts.transpileModule(readFileSync(FLOOR_SOURCE, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
    fileName: FLOOR_SOURCE,
  });
  mkdirSync(dirname(BUILT_FLOOR), { recursive: true });
  writeFileSync(BUILT_FLOOR, outputText);
}

export async function startSubject(
  name: SubjectName,
  handle: EmulatorHandle,
  nodeArgs: readonly string[] = [],
): Promise<RunningSubject> {
  if (name === 'bot') {
    const bot = await startBot({
      apiUrl: handle.restUrl,
      token: FAKE_TOKEN,
      entry: 'built',
      logLevel: 'info',
      nodeArgs,
    });
    return { name, process: bot, readyAfterMs: bot.readyAfterMs };
  }
  const floor = spawnManaged({
    label: 'floor bot',
    command: process.execPath,
    args: [...nodeArgs, BUILT_FLOOR],
    cwd: tempStoreDir(),
    env: { ...baseEnv(), EMULATOR_API: handle.restUrl, DISCORD_TOKEN: FAKE_TOKEN },
  });
  await floor.waitForLine((line) => line === 'ready', 20_000, "'ready' line");
  return { name, process: floor, readyAfterMs: performance.now() - floor.spawnedAt };
}
