import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BotProcess } from './bot/bot-process.js';
import { FAKE_TOKEN, startBot } from './bot/bot-process.js';
import { roundTrip } from './bot/wire.js';
import type { EmulatorHandle } from './emulator/index.js';
import { startEmulator } from './emulator/index.js';

/** A port nothing listens on now, for the bot's HTTP_PORT. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `probe` every 20 ms until it holds; the value seen last, or a timeout error. */
async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('GIVEN the real bot with HTTP_PORT, against the emulator', () => {
  let handle: EmulatorHandle;
  let bot: BotProcess;
  let base: string;

  beforeAll(async () => {
    handle = await startEmulator({ token: FAKE_TOKEN, heartbeatIntervalMs: 500 });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    bot = await startBot({ apiUrl: handle.restUrl, env: { HTTP_PORT: String(port) } });
  }, 40_000);

  afterAll(async () => {
    await bot?.stop();
    await handle?.close();
  });

  const status = async (path: string) => (await fetch(base + path)).status;

  test('WHEN it is ready THEN /healthz and /readyz answer 200', async () => {
    expect(await status('/healthz')).toBe(200);
    await until(async () => (await status('/readyz')) === 200, 5_000, '/readyz 200');
    const body = (await (await fetch(`${base}/readyz`)).json()) as Record<string, boolean>;
    expect(body).toEqual({ ready: true, gateway: true, store: true });
  });

  test('WHEN a command is answered THEN /metrics counts it and the log has its line', async () => {
    const callback = await roundTrip(handle, handle.interactions.slash({ name: 'about' }));
    expect(callback.status).toBeLessThan(300);
    const record = await bot.waitForLog(
      (r) => r['event'] === 'interaction' && r['command'] === 'about',
    );
    expect(record).toMatchObject({ kind: 'command', outcome: 'ok', guildId: handle.guild().id });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('bot_interactions_total{kind="command",command="about",outcome="ok"} 1');
    expect(text).toContain('bot_gateway_state{state="ready"} 1');
  });

  test('WHEN the gateway drops THEN /readyz says 503 until the bot is back, then 200', async () => {
    handle.faults.invalidSession(false);
    await until(async () => (await status('/readyz')) === 503, 5_000, '/readyz 503');
    await until(async () => (await status('/readyz')) === 200, 15_000, '/readyz 200 again');
  }, 25_000);
});
