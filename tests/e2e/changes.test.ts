import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import changelogJson from '../../src/data/changelog.json' with { type: 'json' };
import { postNonce } from '../../src/schedule/due.js';
import { FAKE_TOKEN, LOG_LEVEL } from './bot/bot-process.js';
import {
  adminSchedule,
  botsOnOneStore,
  embedText,
  postsTo,
  readStoreFile,
  setupOptions,
  shifted,
  sleep,
} from './bot/schedule.js';
import { messageOf, roundTrip, type WireEmbed } from './bot/wire.js';
import type { EmulatorHandle } from './emulator/index.js';
import { DEFAULT_CHANNELS, startEmulator } from './emulator/index.js';

/*
 * Data-change announcements (issue 12) through the real bot process and the emulator. The bot's
 * clock starts just before 09:00 Kyiv on 1 December 2026, two servers set up, one opts in. The
 * opted-in one gets one post per bundled change dated that day (an older change, still inside its
 * week, is not posted: it came before the opt-in), the other none, and a restart on the same
 * store posts nothing twice.
 */

/** 09:00 in Europe/Kyiv (UTC+2 in winter) on Tuesday 1 December 2026. */
const CHANGES_DUE = '2026-12-01T07:00:00.000Z';
/** Start-up and the setups must land before the posts are due; a test checks that they did. */
const LEAD_MS = 20_000;
const WATCH_MS = 3_000;
const OPTED_IN = 0;
const NOT_OPTED_IN = 1;
/** The opt-in's day in Kyiv: changes dated before it are never posted to this server. */
const OPT_IN_DAY = '2026-12-01';
const changelog = changelogJson.filter((c) => c.date >= OPT_IN_DAY);
const keys = changelog.map((c) => `change:${c.id}`);

describe('GIVEN the real bot at 08:59:40 Kyiv on 1 December 2026 and two servers set up, one with /schedule set changes:True', () => {
  let handle: EmulatorHandle;
  const bots = botsOnOneStore(() => handle);
  const channel = (guildIndex: number) =>
    handle.channel(DEFAULT_CHANNELS.general, handle.guild(guildIndex).id).id;
  let optInReply = '';

  beforeAll(async () => {
    handle = await startEmulator({ token: FAKE_TOKEN, guildCount: 2, heartbeatIntervalMs: 1_000 });
    await bots.start(shifted(CHANGES_DUE, -LEAD_MS));
    // Only change posts: the other kinds off in both, so every message is one of them.
    const onlyChanges = { anniversaries: false, digest: false, prompts: 'off' };
    for (const g of [OPTED_IN, NOT_OPTED_IN]) {
      await roundTrip(handle, adminSchedule(handle, 'setup', setupOptions(channel(g)), g));
      await roundTrip(handle, adminSchedule(handle, 'set', onlyChanges, g));
    }
    const set = await roundTrip(handle, adminSchedule(handle, 'set', { changes: true }, OPTED_IN));
    optInReply = embedText(messageOf(set).embeds?.[0]);
  }, 60_000);

  afterAll(async () => {
    await bots.stopAll();
    await handle?.close();
  });

  test('WHEN the opt-in is saved THEN it was made before 09:00 and the status shows the next change post', () => {
    const stored = readStoreFile(bots.started[0]!.storePath).guilds[handle.guild(OPTED_IN).id] as {
      changes?: { since: string };
    };
    // Slow start-up must fail here, loudly, not look like a change that was never posted.
    expect(Date.parse(stored.changes!.since)).toBeLessThan(Date.parse(CHANGES_DUE));
    const other = readStoreFile(bots.started[0]!.storePath).guilds[handle.guild(NOT_OPTED_IN).id];
    expect(other).not.toHaveProperty('changes');
    expect(optInReply).toContain('**Data changes** (changes dated from');
    expect(optInReply).toContain(`next <t:${Date.parse(CHANGES_DUE) / 1000}:R>`);
  });

  test(`WHEN 09:00 comes THEN the opted-in server gets one post per change (${changelog.length}), in changelog order, each with its sources; the other server gets none`, async () => {
    await handle.waitFor(
      () => handle.channelMessages(channel(OPTED_IN)).length >= changelog.length || undefined,
      30_000,
      'one post per change',
    );
    await sleep(WATCH_MS);

    const messages = handle.channelMessages(channel(OPTED_IN));
    expect(messages).toHaveLength(changelog.length);
    // The bundled changes from before the opt-in day exist, and none of them was posted.
    const older = changelogJson.filter((c) => c.date < OPT_IN_DAY);
    expect(older.length).toBeGreaterThan(0);
    const posted = messages.map((m) => embedText(m.embeds[0] as WireEmbed | undefined)).join('\n');
    for (const c of older) expect(posted).not.toContain(c.text.en);
    messages.forEach((message, i) => {
      const change = changelog[i]!;
      const text = embedText(message.embeds[0] as WireEmbed | undefined);
      expect(message.content).toContain(
        change.kind === 'added' ? 'New in the bot’s data' : 'Corrected in the bot’s data',
      );
      expect(text).toContain(change.text.en);
      for (const url of change.sources) expect(text).toContain(url);
    });
    const requests = postsTo(handle, channel(OPTED_IN));
    const guildId = handle.guild(OPTED_IN).id;
    expect(requests.map((r) => (r.body as { nonce?: string }).nonce)).toEqual(
      keys.map((key) => postNonce(guildId, key)),
    );
    // Nobody pinged: no ping role was chosen.
    for (const r of requests) {
      expect((r.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    }

    expect(postsTo(handle, channel(NOT_OPTED_IN))).toEqual([]);
    expect(handle.channelMessages(channel(NOT_OPTED_IN))).toEqual([]);

    const ledger = readStoreFile(bots.started[0]!.storePath).ledger;
    const settled = ledger.filter((e) => e.kind === 'change');
    expect(settled.map((e) => [e.guildId, e.key, e.state])).toEqual(
      keys.map((key) => [guildId, key, 'posted']),
    );
  }, 60_000);

  test('WHEN the bot restarts on the same store at 09:30 THEN nothing is posted twice', async () => {
    await bots.stopAll();
    const bot = await bots.start(shifted(CHANGES_DUE, 30 * 60_000));
    await sleep(WATCH_MS);
    expect(postsTo(handle, channel(OPTED_IN))).toHaveLength(changelog.length);
    expect(handle.channelMessages(channel(OPTED_IN))).toHaveLength(changelog.length);
    expect(postsTo(handle, channel(NOT_OPTED_IN))).toEqual([]);
    expect(bot.logs().filter((r) => r.msg === 'posted')).toEqual([]);
  }, 30_000);

  test('WHEN the bot restarts once more a day later, at 09:00 on 2 December THEN still nothing new', async () => {
    await bots.stopAll();
    const bot = await bots.start(shifted(CHANGES_DUE, 24 * 60 * 60_000 - 5_000));
    await sleep(5_000 + WATCH_MS);
    expect(handle.channelMessages(channel(OPTED_IN))).toHaveLength(changelog.length);
    expect(bot.logs().filter((r) => r.msg === 'posted')).toEqual([]);
  }, 30_000);

  test('WHEN the run is over THEN no unknown route, no emulator error, no error in any bot log', () => {
    expect(handle.unknownRoutes).toEqual([]);
    expect(handle.internalErrors).toEqual([]);
    for (const bot of bots.started) {
      expect(bot.logs().filter((r) => r.level >= LOG_LEVEL.error)).toEqual([]);
    }
  });
});
