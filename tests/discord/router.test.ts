import { ApplicationCommandOptionType, type Interaction } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { createInteractionRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { en } from '../../src/i18n/en.js';
import { EPHEMERAL } from '../../src/render/limits.js';
import { testContext } from '../helpers/context.js';

const GUILD = '200000000000000001';
/** What a user typed: it must never reach the log. */
const USER_TEXT = 'Germany my-private-words';

interface FakeOptions {
  kind: 'command' | 'autocomplete' | 'button';
  name: string;
  options?: { name: string; value: string }[];
  customId?: string;
}

/**
 * The surface of a discord.js interaction the router and toCommandInput use, no more: enough to
 * run the real router and the real commands without a gateway.
 */
function fakeInteraction({ kind, name, options = [], customId }: FakeOptions) {
  const sent: unknown[] = [];
  /** Which of the interaction's answers were called, in order, with what. */
  const calls: { method: string; body: unknown }[] = [];
  const interaction = {
    id: '300000000000000001',
    type: kind === 'autocomplete' ? 4 : kind === 'button' ? 3 : 2,
    commandName: name,
    customId,
    guildId: GUILD,
    channelId: '200000000000000002',
    locale: 'en-US',
    guildLocale: null,
    user: { id: '200000000000000003' },
    memberPermissions: null,
    deferred: false,
    replied: false,
    responded: false,
    isChatInputCommand: () => kind === 'command',
    isAutocomplete: () => kind === 'autocomplete',
    isButton: () => kind === 'button',
    isCommand: () => kind === 'command',
    isRepliable: () => kind !== 'autocomplete',
    options: {
      data: options.map((o) => ({
        ...o,
        type: ApplicationCommandOptionType.String,
        focused: true,
      })),
      getSubcommand: () => null,
      getFocused: () => ({ name: options[0]?.name ?? '', value: options[0]?.value ?? '' }),
    },
    reply(body: unknown) {
      interaction.replied = true;
      sent.push(body);
      calls.push({ method: 'reply', body });
      return Promise.resolve();
    },
    deferReply(body: unknown) {
      interaction.deferred = true;
      calls.push({ method: 'deferReply', body });
      return Promise.resolve();
    },
    editReply(body: unknown) {
      sent.push(body);
      calls.push({ method: 'editReply', body });
      return Promise.resolve();
    },
    followUp(body: unknown) {
      sent.push(body);
      calls.push({ method: 'followUp', body });
      return Promise.resolve();
    },
    update(body: unknown) {
      sent.push(body);
      calls.push({ method: 'update', body });
      return Promise.resolve();
    },
    respond(choices: unknown) {
      interaction.responded = true;
      sent.push(choices);
      calls.push({ method: 'respond', body: choices });
      return Promise.resolve();
    },
  };
  return { interaction: interaction as unknown as Interaction, sent, calls };
}

function harness(overrides: Partial<Parameters<typeof createInteractionRouter>[0]> = {}) {
  const lines: string[] = [];
  const log = createLogger('info', { write: (line: string) => lines.push(line) });
  const metrics = createMetrics({ processMetrics: false });
  const route = createInteractionRouter({
    commands,
    ctx: testContext(),
    log,
    metrics,
    ...overrides,
  });
  const records = () =>
    lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((r) => r['event'] === 'interaction');
  return { route, metrics, records, raw: () => lines.join('') };
}

describe('the router logs one line per interaction', () => {
  test.each([
    ['a found agreement', 'Germany', 'ok'],
    ['an unknown partner (an ephemeral suggestion)', 'Atlantis', 'ephemeral'],
  ])('GIVEN %s WHEN routed THEN one info line with its outcome', async (_, partner, outcome) => {
    const { route, records } = harness();
    const { interaction, sent } = fakeInteraction({
      kind: 'command',
      name: 'agreement',
      options: [{ name: 'partner', value: partner }],
    });
    await route(interaction);
    expect(sent).toHaveLength(1);
    const lines = records();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      event: 'interaction',
      kind: 'command',
      command: 'agreement',
      subcommand: null,
      outcome,
      deferred: false,
      guildId: GUILD,
    });
    expect(typeof lines[0]?.['latencyMs']).toBe('number');
    expect(lines[0]?.['latencyMs']).toBeGreaterThanOrEqual(0);
  });

  test('GIVEN user text in the options THEN it is nowhere in the log', async () => {
    const { route, raw } = harness();
    await route(
      fakeInteraction({
        kind: 'command',
        name: 'agreement',
        options: [{ name: 'partner', value: USER_TEXT }],
      }).interaction,
    );
    await route(
      fakeInteraction({
        kind: 'autocomplete',
        name: 'agreement',
        options: [{ name: 'partner', value: USER_TEXT }],
      }).interaction,
    );
    expect(raw()).not.toContain('my-private-words');
  });

  test('GIVEN an autocomplete and a button THEN each is one line with its kind', async () => {
    const { route, records } = harness();
    await route(
      fakeInteraction({
        kind: 'autocomplete',
        name: 'agreement',
        options: [{ name: 'partner', value: 'ger' }],
      }).interaction,
    );
    await route(
      fakeInteraction({ kind: 'button', name: '', customId: 'nosuchcommand:1' }).interaction,
    );
    expect(records().map((r) => [r['kind'], r['command'], r['outcome']])).toEqual([
      ['autocomplete', 'agreement', 'ok'],
      ['button', 'nosuchcommand', 'ephemeral'],
    ]);
  });

  test('GIVEN a command that throws THEN the line says failed and the metric counts it', async () => {
    const broken = {
      data: { name: 'broken', description: 'throws' },
      respond: () => {
        throw new Error('boom');
      },
    };
    const { route, records, metrics } = harness({
      commands: [broken] as unknown as typeof commands,
    });
    const { interaction, sent } = fakeInteraction({ kind: 'command', name: 'broken' });
    await route(interaction);
    expect(sent).toHaveLength(1); // the generic apology
    expect(records()).toEqual([expect.objectContaining({ command: 'broken', outcome: 'failed' })]);
    expect(await metrics.render()).toContain(
      'bot_interactions_total{kind="command",command="broken",outcome="failed"} 1',
    );
  });

  test('GIVEN routed commands THEN the metrics count them by command and outcome', async () => {
    const { route, metrics } = harness();
    for (const partner of ['Germany', 'France', 'Atlantis']) {
      await route(
        fakeInteraction({
          kind: 'command',
          name: 'agreement',
          options: [{ name: 'partner', value: partner }],
        }).interaction,
      );
    }
    const text = await metrics.render();
    expect(text).toContain(
      'bot_interactions_total{kind="command",command="agreement",outcome="ok"} 2',
    );
    expect(text).toContain(
      'bot_interactions_total{kind="command",command="agreement",outcome="ephemeral"} 1',
    );
    expect(text).toContain(
      'bot_interaction_reply_seconds_count{kind="command",command="agreement"} 3',
    );
  });
});

