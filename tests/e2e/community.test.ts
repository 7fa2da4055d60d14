import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resultsNonce } from '../../src/community/poll-results.js';
import type { BotProcess } from './bot/bot-process.js';
import { FAKE_TOKEN, LOG_LEVEL, startBot } from './bot/bot-process.js';
import {
  adminSchedule,
  botsOnOneStore,
  embedText,
  postsTo,
  readStoreFile,
  setupOptions,
  sleep,
} from './bot/schedule.js';
import { EPHEMERAL, customIds, messageOf, roundTrip, type WireEmbed } from './bot/wire.js';
import type { EmulatorHandle, RecordedRequest } from './emulator/index.js';
import { CallbackType, DEFAULT_CHANNELS, startEmulator } from './emulator/index.js';

/*
 * The community features (issue 13) end to end: the real bot process, the emulator, and what a
 * member and the operator see. Reports reach the operator's channel without a ping; an approved
 * suggestion's author gets a DM (or, with DMs closed, a notice at their next use); a poll's
 * results are posted once, after a restart; a follow's anniversary DM is sent once, and a
 * closed DM pauses the follow and is told once.
 */

const ABOUT_MS = 3_000;
/** No error-level line in any bot's log. */
const noErrors = (bot: BotProcess) => bot.logs().filter((r) => r.level >= LOG_LEVEL.error);

function memberOf(handle: EmulatorHandle, guildIndex = 0): string {
  const guild = handle.guild(guildIndex);
  return guild.members.find((m) => !m.user.bot && m.user.id !== guild.ownerId)!.user.id;
}

/** `/suggest question` sent by `userId` in `guildId`, waited on until the bot answers. */
async function suggestAs(
  handle: EmulatorHandle,
  userId: string,
  guildId: string,
  question: string,
): Promise<void> {
  await roundTrip(
    handle,
    handle.interactions.slash({ name: 'suggest', options: { question }, guildId, userId }),
  );
}

