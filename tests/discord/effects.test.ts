import { describe, expect, test } from 'vitest';
import { Cooldowns } from '../../src/commands/cooldowns.js';
import type { CommandContext } from '../../src/commands/types.js';
import { runEffects, tellUntoldOutcomes } from '../../src/discord/effects.js';
import { en } from '../../src/i18n/en.js';
import { createLogger } from '../../src/log.js';
import { loadPrompts } from '../../src/schedule/prompts.js';
import { openMemoryStore } from '../../src/store/memory.js';
import { testContext, testData } from '../helpers/context.js';

const GUILD = '100000000000000001';
const AUTHOR = '400000000000000001';
const log = createLogger('silent');

/** What the effects use of a discord.js interaction: its REST client and followUp. */
function fakeInteraction(userId: string, refuseDms: boolean) {
  const rest: { route: string; body: unknown }[] = [];
  const followUps: { content?: string; flags?: number }[] = [];
  const interaction = {
    guildId: GUILD,
    locale: 'en-US',
    user: { id: userId },
    client: {
      rest: {
        post(route: string, { body }: { body: unknown }) {
          rest.push({ route, body });
          if (route === '/users/@me/channels') return Promise.resolve({ id: '900000000000000077' });
          if (refuseDms && route === '/channels/900000000000000077/messages') {
            return Promise.reject(
              Object.assign(new Error('Cannot send messages to this user'), { code: 50007 }),
            );
          }
          return Promise.resolve({ id: '900000000000000099' });
        },
      },
    },
    followUp(body: { content?: string; flags?: number }) {
      followUps.push(body);
      return Promise.resolve();
    },
  };
  return { interaction, rest, followUps };
}

async function decidedSuggestion() {
  const store = openMemoryStore();
  const made = await store.suggestions.create(
    {
      guildId: GUILD,
      authorId: AUTHOR,
      question: 'Which pact comes next, and why?',
      answers: null,
    },
    { maxOpen: 3, cooldownMs: 0 },
  );
  if (made.kind !== 'created') throw new Error('not created');
  await store.suggestions.decide(GUILD, made.suggestion.id, 1, {
    state: 'denied',
    by: '500000000000000001',
    reason: 'Asked last week',
  });
  const ctx: CommandContext = testContext({
    schedule: {
      store,
      prompts: loadPrompts(testData()),
      channels: { inspect: () => Promise.resolve({ kind: 'not-found' }) },
      cooldowns: new Cooldowns(),
    },
  });
  const dm = {
    kind: 'dm' as const,
    userId: AUTHOR,
    body: { content: 'Your suggestion was not taken' },
    suggestion: { guildId: GUILD, id: made.suggestion.id },
  };
  return { store, ctx, dm, id: made.suggestion.id };
}

describe('the author told of a decision', () => {
  test('GIVEN the author takes DMs WHEN the decision is sent THEN they get one DM with no pings, and nothing waits for their next use', async () => {
    const { ctx, dm } = await decidedSuggestion();
    const admin = fakeInteraction('500000000000000001', false);
    await runEffects(admin.interaction as never, [dm], ctx, log);
    expect(admin.rest.map((r) => r.route)).toEqual([
      '/users/@me/channels',
      '/channels/900000000000000077/messages',
    ]);
    expect(admin.rest[1]!.body).toMatchObject({ allowed_mentions: { parse: [] } });
    const author = fakeInteraction(AUTHOR, false);
    await tellUntoldOutcomes(author.interaction as never, ctx, log);
    expect(author.followUps).toEqual([]);
  });

  test('GIVEN the author’s DMs are closed WHEN the decision is sent THEN the admin sees no error, and the author is told once, only to them, at their next use', async () => {
    const { ctx, dm, id } = await decidedSuggestion();
    const admin = fakeInteraction('500000000000000001', true);
    await runEffects(admin.interaction as never, [dm], ctx, log);
    expect(admin.followUps).toEqual([]);

    const author = fakeInteraction(AUTHOR, false);
    await tellUntoldOutcomes(author.interaction as never, ctx, log);
    expect(author.followUps).toHaveLength(1);
    expect(author.followUps[0]!.flags).toBe(64);
    expect(author.followUps[0]!.content).toContain(en.suggest.noticeTitle);
    expect(author.followUps[0]!.content).toContain(`#${id}`);
    expect(author.followUps[0]!.content).toContain('Asked last week');

    await tellUntoldOutcomes(author.interaction as never, ctx, log);
    expect(author.followUps).toHaveLength(1);
  });

  test('GIVEN a test post that Discord refuses WHEN sent THEN the admin is told why, ephemerally', async () => {
    const { ctx } = await decidedSuggestion();
    const admin = fakeInteraction('500000000000000001', false);
    admin.interaction.client.rest.post = () =>
      Promise.reject(Object.assign(new Error('Missing Permissions'), { code: 50013 }));
    await runEffects(
      admin.interaction as never,
      [
        {
          kind: 'post',
          channelId: '800000000000000001',
          body: { content: 'test' },
          failureNotice: en.adminTools.testFailed('<#800000000000000001>', '{reason}'),
        },
      ],
      ctx,
      log,
    );
    expect(admin.followUps).toEqual([
      expect.objectContaining({
        content: en.adminTools.testFailed('<#800000000000000001>', 'Missing Permissions'),
        flags: 64,
      }),
    ]);
  });
});
