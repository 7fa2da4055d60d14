import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { BotProcess } from './bot/bot-process.js';
import { FAKE_TOKEN, startBot, tempStoreDir } from './bot/bot-process.js';
import { E2E_BACKENDS, e2eStore } from './bot/backend.js';
import type { DeployResult } from './bot/deploy.js';
import { deployCommands } from './bot/deploy.js';
import { previewJson } from './bot/preview.js';
import {
  EPHEMERAL,
  callbacksFor,
  canPing,
  choicesOf,
  customIds,
  finalAnswer,
  messageOf,
  roundTrip,
} from './bot/wire.js';
import type { EmulatorHandle, InteractionPayload, OptionValue } from './emulator/index.js';
import { CallbackType, startEmulator } from './emulator/index.js';

/** Short, so heartbeats and their ACKs happen many times during the file. */
const HEARTBEAT_MS = 500;
/** Discord's deadline for the first response to an interaction. */
const FIRST_RESPONSE_MS = 3_000;
const MAX_CHOICES = 25;
/**
 * Commands that need the schedule runner and a store with settings: their end-to-end tests are in
 * schedule.test.ts. Every other command must have a case in COMMAND_CASES.
 */
const SCHEDULE_COMMANDS = new Set(['schedule', 'discuss']);
/**
 * Commands with an end-to-end file of their own (issue 13: /suggest in suggest.test.ts and
 * community.test.ts; /report and /follow in community.test.ts).
 */
const OWN_E2E_COMMANDS = new Set(['suggest', 'report', 'follow']);

/** [label, command, subcommand, options]: commands whose every answer is private to the member. */
const PRIVATE_CASES: [string, string, string | undefined, Record<string, OptionValue>][] = [
  ['/unfollow partner:Germany (not followed)', 'unfollow', undefined, { partner: 'Germany' }],
  ['/reports list by a member who is not the operator', 'reports', 'list', {}],
];

/** [label, command, options, locale]: at least one case for every command but the schedule ones. */
const COMMAND_CASES: [string, string, Record<string, OptionValue>, string][] = [
  ['/agreement partner:Germany', 'agreement', { partner: 'Germany' }, 'en-US'],
  ['/agreement partner:Німеччина in Ukrainian', 'agreement', { partner: 'Німеччина' }, 'uk'],
  ['/agreement partner:🇫🇷', 'agreement', { partner: '🇫🇷' }, 'en-US'],
  [
    '/agreement partner:de (a value autocomplete hands over)',
    'agreement',
    { partner: 'de' },
    'en-US',
  ],
  ['/agreements', 'agreements', {}, 'en-US'],
  ['/agreements order:name', 'agreements', { order: 'name' }, 'en-US'],
  ['/timeline', 'timeline', {}, 'en-US'],
  ['/timeline in Ukrainian', 'timeline', {}, 'uk'],
  ['/quote', 'quote', {}, 'en-US'],
  ['/quote speaker:Shea', 'quote', { speaker: 'Shea' }, 'en-US'],
  ['/agreement partner:Montenegro (no agreement)', 'agreement', { partner: 'Montenegro' }, 'en-US'],
  ['/guarantees', 'guarantees', {}, 'en-US'],
  ['/changes in Ukrainian', 'changes', {}, 'uk'],
  ['/about', 'about', {}, 'en-US'],
  ['/about in Ukrainian', 'about', {}, 'uk'],
  ['/map', 'map', {}, 'en-US'],
  ['/map show:2024 in Ukrainian', 'map', { show: '2024' }, 'uk'],
  ['/map partner:Poland (a locator)', 'map', { partner: 'Poland' }, 'en-US'],
  ['/search query:ППО in Ukrainian', 'search', { query: 'ППО' }, 'uk'],
  ['/compare first:de second:jp', 'compare', { first: 'de', second: 'jp' }, 'en-US'],
];