describe('GIVEN the real bot with REPORT_CHANNEL_ID set to a channel of the operator’s own server', () => {
  let handle: EmulatorHandle;
  let bot: BotProcess;
  const operatorChannel = () => handle.channel(DEFAULT_CHANNELS.general, handle.guild(1).id).id;

  beforeAll(async () => {
    // Guild 0 is a community; guild 1 the operator's support server.
    handle = await startEmulator({ token: FAKE_TOKEN, guildCount: 2, heartbeatIntervalMs: 1_000 });
    bot = await startBot({
      apiUrl: handle.restUrl,
      env: { REPORT_CHANNEL_ID: operatorChannel() },
    });
  }, 30_000);

  afterAll(async () => {
    await bot?.stop();
    await handle?.close();
  });

  test('WHEN a member reports a wrong date, with @everyone in the text THEN the operator’s channel gets it once, pinging nobody, and the member gets its id', async () => {
    const member = memberOf(handle);
    const reply = await roundTrip(
      handle,
      handle.interactions.slash({
        name: 'report',
        options: {
          record: 'de',
          field: 'signed',
          what: 'The date looks wrong to me @everyone, please check it',
          source: 'https://example.org/source',
        },
        guildId: handle.guild(0).id,
        userId: member,
      }),
      10_000,
    );
    const answer = messageOf(reply);
    expect((answer.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const id = /report \*\*(R[0-9A-F]{10})\*\* is saved and has reached/.exec(
      answer.content ?? '',
    )?.[1];
    expect(id).toBeDefined();

    const posts = await handle.waitFor(
      () =>
        postsTo(handle, operatorChannel()).length > 0 ? postsTo(handle, operatorChannel()) : null,
      5_000,
      'the report in the operator’s channel',
    );
    await sleep(500);
    expect(posts).toHaveLength(1);
    const body = posts[0]!.body as {
      content: string;
      embeds: WireEmbed[];
      allowed_mentions?: unknown;
    };
    expect(posts[0]!.status).toBe(200);
    expect(body.content).toContain(`**${id}**`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const text = embedText(body.embeds[0]);
    expect(text).toContain(`user ${member} · server ${handle.guild(0).id}`);
    // Shown as text (markdown escaped), not as a link the operator's client would preview.
    expect(text).toContain('example.org/source');
    // The reporter is named by id, never by a mention.
    expect(`${body.content}\n${text}`).not.toMatch(/<@!?\d+>/);
    // Nothing went to the community's channels.
    for (const channel of handle.guild(0).channels) {
      expect(handle.channelMessages(channel.id)).toEqual([]);
    }
    const stored = (
      readStoreFile(bot.storePath) as unknown as {
        reports: { id: string; delivered: boolean; state: string }[];
      }
    ).reports;
    expect(stored).toEqual([expect.objectContaining({ id, delivered: true, state: 'open' })]);
  }, 20_000);

  test('WHEN an admin approves a member’s suggestion THEN the author gets one DM saying so, pinging nobody, and it is marked told', async () => {
    const author = memberOf(handle);
    const guildId = handle.guild(0).id;
    await roundTrip(
      handle,
      adminSchedule(handle, 'setup', setupOptions(handle.channel(DEFAULT_CHANNELS.general).id)),
    );
    const question = 'Which partner should publish its delivery report first, and why?';
    await suggestAs(handle, author, guildId, question);
    const queue = await roundTrip(handle, adminSchedule(handle, 'suggestions'));
    const queueMessage = handle.interactionMessages(queue.interactionId).original!;
    const approve = customIds(queueMessage).find((id) => id.startsWith('suggest:approve:'))!;
    const click = await roundTrip(
      handle,
      handle.interactions.button({
        customId: approve,
        messageId: queueMessage.id,
        userId: handle.guild(0).ownerId,
      }),
    );
    expect(click).toMatchObject({ type: CallbackType.UpdateMessage, status: 204 });

    const dm = await handle.waitFor(
      () => handle.directMessages(author)[0],
      5_000,
      'the author’s DM',
    );
    expect(dm.content).toContain('was approved and will be posted as a discussion prompt');
    expect(dm.content).toContain(question);
    expect(dm.allowedMentions).toEqual({ parse: [] });
    await handle.waitFor(
      () =>
        readStoreFile(bot.storePath).suggestions?.find(
          (s) => s.state === 'approved' && (s as { authorNotified?: boolean }).authorNotified,
        ) ?? null,
      3_000,
      'the suggestion marked told',
    );
    await sleep(500);
    expect(handle.directMessages(author)).toHaveLength(1);
    // Only the DM: the admin's own channel shows nothing of it.
    expect(handle.channelMessages(handle.channel(DEFAULT_CHANNELS.general).id)).toEqual([]);
  }, 20_000);

  test('WHEN the author’s DMs are closed THEN the approval is refused by Discord, and the author is told once, ephemerally, at their next use of the bot', async () => {
    const author = handle.guild(0).ownerId;
    const guildId = handle.guild(0).id;
    handle.closeDms(author);
    const question = 'Should the agreements be renewed before they run out, or let lapse?';
    await suggestAs(handle, author, guildId, question);
    // The author is the admin here: their queue view looks for untold news after its reply, so
    // it must be done with before the approval, or that news would follow the queue instead.
    const handled = () =>
      bot.logs().filter((r) => r.event === 'interaction' && r['subcommand'] === 'suggestions')
        .length;
    const handledBefore = handled();
    const queue = await roundTrip(handle, adminSchedule(handle, 'suggestions'));
    await handle.waitFor(() => handled() > handledBefore, 10_000, 'the queue view handled');
    const queueMessage = handle.interactionMessages(queue.interactionId).original!;
    const approve = customIds(queueMessage).find((id) => id.startsWith('suggest:approve:'))!;
    await roundTrip(
      handle,
      handle.interactions.button({ customId: approve, messageId: queueMessage.id, userId: author }),
    );
    await handle.waitFor(
      () =>
        handle.requests.find(
          (r) =>
            r.status === 403 &&
            r.path.startsWith('/channels/') &&
            handle.dmChannelOf(author) !== null &&
            r.path === `/channels/${handle.dmChannelOf(author)}/messages`,
        ) ?? null,
      5_000,
      'the refused DM',
    );
    expect(handle.directMessages(author)).toEqual([]);

    const useBot = () =>
      roundTrip(
        handle,
        handle.interactions.slash({ name: 'about', guildId, userId: author }),
        10_000,
      );
    const followUpsOf = (interactionId: string) =>
      handle.interactionMessages(interactionId).followUps;
    const followUps = async () => {
      const next = await useBot();
      await sleep(1_000);
      return followUpsOf(next.interactionId);
    };
    // The news follows the reply; on a loaded machine that can take more than a second.
    const firstUse = await useBot();
    await handle.waitFor(
      () => followUpsOf(firstUse.interactionId).length > 0,
      10_000,
      'the untold outcome after the next use',
    );
    await sleep(500);
    const first = followUpsOf(firstUse.interactionId);
    expect(first).toHaveLength(1);
    expect(first[0]!.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(first[0]!.content).toContain(question);
    expect(first[0]!.allowedMentions).toEqual({ parse: [] });
    expect(await followUps()).toEqual([]);
  }, 30_000);

  test('WHEN the run is over THEN no unknown route, no emulator error, no error in the bot’s log', () => {
    expect(handle.unknownRoutes).toEqual([]);
    expect(handle.internalErrors).toEqual([]);
    expect(noErrors(bot)).toEqual([]);
  });
});

/**
 * Bot 1's clock: a week before the third anniversary of the German and French agreements (both
 * signed on 16 February 2024); a /discuss poll of a server without scheduled prompts runs a week.
 */
const WEEK_BEFORE = '2027-02-09T10:00:00.000Z';
const POLL_HOURS = 7 * 24;
/** Bot 2's: the anniversary (a UTC day for follows), just past the poll's close. */
const ANNIVERSARY_AFTER_CLOSE = '2027-02-16T10:30:00.000Z';
const LATER_THAT_DAY = '2027-02-16T11:00:00.000Z';

describe('GIVEN the real bot on 9 February 2027, a /discuss poll, and two members following Germany and France (one with DMs closed)', () => {
  let handle: EmulatorHandle;
  const bots = botsOnOneStore(() => handle);
  let pollMessageId = '';
  const guildId = () => handle.guild(0).id;
  const general = () => handle.channel(DEFAULT_CHANNELS.general).id;
  const member = () => memberOf(handle);
  const owner = () => handle.guild(0).ownerId;
  /** The results: in the prompt's thread (its id is the message's), or as a reply in the channel. */
  const resultPosts = (): RecordedRequest[] =>
    handle.requests.filter(
      (r) =>
        r.method === 'POST' &&
        (r.path === `/channels/${pollMessageId}/messages` ||
          r.path === `/channels/${general()}/messages`) &&
        (r.body as { nonce?: string }).nonce === resultsNonce(pollMessageId),
    );
  const followList = async (userId: string) => {
    const reply = await roundTrip(
      handle,
      handle.interactions.slash({ name: 'follow', subcommand: 'list', guildId: guildId(), userId }),
      10_000,
    );
    return messageOf(reply);
  };

  beforeAll(async () => {
    handle = await startEmulator({ token: FAKE_TOKEN, guildCount: 1, heartbeatIntervalMs: 1_000 });
    await bots.start(WEEK_BEFORE);
    // A schedule so /discuss takes the bank's rotation (its first prompt has a poll); nothing
    // scheduled is due, so every message is one of this test's.
    await roundTrip(handle, adminSchedule(handle, 'setup', setupOptions(general())));
    await roundTrip(
      handle,
      adminSchedule(handle, 'set', { anniversaries: false, digest: false, prompts: 'off' }),
    );
  }, 40_000);

  afterAll(async () => {
    await bots.stopAll();
    await handle?.close();
  });

  test('WHEN a member runs /discuss and the members follow THEN the poll is kept for its results and the follows are stored, nothing sent yet', async () => {
    const discuss = await roundTrip(
      handle,
      handle.interactions.slash({ name: 'discuss', guildId: guildId(), userId: member() }),
      10_000,
    );
    expect(discuss.status).toBe(204);
    const original = await handle.waitFor(
      () => handle.interactionMessages(discuss.interactionId).original,
      5_000,
      'the /discuss reply',
    );
    expect(original.poll).toMatchObject({ answers: [{ answer_id: 1 }, { answer_id: 2 }, {}, {}] });
    pollMessageId = original.id;
    expect((messageOf(discuss) as { poll?: { duration?: number } }).poll?.duration).toBe(
      POLL_HOURS,
    );

    const follow = async (userId: string, partner: string) =>
      messageOf(
        await roundTrip(
          handle,
          handle.interactions.slash({
            name: 'follow',
            subcommand: 'add',
            options: { partner },
            guildId: guildId(),
            userId,
          }),
          10_000,
        ),
      );
    expect((await follow(member(), 'Germany')).flags! & EPHEMERAL).toBe(EPHEMERAL);
    handle.closeDms(owner());
    await follow(owner(), 'France');

    // Recorded just after the reply is sent: wait for it, as the next tick would.
    const store = await handle.waitFor(
      () => {
        const file = readStoreFile(bots.started[0]!.storePath) as unknown as {
          polls: { messageId: string; state: string; closesAt: string }[];
          follows: { userId: string; agreementId: string; pausedAt: string | null }[];
        };
        return file.polls.length > 0 && file.follows.length === 2 ? file : null;
      },
      5_000,
      'the poll and the follows in the store',
    );
    expect(store.polls.map((p) => [p.messageId, p.state])).toEqual([[pollMessageId, 'open']]);
    // A week from the bot's clock (plus the seconds the setup took).
    expect(store.polls[0]!.closesAt).toMatch(/^2027-02-16T10:00/);
    expect(store.follows.map((f) => [f.userId, f.agreementId, f.pausedAt])).toEqual(
      expect.arrayContaining([
        [member(), 'de', null],
        [owner(), 'fr', null],
      ]),
    );
    expect(handle.directMessages(member())).toEqual([]);
    expect(resultPosts()).toEqual([]);
  }, 30_000);

  test('WHEN the poll closes with 3, 1, 0 and 0 votes and the bot restarts on the anniversary THEN the results are posted once, with counts and shares, and the German follower gets one DM', async () => {
    await bots.stopAll();
    handle.setPollResults(pollMessageId, [3, 1, 0, 0]);
    handle.finalizePoll(pollMessageId);
    const bot = await bots.start(ANNIVERSARY_AFTER_CLOSE);

    const [post] = await handle.waitFor(
      () => (resultPosts().length > 0 ? resultPosts() : null),
      10_000,
      'the poll results',
    );
    const dm = await handle.waitFor(() => handle.directMessages(member())[0], 10_000, 'the DM');
    await sleep(ABOUT_MS);

    expect(resultPosts()).toHaveLength(1);
    expect(post!.status).toBe(200);
    const body = post!.body as { embeds: WireEmbed[]; allowed_mentions?: unknown };
    const text = embedText(body.embeds[0]);
    expect(text).toMatch(/\*\*75%\*\* · .+ · 3 votes/);
    expect(text).toMatch(/\*\*25%\*\* · .+ · 1 vote\b/);
    expect(text).toContain('4 votes in all');
    // Finalised by Discord: no "not final" line.
    expect(text).not.toContain('-# ');
    expect(body.allowed_mentions).toEqual({ parse: [] });

    expect(handle.directMessages(member())).toHaveLength(1);
    expect(dm.content).toContain('3 years ago today');
    expect(dm.content).toContain('Germany');
    expect(dm.allowedMentions).toEqual({ parse: [] });
    // The DMs leave no trace in any channel of the server.
    expect(handle.channelMessages(general()).map((m) => m.id)).not.toContain(dm.id);

    const store = readStoreFile(bot.storePath) as unknown as {
      polls: { messageId: string; state: string }[];
      follows: { userId: string; pausedAt: string | null }[];
    };
    expect(store.polls).toEqual([
      expect.objectContaining({ messageId: pollMessageId, state: 'posted' }),
    ]);
    expect(store.follows.find((f) => f.userId === owner())?.pausedAt).not.toBeNull();
    expect(store.follows.find((f) => f.userId === member())?.pausedAt).toBeNull();
  }, 40_000);

  test('WHEN the member whose DM was refused uses /follow list twice THEN the first answer tells them their follows are paused, the second does not', async () => {
    expect(handle.directMessages(owner())).toEqual([]);
    const refused = handle.requests.filter(
      (r) => r.path === `/channels/${handle.dmChannelOf(owner())}/messages`,
    );
    expect(refused.map((r) => r.status)).toEqual([403]);

    const first = await followList(owner());
    expect((first.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(first.content).toContain('your DMs are closed to me, so your follows are paused');
    expect(embedText(first.embeds?.[0])).toContain('paused: DMs closed');
    const second = await followList(owner());
    expect(second.content ?? '').not.toContain('DMs are closed');
  }, 30_000);

  test('WHEN the bot restarts once more later that day THEN no second results and no second DM', async () => {
    await bots.stopAll();
    const bot = await bots.start(LATER_THAT_DAY);
    await sleep(ABOUT_MS);
    expect(resultPosts()).toHaveLength(1);
    expect(handle.directMessages(member())).toHaveLength(1);
    expect(bot.logs().filter((r) => r.msg === 'poll results posted')).toEqual([]);
  }, 30_000);

  test('WHEN the run is over THEN no unknown route, no emulator error, no error in any bot log', () => {
    expect(handle.unknownRoutes).toEqual([]);
    expect(handle.internalErrors).toEqual([]);
    for (const bot of bots.started) expect(noErrors(bot)).toEqual([]);
  });
});
