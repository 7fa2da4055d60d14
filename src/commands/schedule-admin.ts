import {
  ApplicationCommandOptionType,
  ChannelType,
  type APIApplicationCommandSubcommandOption,
  type APIEmbedField,
} from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import { discordTimestamp } from '../render/format.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { computeDue, nextDueTimes, type DuePost, type PostedKeys } from '../schedule/due.js';
import type { PromptBank } from '../schedule/prompts.js';
import { bankWithSuggestions } from '../suggest/rotation.js';
import type { GuildSettings, PostKind } from '../store/domain.js';
import type { StorePorts } from '../store/ports.js';
import type { SuggestionState } from '../store/suggestions.js';
import { updateSettings } from '../store/update-settings.js';
import { queuePage } from '../suggest/queue.js';
import type { CommandInput, ScheduleContext } from './types.js';

/*
 * `/schedule suggestions`, `/schedule test` and `/schedule skip` (issue 13), and what they add to
 * `/schedule status`: kept here so schedule.ts only routes to them. Each returns plain data; a
 * test post goes out as an effect the Discord layer sends after the reply.
 */

const KIND_CHOICES = [
  { name: 'Anniversary reminder', value: 'anniversary' },
  { name: 'Weekly digest', value: 'digest' },
  { name: 'Discussion prompt', value: 'prompt' },
];

/** The subcommand definitions, appended to /schedule's options as one block. */
export const ADMIN_SUBCOMMANDS: APIApplicationCommandSubcommandOption[] = [
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'suggestions',
    description: 'Members’ prompt suggestions: approve or deny them, and where new ones show',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'show',
        description: 'Which suggestions to list (waiting ones by default)',
        choices: [
          { name: 'Waiting', value: 'open' },
          { name: 'Approved', value: 'approved' },
          { name: 'Denied', value: 'denied' },
        ],
      },
      {
        type: ApplicationCommandOptionType.Channel,
        name: 'channel',
        description: 'A channel where each new suggestion is shown to admins',
        channel_types: [ChannelType.GuildText],
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'no_channel',
        description: 'Stop showing new suggestions in a channel',
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'links',
        description: 'Allow links in suggestions',
      },
    ],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'test',
    description: 'Post a sample of a kind in the schedule’s channel now, marked as a test',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'kind',
        description: 'Which post',
        required: true,
        choices: KIND_CHOICES,
      },
    ],
  },
  {
    type: ApplicationCommandOptionType.Subcommand,
    name: 'skip',
    description: 'Skip the next post of a kind',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'kind',
        description: 'Which post',
        required: true,
        choices: KIND_CHOICES,
      },
    ],
  },
];

export type AdminSubcommand = 'suggestions' | 'test' | 'skip';

export function isAdminSubcommand(name: string | null): name is AdminSubcommand {
  return name === 'suggestions' || name === 'test' || name === 'skip';
}

/** The store failed while an admin tool read or wrote: answered as "try again shortly". */
export class AdminStoreAway extends Error {}

/** A server's prompt rotation: its approved suggestions first, then the built-in bank. */
export async function promptBankFor(deps: ScheduleContext, guildId: string): Promise<PromptBank> {
  try {
    return bankWithSuggestions(deps.prompts, await deps.store.suggestions.approved(guildId));
  } catch {
    throw new AdminStoreAway();
  }
}

/** The next post of a kind as the runner would make it, and when; null if none within 2 weeks. */
export function nextPostOf(
  kind: PostKind,
  guildId: string,
  current: GuildSettings,
  keys: PostedKeys,
  data: Dataset,
  prompts: PromptBank,
  now: Date,
): { when: Date; post: Extract<DuePost, { status: 'due' }> } | null {
  // As if running, so a paused or blocked server still sees what it would get.
  const settings = { ...current, paused: false, blocked: null };
  const when = nextDueTimes(now, settings, keys, data)[kind];
  if (!when) return null;
  const post = computeDue({
    now: when,
    guildId,
    settings: { ...settings, activeSince: new Date(when.getTime() - 1).toISOString() },
    postLog: keys,
    data,
    prompts,
  }).find((p) => p.kind === kind && p.status === 'due');
  return post && post.status === 'due' ? { when, post } : null;
}

async function settledKeys(deps: ScheduleContext, guildId: string): Promise<PostedKeys> {
  try {
    return (await deps.store.ledger.settledKeys([guildId])).get(guildId) ?? new Set<string>();
  } catch {
    throw new AdminStoreAway();
  }
}

async function change(
  deps: ScheduleContext,
  guildId: string,
  apply: (current: GuildSettings) => GuildSettings,
): Promise<GuildSettings | null> {
  const result = await updateSettings(deps.store.settings, guildId, (c) => (c ? apply(c) : null));
  if (result.kind === 'written') return result.value;
  if (result.kind === 'unchanged') return null;
  throw new AdminStoreAway();
}

