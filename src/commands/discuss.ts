import { InteractionContextType } from 'discord-api-types/v10';
import { DateTime } from 'luxon';
import { languageOf, stringsFor } from '../i18n/index.js';
import { discordTimestamp } from '../render/format.js';
import { renderPromptPost } from '../render/posts.js';
import { ephemeral } from '../render/reply.js';
import { markPromptSeen, nextPrompt, promptSources } from '../schedule/prompts.js';
import type { GuildSettings } from '../store/domain.js';
import { ifSetUp, updateSettings } from '../store/update-settings.js';
import type { CooldownResult } from './cooldowns.js';
import { defineCommand } from './types.js';

/** One discussion per member per 10 minutes, and per channel per 3: enough to talk, not to flood. */
export const DISCUSS_USER_COOLDOWN_MS = 10 * 60 * 1000;
export const DISCUSS_CHANNEL_COOLDOWN_MS = 3 * 60 * 1000;

export const discuss = defineCommand({
  data: {
    name: 'discuss',
    description:
      'Start a discussion here: a question grounded in the agreements, often with a poll',
    contexts: [InteractionContextType.Guild],
  },

  async respond(input, ctx) {
    const strings = stringsFor(input.locale);
    if (!input.guildId || !input.channelId)
      return ephemeral({ content: strings.schedule.notInGuild });
    if (!ctx.schedule) return ephemeral({ content: strings.schedule.notServed });
    const { store, prompts, cooldowns } = ctx.schedule;
    const now = ctx.now();
    // Read before the cooldown is taken: a store that does not answer costs the member no wait.
    let settings: GuildSettings | undefined;
    try {
      settings = (await store.settings.get(input.guildId))?.value;
    } catch {
      return ephemeral({ content: strings.storage.unavailable });
    }
    let wait: CooldownResult;
    try {
      // Kept in PostgreSQL when the store is: then they hold across every process of the bot.
      wait = await cooldowns.take(
        [
          { key: `discuss:user:${input.userId}`, ms: DISCUSS_USER_COOLDOWN_MS },
          { key: `discuss:channel:${input.channelId}`, ms: DISCUSS_CHANNEL_COOLDOWN_MS },
        ],
        now,
      );
    } catch {
      return ephemeral({ content: strings.storage.unavailable });
    }
    if (!wait.ok) {
      return ephemeral({
        content: strings.schedule.discussCooldown(
          discordTimestamp(wait.retryAt.getTime() / 1000, 'R'),
        ),
      });
    }

    // A server with a schedule goes through the same rotation as its scheduled prompts.
    const prompt = settings
      ? nextPrompt(prompts, settings.promptsSeen)
      : (prompts.prompts[Math.floor(ctx.random() * prompts.prompts.length)] ??
        nextPrompt(prompts, []));
    // Marked before the reply is sent (the router sends it): should that send fail, the server
    // skips one prompt in its rotation, which is better than showing the same one twice.
    if (settings) {
      const marked = await updateSettings(
        store.settings,
        input.guildId,
        ifSetUp((current) => ({
          ...current,
          promptsSeen: markPromptSeen(prompts, current.promptsSeen, prompt.id),
        })),
      );
      if (marked.kind === 'unavailable' || marked.kind === 'contended') {
        return ephemeral({ content: strings.storage.notSaved });
      }
    }
    const zone = settings?.timeZone ?? 'UTC';
    const message = renderPromptPost({
      prompt,
      ...promptSources(prompt, ctx.data),
      // A prompt posted by hand is open as long as a weekly one: a week-long poll and thread.
      cadence: 'weekly',
      localDate: DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10),
      pingRoleId: null,
      // A public post: in the server's language where it chose one, else in the member's.
      language: languageOf(settings?.language ?? input.locale),
    });
    return {
      content: message.body.content,
      embeds: message.body.embeds,
      ...(message.body.poll ? { poll: message.body.poll } : {}),
      ...(message.thread ? { thread: message.thread } : {}),
    };
  },
});
