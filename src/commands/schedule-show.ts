import { discordTimestamp } from '../render/format.js';
import { fitEmbed } from '../render/fit.js';
import { ephemeral } from '../render/reply.js';
import { renderScheduleStatus } from '../render/schedule-status.js';
import { findNextPost } from '../schedule/next-post.js';
import { adminStatusFields } from './schedule-admin.js';
import {
  loadPromptBank,
  loadSettings,
  loadSettledKeys,
  loadStatusFacts,
  type ScheduleHandler,
} from './schedule-store.js';

/* The subcommands that show and change nothing: status and preview. */

export const answerStatus: ScheduleHandler<'status'> = async (input, scope) => {
  const { guildId, deps, data, now } = scope;
  const strings = scope.strings.schedule;
  const current = await loadSettings(deps, guildId);
  if (!current) return ephemeral({ content: strings.notSetUp });
  const facts = await loadStatusFacts(deps, guildId, current, data, now);
  const embed = renderScheduleStatus(current, facts, strings);
  // Suggestions and admin tools (issue 13): the queue, open reports, skipped posts.
  const extra = await adminStatusFields(deps, guildId, current, data, now, input.locale);
  return ephemeral({
    embeds: [fitEmbed({ ...embed, fields: [...(embed.fields ?? []), ...extra] })],
  });
};

export const answerPreview: ScheduleHandler<'preview'> = async (input, scope) => {
  const { guildId, deps, data, now } = scope;
  const strings = scope.strings.schedule;
  const current = await loadSettings(deps, guildId);
  if (!current) return ephemeral({ content: strings.notSetUp });
  const keys = await loadSettledKeys(deps, guildId);
  // The server's own rotation (issue 13): an approved suggestion may be its next prompt.
  const prompts = await loadPromptBank(deps, guildId);
  const next = findNextPost(input.options.kind, guildId, current, keys, data, prompts, now);
  if (!next) return ephemeral({ content: strings.previewNone });
  const note = strings.previewNote(discordTimestamp(next.when.getTime() / 1000, 'F'));
  return ephemeral({
    content: `${note}\n\n${next.post.body.content}`.slice(0, 2000),
    embeds: next.post.body.embeds,
  });
};
