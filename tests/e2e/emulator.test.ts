import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { DiscordAPIError, Events, PermissionFlagsBits } from 'discord.js';
import type { Client, Interaction, TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loginTestClient } from './emulator/client.js';
import type { EmulatorHandle, InteractionPayload } from './emulator/index.js';
import {
  CallbackType,
  DEFAULT_CHANNELS,
  SnowflakeGenerator,
  startEmulator,
} from './emulator/index.js';
import { FLOOR_CHOICE, FLOOR_EMBED, answer as floorAnswer } from './floor-bot.js';

const HEARTBEAT_MS = 150;
const EMBED = { title: 'Answer', description: 'From the in-process test bot.' };

/** The in-process bot: the floor's answers, plus a few commands that exercise other routes. */
async function answer(interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) {
    switch (interaction.commandName) {
      case 'defer':
        await interaction.deferReply();
        await interaction.editReply({ embeds: [EMBED] });
        return;
      case 'followup':
        await interaction.reply({ content: 'first' });
        await interaction.followUp({ content: 'second' });
        return;
      case 'sub':
        await interaction.reply({
          content: `${interaction.options.getSubcommand()}:${interaction.options.getString('q', true)}`,
        });
        return;
      default:
        await interaction.reply({ embeds: [EMBED] });
        return;
    }
  }
  if (interaction.isButton()) {
    await interaction.update({ content: `pressed ${interaction.customId}`, components: [] });
    return;
  }
  await floorAnswer(interaction);
}

