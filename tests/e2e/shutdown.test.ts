import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BotProcess } from './bot/bot-process.js';
import { FAKE_TOKEN, LOG_LEVEL } from './bot/bot-process.js';
import {
  botsOnOneStore,
  ANNIVERSARY_DUE,
  ANNIVERSARY_KEY,
  adminSchedule,
  postsTo,
  setupOptions,
  shifted,
} from './bot/schedule.js';
import { E2E_BACKENDS, e2eStore } from './bot/backend.js';
import { messageOf, roundTrip } from './bot/wire.js';
import type { EmulatorHandle } from './emulator/index.js';
import { DEFAULT_CHANNELS, startEmulator } from './emulator/index.js';

/** Orchestrators send SIGKILL about 10 s after SIGTERM; the bot's own deadline is 8 s. */
const KILL_AFTER_MS = 10_000;
/** How long Discord takes to answer the post that is in flight when SIGTERM arrives. */
const POST_ANSWER_DELAY_MS = 3_000;

/** Sends SIGTERM and resolves with how the process ended and how long it took. */
async function terminate(bot: BotProcess) {
  const sentAt = performance.now();
  // stop() sends SIGKILL only if the process is still there after KILL_AFTER_MS: a signal then
  // would show in the status.
  const status = await bot.stop(KILL_AFTER_MS);
  return { status, elapsedMs: performance.now() - sentAt };
}

describe.each(E2E_BACKENDS)(
  'GIVEN the real bot with a schedule set up in its store (%s)',
  (backend) => {
    let handle: EmulatorHandle;
    const store = e2eStore(backend);
    const bots = botsOnOneStore(() => handle, store);
    const { start } = bots;
    const general = () => handle.channel(DEFAULT_CHANNELS.general).id;

    beforeAll(async () => {
      handle = await startEmulator({ token: FAKE_TOKEN, heartbeatIntervalMs: 1_000 });
    });

    afterAll(async () => {
      await bots.stopAll(1_000);
      await handle?.close();
    });

    test('WHEN SIGTERM arrives with nothing in flight THEN it exits 0 within 10 s and the store holds the settings (the file is valid JSON)', async () => {
      const bot = await start(shifted(ANNIVERSARY_DUE, -30 * 60_000));
      const setup = await roundTrip(
        handle,
        adminSchedule(handle, 'setup', setupOptions(general())),
      );
      expect(messageOf(setup).content).toContain('Schedule saved.');

      const { status, elapsedMs } = await terminate(bot);

      expect(status).toEqual({ code: 0, signal: null });
      expect(elapsedMs).toBeLessThan(KILL_AFTER_MS);
      expect(bot.logs().map((r) => r.msg)).toEqual(
        expect.arrayContaining(['shutting down', 'stopped']),
      );
      const saved = await store.read(bot.storePath);
      expect(saved.guilds[handle.guild().id]).toMatchObject({
        channelId: general(),
        hour: 9,
        minute: 0,
        timeZone: 'Europe/Kyiv',
      });
    }, 30_000);

    test('WHEN SIGTERM arrives while the caught-up post waits for Discord THEN the bot waits for the answer, logs the post, and exits 0 within 10 s', async () => {
      const path = `/channels/${general()}/messages`;
      handle.faults.delay({ method: 'POST', path, ms: POST_ANSWER_DELAY_MS });
      // Five minutes past 09:00: the start-up tick catches the anniversary up at once.
      const bot = await start(shifted(ANNIVERSARY_DUE, 5 * 60_000));
      const inFlight = await handle.waitFor(
        () => postsTo(handle, general()).find((r) => r.fault === 'delay' && r.status === 0),
        10_000,
        'the scheduled post, held by the emulator',
      );

      const { status, elapsedMs } = await terminate(bot);

      expect(status).toEqual({ code: 0, signal: null });
      expect(elapsedMs).toBeLessThan(KILL_AFTER_MS);
      expect(inFlight.status).toBe(200);
      const messages = handle.channelMessages(general());
      expect(messages).toHaveLength(1);
      const saved = await store.read(bot.storePath);
      expect(saved.ledger.filter((p) => p.key === ANNIVERSARY_KEY)).toEqual([
        expect.objectContaining({ state: 'posted', messageId: messages[0]!.id }),
      ]);
      const order = bot.logs().map((r) => r.msg);
      expect(order.indexOf('shutting down')).toBeLessThan(order.indexOf('posted'));
      expect(order.indexOf('posted')).toBeLessThan(order.indexOf('stopped'));
    }, 30_000);

    test('WHEN the run is over THEN no unknown route, no emulator error, no error in any bot log', () => {
      expect(handle.unknownRoutes).toEqual([]);
      expect(handle.internalErrors).toEqual([]);
      for (const bot of bots.started) {
        expect(bot.logs().filter((r) => r.level >= LOG_LEVEL.error)).toEqual([]);
      }
    });
  },
);
