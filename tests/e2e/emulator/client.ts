import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { ClientOptions } from 'discord.js';
import type { EmulatorHandle } from './index.js';

/**
 * Re-identifies are normally held up to ~6.5 s by discord.js's identify throttler (5 s per
 * max_concurrency bucket plus jitter); against the emulator there is nothing to protect.
 */
export const noIdentifyThrottle: NonNullable<
  ClientOptions['ws']
>['buildIdentifyThrottler'] = () => ({
  waitForIdentify: async () => {},
});

/** Client options that point an unmodified discord.js client at the emulator. */
export function emulatorClientOptions(
  handle: EmulatorHandle,
  extra: Partial<ClientOptions> = {},
): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...extra,
    rest: { api: handle.restUrl, ...extra.rest },
    ws: { buildIdentifyThrottler: noIdentifyThrottle, ...extra.ws },
  };
}

/** Logs a client in against the emulator and resolves once it is ready (all guilds received). */
export async function loginTestClient(
  handle: EmulatorHandle,
  extra: Partial<ClientOptions> = {},
  timeoutMs = 5_000,
): Promise<Client<true>> {
  const client = new Client(emulatorClientOptions(handle, extra));
  const ready = new Promise<Client<true>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`client not ready after ${timeoutMs} ms`)),
      timeoutMs,
    );
    client.once(Events.ClientReady, (readyClient) => {
      clearTimeout(timer);
      resolve(readyClient);
    });
  });
  await client.login(handle.token);
  return ready;
}
