import { DiscordAPIError, REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EmulatorHandle } from './emulator/index.js';
import { DEFAULT_CHANNELS, startEmulator } from './emulator/index.js';

/*
 * The emulator's parts for the community features (issue 13): DM channels and closed DMs, and
 * the votes and finalisation of a poll the bot posted, through discord.js's own REST client.
 */

describe('GIVEN the emulator and discord.js’s REST client with the bot’s token', () => {
  let handle: EmulatorHandle;
  let rest: REST;
  const member = () => handle.guild(0).members.find((m) => m.user.username === 'member0')!.user;
  const owner = () => handle.guild(0).ownerId;

  beforeAll(async () => {
    handle = await startEmulator();
    rest = new REST({ api: handle.restUrl, retries: 0 }).setToken(handle.token);
  });

  afterAll(async () => {
    await handle?.close();
  });

  const openDm = async (userId: string) =>
    (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as {
      id: string;
      type: number;
      recipients: { id: string }[];
    };

  test('WHEN the bot opens a DM with a member twice THEN it gets one DM channel (type 1) naming them', async () => {
    const first = await openDm(member().id);
    const second = await openDm(member().id);
    expect(first).toMatchObject({ type: 1, recipients: [{ id: member().id }] });
    expect(first.id).toMatch(/^\d{17,20}$/);
    expect(second.id).toBe(first.id);
    expect(handle.dmChannelOf(member().id)).toBe(first.id);
  });

  test('WHEN the bot DMs a member with a nonce twice THEN one message is in their DMs, with no guild', async () => {
    const { id } = await openDm(member().id);
    const body = { content: 'hello', nonce: 'dm-nonce-1', enforce_nonce: true };
    const a = (await rest.post(Routes.channelMessages(id), { body })) as { id: string };
    const b = (await rest.post(Routes.channelMessages(id), { body })) as { id: string };
    expect(b.id).toBe(a.id);
    const dms = handle.directMessages(member().id);
    expect(dms.map((m) => m.content)).toEqual(['hello']);
    expect(dms[0]?.api).not.toHaveProperty('guild_id');
  });

  test('WHEN a user closed their DMs THEN opening works but the message is refused with 403/50007, and nothing is stored', async () => {
    handle.closeDms(owner());
    const { id } = await openDm(owner());
    const refused = await rest
      .post(Routes.channelMessages(id), { body: { content: 'hi' } })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(refused).toMatchObject({ status: 403, code: 50007 });
    expect(handle.directMessages(owner())).toEqual([]);

    handle.openDms(owner());
    await rest.post(Routes.channelMessages(id), { body: { content: 'hi again' } });
    expect(handle.directMessages(owner()).map((m) => m.content)).toEqual(['hi again']);
  });

  test('WHEN the recipient is nobody the bot shares a server with THEN 400/50033', async () => {
    const refused = await openDm('12345678901234567').catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 400, code: 50033 });
  });

  test('WHEN a test sets a poll’s votes and then finalises it THEN GET shows the counts, then is_finalized', async () => {
    const channelId = handle.channel(DEFAULT_CHANNELS.general).id;
    const posted = (await rest.post(Routes.channelMessages(channelId), {
      body: {
        poll: {
          question: { text: 'Which first?' },
          answers: [
            { poll_media: { text: 'A' } },
            { poll_media: { text: 'B' } },
            { poll_media: { text: 'C' } },
          ],
          duration: 1,
        },
      },
    })) as { id: string };
    const read = async () =>
      (
        (await rest.get(Routes.channelMessage(channelId, posted.id))) as {
          poll: {
            results: { is_finalized: boolean; answer_counts: { id: number; count: number }[] };
          };
        }
      ).poll.results;

    expect(await read()).toEqual({ is_finalized: false, answer_counts: [] });
    handle.setPollResults(posted.id, [3, 0, 1]);
    expect(await read()).toEqual({
      is_finalized: false,
      answer_counts: [
        { id: 1, count: 3, me_voted: false },
        { id: 3, count: 1, me_voted: false },
      ],
    });
    handle.finalizePoll(posted.id);
    expect(await read()).toMatchObject({
      is_finalized: true,
      answer_counts: [
        { id: 1, count: 3 },
        { id: 3, count: 1 },
      ],
    });

    expect(() => handle.setPollResults(posted.id, [1, 1, 1, 1])).toThrow(/3 answers/);
    expect(() => handle.finalizePoll(handle.ids.next())).toThrow(/no message/);
  });

  test('WHEN the run is over THEN no unknown route and no emulator error', () => {
    expect(handle.unknownRoutes).toEqual([]);
    expect(handle.internalErrors).toEqual([]);
  });
});
