import type { Interaction } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { createInteractionRouter } from '../../src/discord/router.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { EPHEMERAL } from '../../src/render/limits.js';
import { testContext } from '../helpers/context.js';

/*
 * A button whose answer is a reply of its own (issue 12: a later record's "English original")
 * is answered with reply(), so the message with the button stays as it was; every other button
 * still updates its message (the /agreements pages here).
 */

function buttonInteraction(customId: string, locale = 'uk') {
  const calls: { method: 'reply' | 'update'; body: { flags?: number; embeds?: unknown[] } }[] = [];
  const interaction = {
    id: '300000000000000001',
    type: 3,
    customId,
    guildId: '200000000000000001',
    channelId: '200000000000000002',
    locale,
    guildLocale: null,
    user: { id: '200000000000000003' },
    memberPermissions: null,
    deferred: false,
    replied: false,
    isChatInputCommand: () => false,
    isAutocomplete: () => false,
    isButton: () => true,
    isModalSubmit: () => false,
    isRepliable: () => true,
    reply(body: { flags?: number }) {
      interaction.replied = true;
      calls.push({ method: 'reply', body });
      return Promise.resolve();
    },
    update(body: { flags?: number }) {
      calls.push({ method: 'update', body });
      return Promise.resolve();
    },
    followUp() {
      return Promise.resolve();
    },
  };
  return { interaction: interaction as unknown as Interaction, calls };
}

function router() {
  return createInteractionRouter({
    commands,
    ctx: testContext(),
    log: createLogger('silent', { write: () => undefined }),
    metrics: createMetrics({ processMetrics: false }),
  });
}

describe('buttons answered apart from their message', () => {
  test('GIVEN the "English original" button of a record WHEN pressed THEN one ephemeral reply with the English embed, and the message is not updated', async () => {
    const { interaction, calls } = buttonInteraction('agreement:en:us-reconstruction-fund');
    await router()(interaction);
    expect(calls.map((c) => c.method)).toEqual(['reply']);
    expect((calls[0]!.body.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(calls[0]!.body.embeds)).toContain('Reconstruction Investment Fund');
  });

  test('GIVEN a page button of /agreements WHEN pressed THEN its message is updated, as before', async () => {
    const { interaction, calls } = buttonInteraction('agreements:page:date:1', 'en-US');
    await router()(interaction);
    expect(calls.map((c) => c.method)).toEqual(['update']);
  });
});
