import type { APIEmbedField } from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import { stringsFor } from '../i18n/index.js';
import { discordTimestamp } from '../render/format.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { findNextPost } from '../schedule/next-post.js';
import { isSnowflake } from '../snowflake.js';
import type { GuildSettings } from '../store/domain.js';
import { ifSetUp } from '../store/update-settings.js';
import { queuePage } from '../suggest/queue.js';
import {
  answerUnsaved,
  loadPromptBank,
  loadSettings,
  loadSettledKeys,
  saveSettings,
  StoreUnavailable,
  type ScheduleHandler,
  type ScheduleScope,
} from './schedule-store.js';
import type { ScheduleContext } from './types.js';

/*
 * `/schedule suggestions`, `/schedule test` and `/schedule skip` (issue 13), and what they add to
 * `/schedule status`. Each returns plain data; a test post goes out as an effect the Discord
 * layer sends after the reply.
 */

/** The next post of the kind asked for, with the settings it was found in; null: not set up. */
async function findAskedPost(scope: ScheduleScope, kind: 'anniversary' | 'digest' | 'prompt') {
  const { guildId, deps, data, now } = scope;
  const current = await loadSettings(deps, guildId);
  if (!current) return null;
  const keys = await loadSettledKeys(deps, guildId);
  const prompts = await loadPromptBank(deps, guildId);
  const next = findNextPost(kind, guildId, current, keys, data, prompts, now);
  return { current, next };
}

export const answerTestPost: ScheduleHandler<'test'> = async (input, scope) => {
  const { strings } = scope;
  const found = await findAskedPost(scope, input.options.kind);
  if (!found) return ephemeral({ content: strings.schedule.notSetUp });
  const { current, next } = found;
  const admin = strings.adminTools;
  if (!next) return ephemeral({ content: admin.testNone });
  const channel = `<#${current.channelId}>`;
  const { content, embeds, poll } = next.post.body;
  return ephemeral({
    content: admin.testSending(channel),
    effects: [
      {
        kind: 'post',
        channelId: current.channelId,
        // Marked as a test, never pinging (the router sends every effect with no mentions),
        // and outside the ledger: nothing is claimed, so the real post still goes out.
        body: {
          content: `${admin.testMarker}\n${content ?? ''}`.slice(0, 2000),
          ...(embeds ? { embeds } : {}),
          ...(poll ? { poll } : {}),
        },
        failureNotice: admin.testFailed(channel, '{reason}'),
      },
    ],
  });
};

export const answerSkip: ScheduleHandler<'skip'> = async (input, scope) => {
  const { guildId, deps, strings } = scope;
  const found = await findAskedPost(scope, input.options.kind);
  if (!found) return ephemeral({ content: strings.schedule.notSetUp });
  const { current, next } = found;
  const admin = strings.adminTools;
  if (!next) return ephemeral({ content: admin.skipNone });
  const kindName = strings.schedule.kinds[input.options.kind];
  const when = discordTimestamp(next.when.getTime() / 1000, 'F');
  const key = next.post.key;
  if (current.skipKeys?.includes(key))
    return ephemeral({ content: admin.skipAlready(kindName, when) });
  const saved = await saveSettings(
    deps,
    guildId,
    ifSetUp((c) => ({
      ...c,
      // The newest ten: a key names one dated post, so older ones have done their work.
      skipKeys: [...(c.skipKeys ?? []).filter((k) => k !== key), key].slice(-10),
    })),
  );
  if (saved.kind !== 'saved') return answerUnsaved(saved, strings);
  return ephemeral({ content: admin.skipped(kindName, when) });
};

export const answerSuggestions: ScheduleHandler<'suggestions'> = async (input, scope) => {
  const { guildId, deps, strings } = scope;
  const suggest = strings.suggest;
  const { channel, no_channel: clearChannel, links, show } = input.options;
  const wantsChannel = isSnowflake(channel);
  const notes: string[] = [];
  if (wantsChannel || clearChannel === true || links !== undefined) {
    const saved = await saveSettings(
      deps,
      guildId,
      ifSetUp((c) => ({
        ...c,
        ...(wantsChannel ? { suggestionsChannelId: channel } : {}),
        ...(clearChannel === true && !wantsChannel ? { suggestionsChannelId: null } : {}),
        ...(links !== undefined ? { suggestionLinks: links } : {}),
      })),
    );
    if (saved.kind !== 'saved') return answerUnsaved(saved, strings, suggest.needsSetup);
    if (wantsChannel) notes.push(suggest.channelSet(`<#${channel}>`));
    else if (clearChannel === true) notes.push(suggest.channelCleared);
    if (links !== undefined) notes.push(links ? suggest.linksOn : suggest.linksOff);
  }
  // Waiting ones unless another list is asked for by name.
  const state = show === 'approved' || show === 'denied' ? show : 'open';
  let page: ReplyBody;
  try {
    page = await queuePage(
      deps.store.suggestions,
      guildId,
      state,
      0,
      suggest,
      notes.join('\n') || undefined,
    );
  } catch {
    throw new StoreUnavailable();
  }
  return ephemeral(page);
};

/** What `/schedule status` adds: the queue size, open reports, and the posts to be skipped. */
export async function adminStatusFields(
  deps: ScheduleContext,
  guildId: string,
  current: GuildSettings,
  data: Dataset,
  now: Date,
  locale: string,
): Promise<APIEmbedField[]> {
  const strings = stringsFor(locale);
  const admin = strings.adminTools;
  // Each line left out when the store cannot say.
  const [waiting, reports] = await Promise.all([
    deps.store.suggestions.countOpen(guildId).catch(() => null),
    deps.store.reports.openCount(guildId).catch(() => null),
  ]);
  const fields: APIEmbedField[] = [];
  if (waiting !== null) {
    fields.push({ name: admin.statusSuggestions, value: String(waiting), inline: true });
  }
  if (reports !== null) {
    fields.push({ name: admin.statusReports, value: String(reports), inline: true });
  }
  if ((current.skipKeys ?? []).length > 0) {
    const keys = await loadSettledKeys(deps, guildId).catch(() => new Set<string>());
    const bank = await loadPromptBank(deps, guildId).catch(() => deps.prompts);
    const lines: string[] = [];
    for (const kind of ['anniversary', 'digest', 'prompt'] as const) {
      const next = findNextPost(kind, guildId, current, keys, data, bank, now);
      if (next && current.skipKeys?.includes(next.post.key)) {
        const when = discordTimestamp(next.when.getTime() / 1000, 'F');
        lines.push(admin.skipLine(strings.schedule.kinds[kind], when));
      }
    }
    if (lines.length > 0) fields.push({ name: admin.statusSkips, value: lines.join('\n') });
  }
  return fields;
}
