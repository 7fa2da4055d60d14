import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BotProcess } from './bot/bot-process.js';
import { FAKE_TOKEN, LOG_LEVEL, startBot } from './bot/bot-process.js';
import {
  ANNIVERSARY_DUE,
  EVERY_SECOND,
  adminSchedule,
  postsTo,
  readStoreFile,
  setupOptions,
  shifted,
  sleep,
} from './bot/schedule.js';
import { EPHEMERAL, customIds, messageOf, roundTrip } from './bot/wire.js';
import type { EmulatorHandle } from './emulator/index.js';
import { CallbackType, DEFAULT_CHANNELS, startEmulator } from './emulator/index.js';

/*
 * A member's suggestion, approved by an admin through the queue's button, and then posted by the
 * real bot process as the server's next daily prompt, credited without a ping.
 */

const LEAD_MS = 20_000;
const QUESTION = 'Should every partner publish each year what it actually delivered?';

describe('GIVEN the real bot, its clock 20 s before 09:00 Kyiv, a server with daily prompts', () => {
  let handle: EmulatorHandle;
  let bot: BotProcess;
  const channel = () => handle.channel(DEFAULT_CHANNELS.general, handle.guild(0).id).id;

  beforeAll(async () => {
    handle = await startEmulator({ token: FAKE_TOKEN, guildCount: 1, heartbeatIntervalMs: 1_000 });
    bot = await startBot({
      apiUrl: handle.restUrl,
      env: { BOT_CLOCK_START: shifted(ANNIVERSARY_DUE, -LEAD_MS), SCHEDULE_CRON: EVERY_SECOND },
    });
    await roundTrip(handle, adminSchedule(handle, 'setup', setupOptions(channel())));
    await roundTrip(
      handle,
      adminSchedule(handle, 'set', { prompts: 'daily', anniversaries: false }),
    );
  }, 40_000);

  afterAll(async () => {
    await bot?.stop();
    await handle?.close();
  });

  test('WHEN a member suggests a question, an admin approves it with the queue’s button THEN the 09:00 prompt is that question, credited by a mention that pings nobody, posted once', async () => {
    const member = await roundTrip(
      handle,
      handle.interactions.slash({
        name: 'suggest',
        options: { question: QUESTION, answers: 'Yes; No' },
        guildId: handle.guild(0).id,
      }),
    );
    expect(member).toMatchObject({ type: CallbackType.ChannelMessage, status: 204 });
    expect((messageOf(member).flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(messageOf(member).content).toMatch(/Your suggestion \*\*#[a-z0-9]{8}\*\* is waiting/);
    const authorId = readStoreFile(bot.storePath).suggestions?.[0]?.authorId;
    expect(authorId).toMatch(/^\d{17,20}$/);

    const queue = await roundTrip(handle, adminSchedule(handle, 'suggestions'));
    expect((messageOf(queue).flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const queueMessage = handle.interactionMessages(queue.interactionId).original!;
    const approve = customIds(queueMessage).find((id) => id.startsWith('suggest:approve:'));
    expect(approve).toMatch(/^suggest:approve:[a-z0-9]{8}:1:open:0$/);

    const click = await roundTrip(
      handle,
      handle.interactions.button({
        customId: approve!,
        messageId: queueMessage.id,
        userId: handle.guild(0).ownerId,
      }),
    );
    expect(click).toMatchObject({ type: CallbackType.UpdateMessage, status: 204 });
    expect(messageOf(click).content).toContain('Approved');
    expect(readStoreFile(bot.storePath).suggestions?.[0]?.state).toBe('approved');

    const post = await handle.waitFor(
      () =>
        postsTo(handle, channel()).find((r) =>
          String((r.body as { content?: string }).content ?? '').includes(QUESTION),
        ) ?? null,
      LEAD_MS + 20_000,
      'the suggested prompt in the channel',
    );
    const body = post.body as {
      content: string;
      embeds: { description?: string }[];
      allowed_mentions: unknown;
      poll?: { answers: { poll_media: { text: string } }[] };
    };
    expect(body.embeds[0]?.description).toBe(`Suggested by <@${authorId}>`);
    expect(body.content).not.toContain('<@');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.poll?.answers.map((a) => a.poll_media.text)).toEqual(['Yes', 'No']);

    await sleep(3_000);
    expect(postsTo(handle, channel())).toHaveLength(1);
    expect(bot.logs().filter((r) => r.level >= LOG_LEVEL.error)).toEqual([]);
  }, 60_000);
});