describe('GIVEN the emulator and an unmodified discord.js client', () => {
  let handle: EmulatorHandle;
  let client: Client<true>;
  let loginMs: number;

  beforeAll(async () => {
    handle = await startEmulator({ heartbeatIntervalMs: HEARTBEAT_MS });
    const started = performance.now();
    client = await loginTestClient(handle);
    loginMs = performance.now() - started;
    client.on(Events.InteractionCreate, (interaction) => {
      answer(interaction).catch((error: unknown) =>
        console.error('test bot failed to answer', error),
      );
    });
  });

  afterAll(async () => {
    await client?.destroy();
    await handle?.close();
  });

  /** Dispatches and waits for the bot's callback. */
  async function roundTrip(payload: InteractionPayload) {
    const { id } = handle.dispatchInteraction(payload);
    return handle.waitForCallback(id, 4_000);
  }

  const general = (): string => handle.channel(DEFAULT_CHANNELS.general).id;
  const textChannel = (id: string): TextChannel => client.channels.cache.get(id) as TextChannel;

  test('WHEN the client logs in THEN it is ready fast with the fixture guild, channels and permissions', () => {
    expect(loginMs).toBeLessThan(2_000);
    const guild = client.guilds.cache.get(handle.guild().id);
    expect(guild?.channels.cache.size).toBe(3);
    const me = guild!.members.me!;
    const can = (name: string, bit: bigint) =>
      textChannel(handle.channel(name).id).permissionsFor(me).has(bit);
    expect(can(DEFAULT_CHANNELS.general, PermissionFlagsBits.SendMessages)).toBe(true);
    expect(can(DEFAULT_CHANNELS.hidden, PermissionFlagsBits.ViewChannel)).toBe(false);
    expect(can(DEFAULT_CHANNELS.readOnly, PermissionFlagsBits.SendMessages)).toBe(false);
    expect(handle.requests[0]).toMatchObject({
      method: 'GET',
      path: '/gateway/bot',
      auth: 'bot',
      status: 200,
    });
  });

  test('WHEN a slash command arrives THEN the callback carries the embed, unauthenticated, with a time', async () => {
    const callback = await roundTrip(
      handle.interactions.slash({ name: 'agreement', options: { partner: 'x' } }),
    );
    expect(callback).toMatchObject({
      type: CallbackType.ChannelMessage,
      status: 204,
      data: { embeds: [EMBED] },
    });
    expect(callback.elapsedMs).toBeGreaterThan(0);
    expect(callback.elapsedMs).toBeLessThan(1_000);
    const request = handle.requests.find((r) =>
      r.path.startsWith(`/interactions/${callback.interactionId}/`),
    );
    expect(request?.auth).toBe('none');
  });

  test('WHEN a subcommand arrives THEN discord.js reads the nested options', async () => {
    const callback = await roundTrip(
      handle.interactions.slash({ name: 'sub', subcommand: 'find', options: { q: 'kyiv' } }),
    );
    expect(callback.data).toMatchObject({ content: 'find:kyiv' });
  });

  test('WHEN an autocomplete arrives THEN the callback carries the choices', async () => {
    const callback = await roundTrip(
      handle.interactions.autocomplete({
        name: 'agreement',
        options: { partner: 'Fr' },
        focused: 'partner',
      }),
    );
    expect(callback).toMatchObject({
      type: CallbackType.AutocompleteResult,
      data: { choices: [FLOOR_CHOICE] },
    });
  });

  test('WHEN a button is pressed THEN the update edits the message it sits on', async () => {
    const payload = handle.interactions.button({ customId: 'page:2' });
    const callback = await roundTrip(payload);
    expect(callback.type).toBe(CallbackType.UpdateMessage);
    const messageId = (payload.message as { id: string }).id;
    expect(handle.messages().find((m) => m.id === messageId)?.content).toBe('pressed page:2');
  });

  test('WHEN the bot defers then edits THEN the PATCH to %40original edits the reply', async () => {
    const { id } = handle.dispatchInteraction(handle.interactions.slash({ name: 'defer' }));
    const original = await handle.waitFor(() => {
      const reply = handle.interactionMessages(id).original;
      return reply?.editedAt !== null ? reply : undefined;
    });
    expect(original.embeds).toEqual([EMBED]);
    expect(handle.callbacks.find((c) => c.interactionId === id)?.type).toBe(
      CallbackType.DeferredChannelMessage,
    );
    expect(handle.unknownRoutes).toEqual([]);
  });

  test('WHEN the bot replies then follows up THEN both messages are kept for the interaction', async () => {
    const { id } = handle.dispatchInteraction(handle.interactions.slash({ name: 'followup' }));
    const followUps = await handle.waitFor(() => {
      const found = handle.interactionMessages(id).followUps;
      return found.length === 1 ? found : undefined;
    });
    expect(followUps[0]?.content).toBe('second');
    expect(handle.interactionMessages(id).original?.content).toBe('first');
  });

  test('WHEN commands are bulk-overwritten THEN they are stored, recorded and used by the factory', async () => {
    await client.application.commands.set(
      [{ name: 'agreement', description: 'Look one up' }],
      handle.guild().id,
    );
    const [stored] = handle.commands.guilds.get(handle.guild().id) ?? [];
    expect(stored?.name).toBe('agreement');
    expect(handle.commands.writes.at(-1)).toMatchObject({ scope: 'guild', status: 200 });
    expect(handle.interactions.slash({ name: 'agreement' }).data).toMatchObject({ id: stored?.id });
  });

  test('WHEN a command name is invalid THEN the overwrite is refused with 50035', async () => {
    const put = client.application.commands.set([{ name: 'Bad Name', description: 'x' }]);
    await expect(put).rejects.toMatchObject({ code: 50035 });
  });

  test('WHEN a channel post meets one 429 THEN discord.js waits, retries once and it is delivered once', async () => {
    const channelId = general();
    const path = `/channels/${channelId}/messages`;
    const rule = handle.faults.rateLimit({ method: 'POST', path, retryAfterSeconds: 0.1 });
    const before = handle.channelMessages(channelId).length;
    await textChannel(channelId).send({ embeds: [EMBED], allowedMentions: { parse: [] } });
    const posts = handle.requests.filter((r) => r.method === 'POST' && r.path === path).slice(-2);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(90);
    expect(rule).toMatchObject({ fired: 1, remaining: 0 });
    expect(handle.channelMessages(channelId)).toHaveLength(before + 1);
    expect(handle.channelMessages(channelId).at(-1)?.allowedMentions).toEqual({ parse: [] });
  });

  test('WHEN a channel post meets one 502 THEN discord.js retries it and it is delivered once', async () => {
    const channelId = general();
    const path = `/channels/${channelId}/messages`;
    handle.faults.serverError({ method: 'POST', path, status: 502 });
    const before = handle.channelMessages(channelId).length;
    await textChannel(channelId).send({ content: 'after a 502' });
    const posts = handle.requests.filter((r) => r.method === 'POST' && r.path === path).slice(-2);
    expect(posts.map((r) => [r.status, r.fault])).toEqual([
      [502, 'server-error'],
      [200, null],
    ]);
    expect(handle.channelMessages(channelId)).toHaveLength(before + 1);
  });

  test('WHEN a channel post is delayed THEN it is in flight (status 0) meanwhile, then answered once', async () => {
    const channelId = general();
    const path = `/channels/${channelId}/messages`;
    const rule = handle.faults.delay({ method: 'POST', path, ms: 300 });
    const before = handle.channelMessages(channelId).length;
    const sent = textChannel(channelId).send({ content: 'after a delay' });
    const held = await handle.waitFor(
      () => handle.requests.find((r) => r.path === path && r.fault === 'delay'),
      2_000,
      'the delayed request',
    );
    expect(held.status).toBe(0);
    expect(handle.channelMessages(channelId)).toHaveLength(before);
    await sent;
    expect(held.status).toBe(200);
    expect(rule).toMatchObject({ fired: 1, remaining: 0 });
    expect(handle.channelMessages(channelId)).toHaveLength(before + 1);
  });

  test.each([-1, 10_001, Number.NaN])(
    'WHEN a delay of %s ms is asked for THEN it is refused',
    (ms) => {
      expect(() => handle.faults.delay({ ms })).toThrow(RangeError);
    },
  );

  test('WHEN a poll is posted THEN the stored message carries it with answer ids', async () => {
    const message = await textChannel(general()).send({
      poll: {
        question: { text: 'Which?' },
        answers: [{ text: 'A' }, { text: 'B' }],
        duration: 24,
        allowMultiselect: false,
      },
    });
    expect(message.poll?.answers.map((a) => a.text)).toEqual(['A', 'B']);
    const stored = handle.channelMessages(general()).at(-1);
    expect(stored?.poll).toMatchObject({
      question: { text: 'Which?' },
      answers: [{ answer_id: 1 }, { answer_id: 2 }],
    });
  });

  test('WHEN the same nonce is sent twice with enforce_nonce THEN one message exists', async () => {
    const channel = textChannel(general());
    const before = handle.channelMessages(channel.id).length;
    const first = await channel.send({ content: 'once', nonce: 'nonce-1', enforceNonce: true });
    const second = await channel.send({ content: 'once', nonce: 'nonce-1', enforceNonce: true });
    expect(second.id).toBe(first.id);
    expect(handle.channelMessages(channel.id)).toHaveLength(before + 1);
  });

  test('WHEN a thread is started from a posted message THEN it is recorded with the message id', async () => {
    const message = await textChannel(general()).send({ content: 'thread root' });
    const thread = await message.startThread({ name: 'discussion', autoArchiveDuration: 1440 });
    expect(thread.id).toBe(message.id);
    expect(handle.threads.at(-1)).toMatchObject({
      messageId: message.id,
      name: 'discussion',
      parentId: general(),
    });
  });

  test.each([
    {
      given: 'a channel the bot cannot see',
      channel: DEFAULT_CHANNELS.hidden,
      status: 403,
      code: 50001,
    },
    {
      given: 'a channel the bot cannot post in',
      channel: DEFAULT_CHANNELS.readOnly,
      status: 403,
      code: 50013,
    },
  ])(
    'WHEN posting to $given THEN Discord answers $status/$code',
    async ({ channel, status, code }) => {
      const error = await client.rest
        .post(`/channels/${handle.channel(channel).id}/messages`, { body: { content: 'x' } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect(error).toMatchObject({ status, code });
    },
  );

  test('WHEN a channel is deleted at run time THEN posts answer 404/10003 and the client drops it', async () => {
    const doomed = handle.createChannel('doomed');
    await handle.waitFor(() => client.channels.cache.has(doomed.id));
    const channel = textChannel(doomed.id);
    handle.deleteChannel(doomed.id);
    await expect(channel.send('x')).rejects.toMatchObject({ status: 404, code: 10003 });
    expect(client.channels.cache.has(doomed.id)).toBe(false);
  });

  test('WHEN an injected 403/50013 is spent THEN the next post goes through', async () => {
    const path = `/channels/${general()}/messages`;
    handle.faults.missingPermissions({ method: 'POST', path });
    await expect(textChannel(general()).send('x')).rejects.toMatchObject({ code: 50013 });
    await expect(textChannel(general()).send('y')).resolves.toMatchObject({ content: 'y' });
  });

  test('WHEN the bot calls a route the emulator does not know THEN it answers 404 and records it', async () => {
    await expect(client.rest.get('/guilds/123456789012345678/emojis')).rejects.toMatchObject({
      status: 404,
      rawError: { code: 0, message: '404: Not Found' },
    });
    expect(handle.unknownRoutes.map((r) => r.path)).toEqual(['/guilds/123456789012345678/emojis']);
  });

  test.each([
    { fault: 'close 4000', inject: (h: EmulatorHandle) => h.faults.closeSocket(4000) },
    { fault: 'a dropped connection', inject: (h: EmulatorHandle) => h.faults.dropSocket() },
    { fault: 'op 7 RECONNECT', inject: (h: EmulatorHandle) => h.faults.requestReconnect() },
  ])(
    'WHEN the gateway sends $fault THEN the client resumes and answers the replayed interaction',
    async ({ inject }) => {
      const { identifies, resumed } = { ...handle.gateway.stats };
      inject(handle);
      const { id, seq } = handle.dispatchInteraction(
        handle.interactions.slash({ name: 'agreement' }),
      );
      const callback = await handle.waitForCallback(id, 4_000);
      expect(callback.status).toBe(204);
      // After op 7 the client may still answer on the old socket before it resumes.
      await handle.waitFor(() => handle.gateway.stats.resumed > resumed, 4_000, 'a resume');
      expect(handle.gateway.stats.resumed).toBe(resumed + 1);
      expect(handle.gateway.stats.identifies).toBe(identifies);
      expect(
        handle.gateway.log.some(
          (e) => e.direction === 'out' && e.t === 'INTERACTION_CREATE' && e.s === seq,
        ),
      ).toBe(true);
    },
  );

  test.each([
    {
      fault: 'close 4007 (invalid seq)',
      inject: (h: EmulatorHandle) => h.faults.closeSocket(4007),
    },
    {
      fault: 'INVALID_SESSION false',
      inject: (h: EmulatorHandle) => h.faults.invalidSession(false),
    },
  ])(
    'WHEN the gateway sends $fault THEN the client identifies afresh and keeps answering',
    async ({ inject }) => {
      const { identifies } = handle.gateway.stats;
      const earlier = new Set(handle.gateway.sessions().map((s) => s.id));
      inject(handle);
      // READY and the one GUILD_CREATE make seq 2 on the new session.
      const fresh = () =>
        handle.gateway.sessions().find((s) => !earlier.has(s.id) && s.connected && s.seq >= 2);
      await handle.waitFor(fresh, 4_000, 'a new session');
      expect(handle.gateway.stats.identifies).toBe(identifies + 1);
      const callback = await roundTrip(handle.interactions.slash({ name: 'agreement' }));
      expect(callback.status).toBe(204);
    },
  );

  test('WHEN heartbeat ACKs are withheld THEN the client closes the zombie connection and resumes', async () => {
    const { resumed } = handle.gateway.stats;
    handle.faults.withholdAcks(1);
    await handle.waitFor(() => handle.gateway.stats.resumed > resumed, 4_000, 'a resume');
    expect(handle.gateway.stats.acksWithheld).toBe(1);
    expect(handle.gateway.stats.clientCloseCodes).toContain(4200);
    const callback = await roundTrip(handle.interactions.slash({ name: 'agreement' }));
    expect(callback.status).toBe(204);
  });

  test('WHEN anything was recorded THEN the token never was, and the emulator raised nothing', () => {
    expect(JSON.stringify(handle.requests)).not.toContain(handle.token);
    expect(
      handle.requests.filter((r) => r.path.startsWith('/channels/')).every((r) => r.auth === 'bot'),
    ).toBe(true);
    expect(handle.internalErrors).toEqual([]);
  });
});

describe('GIVEN a bot slower than the interaction response window', () => {
  let handle: EmulatorHandle;
  let client: Client<true>;
  const replyErrors: unknown[] = [];

  beforeAll(async () => {
    handle = await startEmulator({ interactionResponseWindowMs: 50 });
    client = await loginTestClient(handle);
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      setTimeout(() => {
        interaction.reply({ embeds: [EMBED] }).catch((error: unknown) => replyErrors.push(error));
      }, 100);
    });
  });

  afterAll(async () => {
    await client?.destroy();
    await handle?.close();
  });

  test('WHEN it answers late THEN the callback is refused with 404/10062 and the bot sees that code', async () => {
    const { id } = handle.dispatchInteraction(handle.interactions.slash({ name: 'slow' }));
    expect(await handle.waitForCallback(id)).toMatchObject({ status: 404, errorCode: 10062 });
    await handle.waitFor(() => replyErrors.length > 0);
    expect(replyErrors[0]).toMatchObject({ code: 10062 });
    expect(handle.interactionMessages(id).original).toBeNull();
  });

  test('WHEN its records are forgotten THEN they are gone, and the next interaction is recorded as usual', async () => {
    const before = handle.dispatchInteraction(handle.interactions.slash({ name: 'slow' }));
    await handle.waitForCallback(before.id);
    handle.forgetRecords();
    expect([handle.requests.length, handle.callbacks.length, handle.messages().length]).toEqual([
      0, 0, 0,
    ]);
    expect(handle.interactionMessages(before.id).original).toBeNull();

    const { id } = handle.dispatchInteraction(handle.interactions.slash({ name: 'slow' }));
    expect(await handle.waitForCallback(id)).toMatchObject({ interactionId: id });
    expect(handle.callbacks.map((c) => c.interactionId)).toEqual([id]);
  });

  test('WHEN no client is logged in THEN dispatching says so instead of dropping the interaction', async () => {
    const lonely = await startEmulator();
    try {
      expect(() => lonely.dispatchInteraction(lonely.interactions.slash({ name: 'x' }))).toThrow(
        /no gateway session/,
      );
    } finally {
      await lonely.close();
    }
  });
});

