import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from '../log.js';
import { logRateLimits } from './rate-limits.js';
import { NO_PINGS } from './send.js';

export interface ClientOptions {
  /** A REST base URL other than Discord's: a local emulator in tests, or a REST proxy. */
  apiUrl?: string | undefined;
  log: Logger;
}

/** The bot's client: the Guilds intent only, and no pings unless a message opts in. */
export function createClient({ apiUrl, log }: ClientOptions): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_PINGS,
    rest: apiUrl ? { api: apiUrl } : {},
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  logRateLimits(client.rest, log);
  return client;
}