describe.each(E2E_BACKENDS)(
  'GIVEN the real bot as its own process, a temp store (%s), and the emulator',
  (backend) => {
    let handle: EmulatorHandle;
    let bot: BotProcess;
    let deploy: DeployResult;
    const storeDir = tempStoreDir();
    const store = e2eStore(backend);
    /** Every bot process started here, so the last test can read all their logs. */
    const started: BotProcess[] = [];

    beforeAll(async () => {
      handle = await startEmulator({ token: FAKE_TOKEN, heartbeatIntervalMs: HEARTBEAT_MS });
      // Both are child processes that mostly wait on tsx's start-up: run them side by side.
      [bot, deploy] = await Promise.all([
        store.env().then((env) => startBot({ apiUrl: handle.restUrl, storeDir, env })),
        deployCommands({
          apiUrl: handle.restUrl,
          applicationId: handle.world.applicationId,
          guildId: handle.guild().id,
        }),
      ]);
      started.push(bot);
    }, 40_000);

    afterAll(async () => {
      await Promise.all(started.map((child) => child.stop()));
      await handle?.close();
    });

    const slash = (name: string, options: Record<string, OptionValue> = {}, locale = 'en-US') =>
      handle.interactions.slash({ name, options, locale });

    test('WHEN started THEN it logs ready after one IDENTIFY with the fixture guild', () => {
      const ready = bot.logs().find((record) => record.msg === 'ready');
      expect(ready).toMatchObject({ guilds: 1 });
      // On the backend this suite is for: the file, or PostgreSQL through DATABASE_URL.
      expect(bot.logs().find((record) => record.msg === 'store open')).toMatchObject({ backend });
      expect(handle.gateway.stats.identifies).toBe(1);
      // The deploy script runs side by side and may reach the emulator first: find the bot's call.
      expect(handle.requests.find((r) => r.method === 'GET')).toMatchObject({
        method: 'GET',
        path: '/gateway/bot',
        auth: 'bot',
      });
    });

    test('WHEN npm run deploy-commands runs THEN the dev guild holds the whole command set with uk localizations', () => {
      expect(deploy, deploy.stderr).toMatchObject({ code: 0 });
      expect(deploy.stdout).toContain(`Registered ${commands.length} commands in guild`);
      const stored = handle.commands.guilds.get(handle.guild().id) ?? [];
      expect(stored.map((c) => c.name).sort()).toEqual(commands.map((c) => c.data.name).sort());
      expect(handle.commands.global).toEqual([]);
      type Localized = {
        name: string;
        name_localizations?: { uk?: string };
        description_localizations?: { uk?: string };
        options?: Localized[];
      };
      // Every command and every top-level option (subcommands included) has a Ukrainian name.
      const missingUk = (stored as Localized[]).flatMap((command) => [
        ...(command.name_localizations?.uk && command.description_localizations?.uk
          ? []
          : [command.name]),
        ...(command.options ?? [])
          .filter((option) => !option.name_localizations?.uk)
          .map((option) => `${command.name} ${option.name}`),
      ]);
      expect(missingUk).toEqual([]);
    });

    test('WHEN the command cases are listed THEN every command but the schedule ones has one', () => {
      const covered = new Set([
        ...COMMAND_CASES.map(([, name]) => name),
        ...PRIVATE_CASES.map(([, name]) => name),
      ]);
      const missing = commands
        .map((c) => c.data.name)
        .filter((name) => !covered.has(name) && !SCHEDULE_COMMANDS.has(name))
        .filter((name) => !OWN_E2E_COMMANDS.has(name));
      expect(missing).toEqual([]);
    });

    test.each(COMMAND_CASES)(
      'WHEN %s arrives THEN a first response within 3 s, then an answer with embeds that can ping no one',
      async (_label, name, options, locale) => {
        const callback = await roundTrip(handle, slash(name, options, locale));
        // A reply (4), or a deferral (5) if rendering ran past the router's deadline.
        expect([CallbackType.ChannelMessage, CallbackType.DeferredChannelMessage]).toContain(
          callback.type,
        );
        expect(callback.status).toBe(204);
        expect(callback.elapsedMs).toBeLessThan(FIRST_RESPONSE_MS);
        const message = await finalAnswer(handle, callback);
        expect(message.embeds?.length).toBeGreaterThan(0);
        for (const embed of message.embeds ?? []) {
          expect(embed.title ?? embed.description ?? embed.fields?.[0]).toBeTruthy();
        }
        expect((message.flags ?? 0) & EPHEMERAL).toBe(0);
        expect(canPing(message)).toBe(false);
      },
    );

    test.each(PRIVATE_CASES)(
      'WHEN %s arrives THEN a first response within 3 s, then an answer only the member sees, pinging no one',
      async (_label, name, subcommand, options) => {
        const callback = await roundTrip(
          handle,
          handle.interactions.slash({ name, subcommand, options, locale: 'en-US' }),
        );
        expect([CallbackType.ChannelMessage, CallbackType.DeferredChannelMessage]).toContain(
          callback.type,
        );
        expect(callback.elapsedMs).toBeLessThan(FIRST_RESPONSE_MS);
        const message = await finalAnswer(handle, callback);
        expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
        expect(message.content || message.embeds?.length).toBeTruthy();
        expect(canPing(message)).toBe(false);
      },
    );

    test.each([
      ['/agreement partner:Germany', 'agreement', { partner: 'Germany' }, 'en-US'],
      ['/agreements', 'agreements', {}, 'uk'],
    ] as const)(
      'WHEN %s arrives THEN the embeds and buttons on the wire are exactly what the preview shows',
      async (line, name, options, locale) => {
        const [message, shown] = await Promise.all([
          roundTrip(handle, slash(name, options, locale)).then((cb) => finalAnswer(handle, cb)),
          previewJson(line, '--locale', locale),
        ]);
        expect(message.embeds?.length).toBeGreaterThan(0);
        expect(message.embeds).toEqual(shown.embeds);
        expect(message.components).toEqual(shown.components);
      },
    );

    test.each<[string, string, string, Record<string, OptionValue>, string]>([
      ['partner typed as nothing', 'agreement', 'partner', {}, 'en-US'],
      ['partner typed as "ger"', 'agreement', 'partner', { partner: 'ger' }, 'en-US'],
      ['partner typed as "нім" in Ukrainian', 'agreement', 'partner', { partner: 'нім' }, 'uk'],
      ['speaker typed as nothing', 'quote', 'speaker', {}, 'en-US'],
      ['speaker typed as "sh"', 'quote', 'speaker', { speaker: 'sh' }, 'en-US'],
    ])(
      'WHEN autocomplete for %s arrives THEN choices (type 8, 1 to 25, within 3 s) come back',
      async (_label, name, focused, options, locale) => {
        const callback = await roundTrip(
          handle,
          handle.interactions.autocomplete({ name, focused, options, locale }),
        );
        expect(callback).toMatchObject({ type: CallbackType.AutocompleteResult, status: 204 });
        expect(callback.elapsedMs).toBeLessThan(FIRST_RESPONSE_MS);
        const choices = choicesOf(callback);
        expect(choices.length).toBeGreaterThan(0);
        expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
      },
    );

    test('WHEN the Next button under /agreements is clicked THEN the same message is updated (type 7) to the next page', async () => {
      const list = handle.dispatchInteraction(slash('agreements'));
      await handle.waitForCallback(list.id);
      const original = handle.interactionMessages(list.id).original;
      expect(original).not.toBeNull();
      expect(customIds(original!)).toContain('agreements:page:date:1');
      const firstPage = original!.embeds;

      const click = await roundTrip(
        handle,
        handle.interactions.button({ customId: 'agreements:page:date:1', messageId: original!.id }),
      );

      expect(click).toMatchObject({ type: CallbackType.UpdateMessage, status: 204 });
      expect(click.elapsedMs).toBeLessThan(FIRST_RESPONSE_MS);
      const update = messageOf(click);
      expect(customIds(update)).toEqual(['agreements:page:date:0', 'agreements:page:date:2']);
      expect(update.embeds).not.toEqual(firstPage);
      expect(canPing(update)).toBe(false);
      // The emulator applied the update to the message the button sits on.
      expect(customIds(handle.interactionMessages(list.id).original!)).toContain(
        'agreements:page:date:2',
      );
    });

    test.each<[string, () => InteractionPayload]>([
      ['an unknown partner', () => slash('agreement', { partner: 'Atlantis' })],
      ['an unknown partner in Ukrainian', () => slash('agreement', { partner: 'Атлантида' }, 'uk')],
      ['an unknown speaker', () => slash('quote', { speaker: 'Nobody Atall' })],
      ['a button no command owns', () => handle.interactions.button({ customId: 'retired:1' })],
    ])(
      'WHEN the user asks for %s THEN only they see the answer (ephemeral), with a hint',
      async (_label, payload) => {
        const callback = await roundTrip(handle, payload());
        expect(callback).toMatchObject({ type: CallbackType.ChannelMessage, status: 204 });
        const message = messageOf(callback);
        expect((message.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
        expect(message.content?.length).toBeGreaterThan(0);
        expect(canPing(message)).toBe(false);
      },
    );

    test('WHEN the gateway closes resumably (4000) in the middle of a burst of 20 THEN every interaction gets exactly one reply', async () => {
      const before = { ...handle.gateway.stats };
      const burst = (i: number): InteractionPayload => {
        switch (i % 4) {
          case 0:
            return slash('agreement', { partner: 'France' });
          case 1:
            return handle.interactions.autocomplete({
              name: 'agreement',
              focused: 'partner',
              options: { partner: 'po' },
            });
          case 2:
            return slash('timeline');
          default:
            return slash('agreement', { partner: 'Atlantis' });
        }
      };
      const ids: string[] = [];
      for (let i = 0; i < 10; i += 1) ids.push(handle.dispatchInteraction(burst(i)).id);
      handle.faults.closeSocket(4000);
      for (let i = 10; i < 20; i += 1) ids.push(handle.dispatchInteraction(burst(i)).id);

      const callbacks = await Promise.all(ids.map((id) => handle.waitForCallback(id, 5_000)));
      // A duplicate would come right after the first answer; give it time to show.
      await new Promise((resolve) => setTimeout(resolve, 500));

      expect(callbacks.every((c) => c.status === 204 && c.elapsedMs < FIRST_RESPONSE_MS)).toBe(
        true,
      );
      expect(ids.map((id) => callbacksFor(handle, id).length)).toEqual(ids.map(() => 1));
      // The second half went out while the socket was down, and came through the RESUME replay.
      const buffered = handle.gateway.log.filter((e) => e.buffered && e.t === 'INTERACTION_CREATE');
      expect(buffered).toHaveLength(10);
      expect(handle.gateway.stats.resumed).toBe(before.resumed + 1);
      expect(handle.gateway.stats.identifies).toBe(before.identifies);
    });

    test('WHEN the bot is killed with -9 and started again on the same store THEN it is ready and answers', async () => {
      const status = await bot.kill9();
      expect(status.signal).toBe('SIGKILL');

      bot = await startBot({ apiUrl: handle.restUrl, storeDir, env: await store.env() });
      started.push(bot);

      const callback = await roundTrip(handle, slash('about'));
      expect(callback).toMatchObject({ type: CallbackType.ChannelMessage, status: 204 });
    }, 30_000);

    test('WHEN the run is over THEN no unknown route was called, the emulator had no error, heartbeats were acked, and the token was never logged', () => {
      expect(handle.unknownRoutes).toEqual([]);
      expect(handle.internalErrors).toEqual([]);
      expect(handle.callbacks.filter((c) => c.status >= 400)).toEqual([]);
      expect(handle.gateway.stats.heartbeats).toBeGreaterThan(0);
      // One heartbeat may be in flight as this runs.
      expect(handle.gateway.stats.acks).toBeGreaterThanOrEqual(handle.gateway.stats.heartbeats - 1);
      for (const child of started) {
        expect(child.output().length).toBeGreaterThan(0);
        expect(child.output()).not.toContain(FAKE_TOKEN);
      }
      expect(`${deploy.stdout}${deploy.stderr}`).not.toContain(FAKE_TOKEN);
      expect(JSON.stringify(handle.requests)).not.toContain(FAKE_TOKEN);
    });
  },
);
