import { existsSync } from 'node:fs';

/** Loads `.env` from the working directory if there is one; the environment wins over it. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Prints one line per problem and what to do, then exits: a failed start is no stack trace. */
export function exitWith(lines: readonly string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}
