import { Events } from 'discord.js';
import { commands } from './commands/index.js';
import { readConfig } from './config.js';
import { DataError, loadData } from './data/load.js';
import { createClient } from './discord/client.js';
import { createInteractionRouter } from './discord/router.js';
import { exitWith, loadDotEnv } from './env.js';
import { createLogger } from './log.js';

loadDotEnv();
const configResult = readConfig(process.env);
if (!configResult.ok) {
  exitWith([
    `Cannot start: ${configResult.problems.join('; ')}. Set it in .env or the environment (see .env.example), or try the bot offline: npm run -s preview -- '/agreement partner:Germany'`,
  ]);
}
const config = configResult.config;
const log = createLogger(config.LOG_LEVEL);

let data;
try {
  data = loadData();
} catch (error) {
  if (error instanceof DataError) exitWith([error.message]);
  throw error;
}

const client = createClient({ apiUrl: config.DISCORD_API_URL, log });
const route = createInteractionRouter({
  commands,
  ctx: { data, now: () => new Date(), random: Math.random, reportUrl: config.REPORT_URL ?? null },
  log,
});
client.on(Events.InteractionCreate, (interaction) => void route(interaction));
client.once(Events.ClientReady, (ready) => {
  log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'ready');
});

process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  await client.destroy();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  await client.login(config.DISCORD_TOKEN);
} catch (error) {
  // discord.js names the problem (an invalid token, say) without echoing the token.
  log.fatal({ err: error }, 'login failed');
  exitWith([`Cannot log in to Discord: ${error instanceof Error ? error.message : String(error)}`]);
}
