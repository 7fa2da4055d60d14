import { REST, Routes } from 'discord.js';
import { commands } from '../commands/index.js';
import { readConfig } from '../config.js';
import { exitWith, loadDotEnv } from '../env.js';

/**
 * Registers the command set by bulk overwrite: to DISCORD_DEV_GUILD_ID when set (instant, for
 * development), else globally. Run it when the definitions change, not on every start: Discord
 * allows 200 command creations a day per guild.
 */
loadDotEnv();
const result = readConfig(process.env);
if (!result.ok) exitWith(result.problems.map((p) => `Cannot deploy commands: ${p}.`));
const { DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_DEV_GUILD_ID, DISCORD_API_URL } =
  result.config;
if (!DISCORD_APPLICATION_ID) {
  exitWith([
    'Cannot deploy commands: set DISCORD_APPLICATION_ID (the application id on the Discord developer portal).',
  ]);
}

const rest = new REST(DISCORD_API_URL ? { api: DISCORD_API_URL } : {}).setToken(DISCORD_TOKEN);
const route = DISCORD_DEV_GUILD_ID
  ? Routes.applicationGuildCommands(DISCORD_APPLICATION_ID, DISCORD_DEV_GUILD_ID)
  : Routes.applicationCommands(DISCORD_APPLICATION_ID);
try {
  const saved = (await rest.put(route, { body: commands.map((c) => c.data) })) as unknown[];
  process.stdout.write(
    `Registered ${saved.length} commands ${DISCORD_DEV_GUILD_ID ? `in guild ${DISCORD_DEV_GUILD_ID}` : 'globally (they may take up to an hour to appear)'}.\n`,
  );
} catch (error) {
  exitWith([`Cannot deploy commands: ${error instanceof Error ? error.message : String(error)}`]);
}
