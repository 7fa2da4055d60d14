import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FAKE_TOKEN, ROOT } from './bot-process.js';
import { baseEnv } from './process.js';

const run = promisify(execFile);

export interface DeployOptions {
  apiUrl: string;
  applicationId: string;
  /** Deploy to this guild (DISCORD_DEV_GUILD_ID); omit for a global deploy. */
  guildId?: string;
  token?: string;
}

export interface DeployResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run deploy-commands` exactly as an operator would, with only the environment set. */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const env: Record<string, string> = {
    ...baseEnv(),
    DISCORD_TOKEN: options.token ?? FAKE_TOKEN,
    DISCORD_APPLICATION_ID: options.applicationId,
    DISCORD_API_URL: options.apiUrl,
    ...(options.guildId ? { DISCORD_DEV_GUILD_ID: options.guildId } : {}),
  };
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'deploy-commands'], {
      cwd: ROOT,
      env,
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? String(error),
    };
  }
}
