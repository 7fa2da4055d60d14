import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BotProcess } from './bot/bot-process.js';
import { FAKE_TOKEN, startBot, tempStoreDir } from './bot/bot-process.js';
import {
  EPHEMERAL,
  canPing,
  choicesOf,
  customIds,
  finalAnswer,
  messageOf,
  roundTrip,
} from './bot/wire.js';
import type { EmulatorHandle, OptionValue } from './emulator/index.js';
import { CallbackType, startEmulator } from './emulator/index.js';

const FIRST_RESPONSE_MS = 3_000;

/** /search, its page buttons across a restart, and /compare: the real bot against the emulator. */
describe('GIVEN the real bot and the emulator', () => {
  let handle: EmulatorHandle;
  let bot: BotProcess;
  const storeDir = tempStoreDir();
  const started: BotProcess[] = [];

  beforeAll(async () => {
    handle = await startEmulator({ token: FAKE_TOKEN, heartbeatIntervalMs: 500 });
    bot = await startBot({ apiUrl: handle.restUrl, storeDir });
    started.push(bot);
  }, 40_000);

  afterAll(async () => {
    await Promise.all(started.map((child) => child.stop()));
    await handle?.close();
  });

  const slash = (name: string, options: Record<string, OptionValue>, locale = 'en-US') =>
    handle.interactions.slash({ name, options, locale });

  test('WHEN /search query:F-16 arrives THEN results with the match in bold, its source, and a Next button', async () => {
    const callback = await roundTrip(handle, slash('search', { query: 'F-16' }));
    expect(callback.status).toBe(204);
    expect(callback.elapsedMs).toBeLessThan(FIRST_RESPONSE_MS);
    const message = await finalAnswer(handle, callback);
    expect((message.flags ?? 0) & EPHEMERAL).toBe(0);
    const fields = message.embeds?.[0]?.fields ?? [];
    expect(fields.length).toBe(5);
    expect(fields[0]?.value).toMatch(/\*\*F-16/);
    expect(fields[0]?.value).toMatch(/Source: \[/);
    expect(customIds(message)).toEqual(['search:p:x:-1:F-16', 'search:p:x:1:F-16']);
    expect(canPing(message)).toBe(false);
  });

  test('WHEN the bot restarts and then Next is clicked on the old message THEN the second page comes back', async () => {
    const list = handle.dispatchInteraction(slash('search', { query: 'F-16' }));
    await handle.waitForCallback(list.id);
    const original = handle.interactionMessages(list.id).original!;
    const firstPage = original.embeds;

    const status = await bot.kill9();
    expect(status.signal).toBe('SIGKILL');
    bot = await startBot({ apiUrl: handle.restUrl, storeDir });
    started.push(bot);

    const click = await roundTrip(
      handle,
      handle.interactions.button({ customId: 'search:p:x:1:F-16', messageId: original.id }),
    );
    expect(click).toMatchObject({ type: CallbackType.UpdateMessage, status: 204 });
    const update = messageOf(click);
    expect(update.embeds?.[0]?.fields?.[0]?.name).toMatch(/^6\. /);
    expect(update.embeds).not.toEqual(firstPage);
    expect(customIds(update)).toEqual(['search:p:x:0:F-16', 'search:p:x:2:F-16']);
  }, 40_000);

  test('WHEN /search finds nothing THEN only the user sees it, with a hint', async () => {
    const callback = await roundTrip(handle, slash('search', { query: 'qqqqzz' }));
    const message = messageOf(callback);
    expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toContain('Nothing in our records matches');
  });

  test('WHEN autocomplete for /search query "air de" arrives THEN query suggestions come back', async () => {
    const callback = await roundTrip(
      handle,
      handle.interactions.autocomplete({
        name: 'search',
        focused: 'query',
        options: { query: 'air de' },
      }),
    );
    expect(callback).toMatchObject({ type: CallbackType.AutocompleteResult, status: 204 });
    const choices = choicesOf(callback);
    expect(choices.map((c) => c.value)).toContain('air defence');
  });

  test('WHEN /compare first:Germany second:Japan arrives, in Ukrainian THEN both sides in one embed', async () => {
    const callback = await roundTrip(
      handle,
      slash('compare', { first: 'Germany', second: 'Японія' }, 'uk'),
    );
    expect(callback.elapsedMs).toBeLessThan(FIRST_RESPONSE_MS);
    const message = await finalAnswer(handle, callback);
    const embed = message.embeds?.[0];
    expect(embed?.title).toContain('Німеччина');
    expect(embed?.title).toContain('Японія');
    const names = (embed?.fields ?? []).map((f) => f.name);
    expect(names).toContain('Пункт про 24 години: Німеччина');
    expect(names).toContain('Пункт про 24 години: Японія');
    expect(canPing(message)).toBe(false);
  });

  test('WHEN /compare picture:true arrives THEN the chart is attached', async () => {
    const callback = await roundTrip(
      handle,
      slash('compare', { first: 'uk', second: 'France', picture: true }),
      10_000,
    );
    const message = await finalAnswer(handle, callback);
    expect((message.embeds?.[0] as { image?: { url: string } } | undefined)?.image?.url).toBe(
      'attachment://compare.png',
    );
  }, 30_000);
});
