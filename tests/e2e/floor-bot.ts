/**
 * The benchmark floor: a bare discord.js client that answers every slash command with one fixed
 * embed and every autocomplete with one fixed choice. Our bot is measured against it.
 *
 *   EMULATOR_API=http://127.0.0.1:PORT/api DISCORD_TOKEN=test-token-not-real npx tsx tests/e2e/floor-bot.ts
 *
 * Prints `ready` on stdout once the client is ready; stops on SIGTERM/SIGINT.
 */
import { pathToFileURL } from 'node:url';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Interaction } from 'discord.js';

export const FLOOR_EMBED = {
  title: 'Floor',
  description: 'A fixed reply from the floor bot.',
} as const;
export const FLOOR_CHOICE = { name: 'Floor choice', value: 'floor' } as const;

export async function answer(interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) await interaction.reply({ embeds: [FLOOR_EMBED] });
  else if (interaction.isAutocomplete()) await interaction.respond([FLOOR_CHOICE]);
}

async function main(): Promise<void> {
  const api = process.env.EMULATOR_API;
  const token = process.env.DISCORD_TOKEN;
  if (!api || !token) {
    console.error('floor-bot: set EMULATOR_API and DISCORD_TOKEN');
    process.exit(1);
  }
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { api },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    answer(interaction).catch((error: unknown) => console.error('floor-bot: reply failed', error));
  });
  client.once(Events.ClientReady, () => console.log('ready'));
  const stop = (): void => {
    void client.destroy().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await client.login(token);
}

// Run only as a script, so tests can import the constants without logging in.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error('floor-bot:', error);
    process.exit(1);
  });
}