export async function answerAdminTool(
  sub: AdminSubcommand,
  input: CommandInput,
  guildId: string,
  current: GuildSettings | null,
  deps: ScheduleContext,
  data: Dataset,
  now: Date,
): Promise<ReplyBody> {
  const strings = stringsFor(input.locale);
  if (sub === 'suggestions') return suggestions(input, guildId, current, deps, strings);
  if (!current) return ephemeral({ content: strings.schedule.notSetUp });
  const kind = String(input.options['kind'] ?? '') as PostKind;
  const kindName = strings.schedule.kinds[kind] ?? kind;
  const keys = await settledKeys(deps, guildId);
  const next = nextPostOf(
    kind,
    guildId,
    current,
    keys,
    data,
    await promptBankFor(deps, guildId),
    now,
  );
  const a = strings.adminTools;
  if (sub === 'test') {
    if (!next) return ephemeral({ content: a.testNone });
    const channel = `<#${current.channelId}>`;
    const { content, embeds, poll } = next.post.body;
    return ephemeral({
      content: a.testSending(channel),
      effects: [
        {
          kind: 'post',
          channelId: current.channelId,
          // Marked as a test, never pinging (the router sends every effect with no mentions),
          // and outside the ledger: nothing is claimed, so the real post still goes out.
          body: {
            content: `${a.testMarker}\n${content ?? ''}`.slice(0, 2000),
            ...(embeds ? { embeds } : {}),
            ...(poll ? { poll } : {}),
          },
          failureNotice: a.testFailed(channel, '{reason}'),
        },
      ],
    });
  }
  if (!next) return ephemeral({ content: a.skipNone });
  const when = discordTimestamp(next.when.getTime() / 1000, 'F');
  if (current.skipKeys?.includes(next.post.key)) {
    return ephemeral({ content: a.skipAlready(kindName, when) });
  }
  const key = next.post.key;
  const saved = await change(deps, guildId, (c) => ({
    ...c,
    // The newest ten: a key names one dated post, so older ones have done their work.
    skipKeys: [...(c.skipKeys ?? []).filter((k) => k !== key), key].slice(-10),
  }));
  if (!saved) return ephemeral({ content: strings.schedule.notSetUp });
  return ephemeral({ content: a.skipped(kindName, when) });
}

async function suggestions(
  input: CommandInput,
  guildId: string,
  current: GuildSettings | null,
  deps: ScheduleContext,
  strings: Strings,
): Promise<ReplyBody> {
  const s = strings.suggest;
  const { options } = input;
  const channel = options['channel'];
  const wantsChannel = typeof channel === 'string' && /^\d{17,20}$/.test(channel);
  const clearChannel = options['no_channel'] === true;
  const links = options['links'];
  const notes: string[] = [];
  if (wantsChannel || clearChannel || typeof links === 'boolean') {
    if (!current) return ephemeral({ content: s.needsSetup });
    const saved = await change(deps, guildId, (c) => ({
      ...c,
      ...(wantsChannel ? { suggestionsChannelId: channel } : {}),
      ...(clearChannel && !wantsChannel ? { suggestionsChannelId: null } : {}),
      ...(typeof links === 'boolean' ? { suggestionLinks: links } : {}),
    }));
    if (!saved) return ephemeral({ content: s.needsSetup });
    if (wantsChannel) notes.push(s.channelSet(`<#${channel}>`));
    else if (clearChannel) notes.push(s.channelCleared);
    if (typeof links === 'boolean') notes.push(links ? s.linksOn : s.linksOff);
  }
  const show = options['show'];
  const state: SuggestionState = show === 'approved' || show === 'denied' ? show : 'open';
  let page: ReplyBody;
  try {
    page = await queuePage(
      deps.store.suggestions,
      guildId,
      state,
      0,
      s,
      notes.join('\n') || undefined,
    );
  } catch {
    throw new AdminStoreAway();
  }
  return ephemeral(page);
}

/** Open fact reports from a server for `/schedule status`; null (the line left out) when the store cannot say. */
export async function openReportsCount(store: StorePorts, guildId: string): Promise<number | null> {
  try {
    return await store.reports.openCount(guildId);
  } catch {
    return null;
  }
}

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
  const a = strings.adminTools;
  const [waiting, reports] = await Promise.all([
    deps.store.suggestions.countOpen(guildId).catch(() => null),
    openReportsCount(deps.store, guildId),
  ]);
  const fields: APIEmbedField[] = [];
  if (waiting !== null) {
    fields.push({ name: a.statusSuggestions, value: String(waiting), inline: true });
  }
  if (reports !== null)
    fields.push({ name: a.statusReports, value: String(reports), inline: true });
  if ((current.skipKeys ?? []).length > 0) {
    const keys = await settledKeys(deps, guildId).catch(() => new Set<string>());
    const bank = await promptBankFor(deps, guildId).catch(() => deps.prompts);
    const lines: string[] = [];
    for (const kind of ['anniversary', 'digest', 'prompt'] as const) {
      const next = nextPostOf(kind, guildId, current, keys, data, bank, now);
      if (next && current.skipKeys?.includes(next.post.key)) {
        lines.push(
          a.skipLine(
            strings.schedule.kinds[kind],
            discordTimestamp(next.when.getTime() / 1000, 'F'),
          ),
        );
      }
    }
    if (lines.length > 0) fields.push({ name: a.statusSkips, value: lines.join('\n') });
  }
  return fields;
}
