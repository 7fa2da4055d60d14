import { ApplicationCommandOptionType, type Interaction } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { createInteractionRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/ops/metrics.js';
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
      return Promise.resolve();
    },
    followUp(body: unknown) {
      sent.push(body);
      return Promise.resolve();
    },
    update(body: unknown) {
      sent.push(body);
      return Promise.resolve();
    },
    respond(choices: unknown) {
      interaction.responded = true;
      sent.push(choices);
      return Promise.resolve();
    },
  };
  return { interaction: interaction as unknown as Interaction, sent };
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