/** A command of the test's own: the router is tested apart from the real commands. */
function commandThat(
  respond: () => unknown,
  extra: { ephemeral?: true; autocomplete?: () => unknown } = {},
): typeof commands {
  return [{ data: { name: 'probe', description: 'a test command' }, respond, ...extra }] as never;
}

const flagsOf = (body: unknown) => (body as { flags?: number }).flags ?? 0;

describe('the router on its own', () => {
  test('GIVEN a command that throws before answering WHEN routed THEN the one catch replies with the generic apology, ephemerally', async () => {
    const { route } = harness({
      commands: commandThat(() => {
        throw new Error('boom');
      }),
    });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'probe' });
    await route(interaction);
    expect(calls.map((c) => c.method)).toEqual(['reply']);
    expect(calls[0]!.body).toMatchObject({ content: en.errors.unexpected });
    expect(flagsOf(calls[0]!.body) & EPHEMERAL).toBe(EPHEMERAL);
  });

  test('GIVEN a command that fails after its reply was deferred WHEN routed THEN the apology is a follow-up, since the reply is taken', async () => {
    const { route, records } = harness({
      deferAfterMs: 1,
      commands: commandThat(
        () => new Promise((_, reject) => setTimeout(() => reject(new Error('late boom')), 30)),
      ),
    });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'probe' });
    await route(interaction);
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'followUp']);
    expect(calls[1]!.body).toMatchObject({ content: en.errors.unexpected });
    expect(flagsOf(calls[1]!.body) & EPHEMERAL).toBe(EPHEMERAL);
    expect(records()).toEqual([expect.objectContaining({ outcome: 'failed', deferred: true })]);
  });

  test('GIVEN a button whose command is unknown WHEN pressed THEN an ephemeral "no longer in use", and its message is not updated', async () => {
    const { route, records } = harness();
    const { interaction, calls } = fakeInteraction({
      kind: 'button',
      name: '',
      customId: 'gone:page:2',
    });
    await route(interaction);
    expect(calls.map((c) => c.method)).toEqual(['reply']);
    expect(calls[0]!.body).toMatchObject({ content: en.errors.unknownButton });
    expect(flagsOf(calls[0]!.body) & EPHEMERAL).toBe(EPHEMERAL);
    expect(records()).toEqual([
      expect.objectContaining({ kind: 'button', command: 'gone', outcome: 'ephemeral' }),
    ]);
  });

  test('GIVEN an autocomplete that throws WHEN routed THEN Discord gets no choices (autocomplete cannot show a message) and the line says failed', async () => {
    const { route, records } = harness({
      commands: commandThat(() => ({ content: 'unused' }), {
        autocomplete: () => {
          throw new Error('boom');
        },
      }),
    });
    const { interaction, calls } = fakeInteraction({
      kind: 'autocomplete',
      name: 'probe',
      options: [{ name: 'partner', value: 'ger' }],
    });
    await route(interaction);
    expect(calls).toEqual([{ method: 'respond', body: [] }]);
    expect(records()).toEqual([
      expect.objectContaining({ kind: 'autocomplete', command: 'probe', outcome: 'failed' }),
    ]);
  });

  test('GIVEN a public command whose late answer is ephemeral WHEN routed THEN the deferral was public and the answer edits it: Discord fixed its visibility at the deferral', async () => {
    const late = { content: 'only for you', flags: EPHEMERAL };
    const { route, records } = harness({
      deferAfterMs: 1,
      commands: commandThat(() => new Promise((resolve) => setTimeout(() => resolve(late), 30))),
    });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'probe' });
    await route(interaction);
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(flagsOf(calls[0]!.body) & EPHEMERAL).toBe(0);
    expect(calls[1]!.body).toMatchObject({ content: 'only for you' });
    // Counted by what the command meant, though Discord shows it to everyone in the channel.
    expect(records()).toEqual([expect.objectContaining({ outcome: 'ephemeral', deferred: true })]);
  });

  test('GIVEN an ephemeral command whose answer is late WHEN routed THEN the deferral itself is ephemeral', async () => {
    const { route } = harness({
      deferAfterMs: 1,
      commands: commandThat(
        () =>
          new Promise((resolve) =>
            setTimeout(() => resolve({ content: 'admin view', flags: EPHEMERAL }), 30),
          ),
        { ephemeral: true },
      ),
    });
    const { interaction, calls } = fakeInteraction({ kind: 'command', name: 'probe' });
    await route(interaction);
    expect(calls.map((c) => c.method)).toEqual(['deferReply', 'editReply']);
    expect(flagsOf(calls[0]!.body) & EPHEMERAL).toBe(EPHEMERAL);
  });
});
