import { DiscordAPIError, MessageFlags, Routes, type Interaction } from 'discord.js';
import type { CommandContext } from '../commands/types.js';
import { stringsFor } from '../i18n/index.js';
import type { Logger } from '../log.js';
import type { ReplyBody, ReplyEffect } from '../render/reply.js';
import { renderOutcomeNotice } from '../render/suggestions.js';
import { NO_PINGS } from './send.js';

/**
 * The messages a reply sets in motion (issue 13): a new suggestion shown to admins, a test post,
 * a DM telling an author what was decided. Sent through REST after the reply, so the reply is
 * never late for them; each failure is logged and, where the user should know, told to them
 * ephemerally. None pings anyone.
 */

type Repliable = Extract<Interaction, { followUp: unknown }>;

/** The create-message body of an effect: the API's own JSON, every mention off. */
function toMessageBody(body: ReplyBody) {
  return {
    content: body.content,
    embeds: body.embeds ?? [],
    ...(body.poll ? { poll: body.poll } : {}),
    allowed_mentions: NO_PINGS,
  };
}

/** Why Discord refused, in the user's words where the code is a known one. */
function explainRefusal(error: unknown, locale: string): string {
  if (error instanceof DiscordAPIError) {
    const known: Readonly<Record<string, string>> = stringsFor(locale).schedule.blockedReasons;
    return known[String(error.code)] ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Sends what a reply set in motion, in order; a failure is logged and, for a post, told. */
export async function runEffects(
  interaction: Repliable,
  effects: readonly ReplyEffect[] | undefined,
  ctx: CommandContext,
  log: Logger,
): Promise<void> {
  for (const effect of effects ?? []) {
    try {
      await sendEffect(interaction, effect, ctx);
    } catch (error) {
      // A DM refused (closed DMs: 50007) leaves the outcome untold: the author sees it at their
      // next use of the bot instead.
      log.warn(
        { err: error, effect: effect.kind, guildId: interaction.guildId },
        'a message beside the reply could not be sent',
      );
      if (effect.kind === 'post' && effect.failureNotice) {
        await interaction
          .followUp({
            content: effect.failureNotice.replace(
              '{reason}',
              explainRefusal(error, interaction.locale),
            ),
            flags: MessageFlags.Ephemeral,
            allowedMentions: NO_PINGS,
          })
          .catch(() => undefined);
      }
    }
  }
}

/** One effect: a post in a channel, or a DM whose suggestion is then marked as told. */
async function sendEffect(
  interaction: Repliable,
  effect: ReplyEffect,
  ctx: CommandContext,
): Promise<void> {
  const rest = interaction.client.rest;
  if (effect.kind === 'post') {
    await rest.post(Routes.channelMessages(effect.channelId), {
      body: toMessageBody(effect.body),
    });
    return;
  }
  const channel = (await rest.post(Routes.userChannels(), {
    body: { recipient_id: effect.userId },
  })) as { id: string };
  await rest.post(Routes.channelMessages(channel.id), { body: toMessageBody(effect.body) });
  await ctx.schedule?.store.suggestions.markNotified(
    effect.suggestion.guildId,
    effect.suggestion.id,
  );
}

/** Tells a member, only to them, the decisions on their suggestions no DM could deliver. */
export async function tellUntoldOutcomes(
  interaction: Repliable,
  ctx: CommandContext,
  log: Logger,
): Promise<void> {
  const port = ctx.schedule?.store.suggestions;
  if (!port) return;
  try {
    const untold = await port.takeUntold(interaction.user.id);
    if (untold.length === 0) return;
    await interaction.followUp({
      content: renderOutcomeNotice(untold, stringsFor(interaction.locale).suggest),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_PINGS,
    });
  } catch (error) {
    log.warn({ err: error, userId: interaction.user.id }, 'could not tell a member their news');
  }
}