describe('GIVEN a snowflake generator on a frozen clock', () => {
  test('WHEN 10,000 ids are made in one millisecond THEN none repeats and each is larger', () => {
    const ids = new SnowflakeGenerator(() => 1_750_000_000_000);
    const made = Array.from({ length: 10_000 }, () => ids.next());
    expect(new Set(made).size).toBe(made.length);
    expect(made.every((id, i) => i === 0 || BigInt(id) > BigInt(made[i - 1]!))).toBe(true);
    expect(made.every((id) => /^\d{17,19}$/.test(id))).toBe(true);
  });
});

describe('GIVEN the floor bot as its own process', () => {
  let handle: EmulatorHandle;
  let bot: ChildProcess;

  beforeAll(async () => {
    handle = await startEmulator({ heartbeatIntervalMs: 5_000 });
    bot = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/floor-bot.ts'], {
      env: { ...process.env, EMULATOR_API: handle.restUrl, DISCORD_TOKEN: handle.token },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: bot.stdout! });
    const [line] = (await Promise.race([
      once(lines, 'line'),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('floor bot not ready in 10 s')), 10_000),
      ),
    ])) as string[];
    expect(line).toBe('ready');
  }, 15_000);

  afterAll(async () => {
    if (bot && bot.exitCode === null) {
      bot.kill('SIGTERM');
      await once(bot, 'exit');
    }
    await handle?.close();
  });

  test('WHEN it gets a slash command and an autocomplete THEN it answers with the fixed embed and choice', async () => {
    const slash = handle.dispatchInteraction(handle.interactions.slash({ name: 'anything' }));
    const complete = handle.dispatchInteraction(
      handle.interactions.autocomplete({ name: 'anything', focused: 'q' }),
    );
    expect(await handle.waitForCallback(slash.id)).toMatchObject({
      type: 4,
      data: { embeds: [FLOOR_EMBED] },
    });
    expect(await handle.waitForCallback(complete.id)).toMatchObject({
      type: 8,
      data: { choices: [FLOOR_CHOICE] },
    });
  });
});
