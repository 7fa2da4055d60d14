import {
  ApplicationCommandOptionType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIEmbed,
} from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import {
  blockedReason as wordBlockedReason,
  languageOf,
  LANGUAGES,
  stringsFor,
  type Strings,
} from '../i18n/index.js';
import { damerauLevenshtein } from '../lookup/distance.js';
import { COLOURS } from '../render/agreement.js';
import { COLOUR } from '../render/colours.js';
import { fitEmbed, truncate } from '../render/fit.js';
import { discordTimestamp } from '../render/format.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { echoUserText } from '../render/user-text.js';
import { computeDue, nextDueTimes, type PostedKeys } from '../schedule/due.js';
import {
  allTimeZones,
  checkPostingTime,
  checkTimeZone,
  clockChangeAt,
  clockTime,
  suggestTimeZones,
} from '../schedule/timezones.js';
import type { GuildSettings, PostKind } from '../store/domain.js';
import type { LedgerEntry } from '../store/ports.js';
import { updateSettings, type SettingsChange } from '../store/update-settings.js';
import type {
  ButtonInput,
  ChannelPermission,
  CommandContext,
  CommandInput,
  ScheduleContext,
  SlashCommand,
} from './types.js';
import {
  ADMIN_SUBCOMMANDS,
  AdminStoreAway,
  adminStatusFields,
  answerAdminTool,
  isAdminSubcommand,
  promptBankFor,
} from './schedule-admin.js';

type ScheduleStrings = Strings['schedule'];

/**
 * The store could not answer (`unavailable`) or keep a change (`not-saved`). Thrown by the
 * helpers below and turned into its own ephemeral answer in one place, `respond`: the admin
 * hears "try again shortly", never "something went wrong", and memory is never ahead of the
 * store (a failed write is taken back by the store itself).
 */
class StoreTrouble extends Error {
  constructor(readonly kind: 'unavailable' | 'not-saved') {
    super(`store ${kind}`);
  }
}

async function loadSettings(deps: ScheduleContext, guildId: string): Promise<GuildSettings | null> {
  try {
    return (await deps.store.settings.get(guildId))?.value ?? null;
  } catch {
    throw new StoreTrouble('unavailable');
  }
}

/** Writes through the versioned helper; null when the change chose to write nothing. */
async function saveSettings(
  deps: ScheduleContext,
  guildId: string,
  change: SettingsChange,
): Promise<GuildSettings | null> {
  const result = await updateSettings(deps.store.settings, guildId, change);
  if (result.kind === 'written') return result.value;
  if (result.kind === 'unchanged') return null;
  throw new StoreTrouble('not-saved');
}

/** What the status and preview need from the ledger: the settled keys and the last post. */
interface LedgerView {
  keys: PostedKeys;
  last: LedgerEntry | undefined;
}

async function loadLedgerView(deps: ScheduleContext, guildId: string): Promise<LedgerView> {
  try {
    const [keys, recent] = await Promise.all([
      deps.store.ledger.settledKeys([guildId]),
      deps.store.ledger.recent(guildId, 10),
    ]);
    return {
      keys: keys.get(guildId) ?? new Set<string>(),
      // A claim in flight is not a post yet.
      last: recent.find((entry) => entry.state !== 'claimed'),
    };
  } catch {
    throw new StoreTrouble('unavailable');
  }
}

/** A notice the store keeps for this server (settings set aside), told once; never fails. */
async function takeNotice(deps: ScheduleContext, guildId: string): Promise<boolean> {
  try {
    return (await deps.store.notices?.take(guildId)) != null;
  } catch {
    return false;
  }
}

/** Without these the bot cannot post at all; the others only cost threads or polls. */
const REQUIRED: readonly ChannelPermission[] = ['ViewChannel', 'SendMessages', 'EmbedLinks'];
const WEEKDAY_VALUES = ['1', '2', '3', '4', '5', '6', '7'];
const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

export function defaultSettings(
  channelId: string,
  hour: number,
  minute: number,
  timeZone: string,
  now: Date,
): GuildSettings {
  return {
    channelId,
    hour,
    minute,
    timeZone,
    paused: false,
    blocked: null,
    anniversaries: true,
    digest: { enabled: true, weekday: 1 },
    prompts: 'weekly',
    pingRoleId: null,
    language: null,
    promptsSeen: [],
    activeSince: now.toISOString(),
  };
}

export const schedule: SlashCommand = {
  ephemeral: true,
  data: {
    name: 'schedule',
    description: 'Set up this server’s anniversary reminders, weekly digest and discussion prompts',
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'setup',
        description: 'Choose the channel, the time and the time zone for scheduled posts',
        options: [
          {
            type: ApplicationCommandOptionType.Channel,
            name: 'channel',
            description: 'Where to post',
            required: true,
            channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'time',
            description: 'Local time to post, 24-hour: 09:00',
            required: true,
            max_length: 5,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'timezone',
            description: 'Your time zone: Europe/Kyiv, America/New_York, UTC…',
            required: true,
            autocomplete: true,
            max_length: 64,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'set',
        description: 'Turn kinds of posts on or off, pick the digest day and who to ping',
        options: [
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'anniversaries',
            description: 'Anniversary reminders on or off',
          },
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'digest',
            description: 'The weekly digest on or off',
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'digest_day',
            description: 'The weekday of the digest (and of weekly prompts)',
            choices: WEEKDAY_VALUES.map((value, i) => ({ name: WEEKDAY_NAMES[i] ?? value, value })),
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'prompts',
            description: 'How often to post a discussion prompt',
            choices: [
              { name: 'Daily', value: 'daily' },
              { name: 'Weekly, with the digest', value: 'weekly' },
              { name: 'Off', value: 'off' },
            ],
          },
          {
            type: ApplicationCommandOptionType.Role,
            name: 'ping_role',
            description: 'A role to ping with each post',
          },
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'no_ping',
            description: 'Stop pinging a role',
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'language',
            description: 'The language scheduled posts are written in',
            // Each language also under its own name, so a reader of either finds theirs.
            choices: [
              { name: 'English', value: 'en' },
              { name: 'Українська (Ukrainian)', value: 'uk' },
            ],
          },
          // Data-change announcements (issue 12)
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'changes',
            description: 'A post when the bot’s data gains a record or a correction',
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'status',
        description: 'When the next posts go out, the last one, and any problem',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'preview',
        description: 'See the next post of a kind, only to you',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'kind',
            description: 'Which post',
            required: true,
            choices: [
              { name: 'Anniversary reminder', value: 'anniversary' },
              { name: 'Weekly digest', value: 'digest' },
              { name: 'Discussion prompt', value: 'prompt' },
              { name: 'Data change', value: 'change' },
            ],
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'pause',
        description: 'Stop posting until resumed',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'resume',
        description: 'Post again (after a pause or a fixed problem)',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'off',
        description: 'Turn scheduled posts off and forget the settings',
      },
      // Suggestions and admin tools (issue 13): suggestions, test, skip (schedule-admin.ts).
      ...ADMIN_SUBCOMMANDS,
    ],
  },

  async respond(input, ctx) {
    const s = stringsFor(input.locale).schedule;
    if (!input.guildId) return ephemeral({ content: s.notInGuild });
    // Discord hides the command from members without Manage Server, but a server can override
    // that in its integration settings: check again here.
    if (!hasManageGuild(input.memberPermissions)) return ephemeral({ content: s.notAdmin });
    if (!ctx.schedule) return ephemeral({ content: s.notServed });
    const deps = ctx.schedule;
    const guildId = input.guildId;
    const storage = stringsFor(input.locale).storage;
    let reply: ReplyBody;
    try {
      reply = await answer(input, guildId, deps, ctx.data, ctx.now(), s);
    } catch (error) {
      // Suggestions and admin tools (issue 13): their store failures read the same.
      if (error instanceof AdminStoreAway) return ephemeral({ content: storage.unavailable });
      if (!(error instanceof StoreTrouble)) throw error;
      return ephemeral({
        content: error.kind === 'unavailable' ? storage.unavailable : storage.notSaved,
      });
    }
    // Told once, with whatever the admin asked for: their settings were set aside at a start.
    if (!(await takeNotice(deps, guildId))) return reply;
    return { ...reply, content: [storage.setAside, reply.content].filter(Boolean).join('\n\n') };
  },

  autocomplete(input, ctx) {
    if (input.focused.name !== 'timezone') return [];
    return suggestTimeZones(input.focused.value.slice(0, 64), ctx.now());
  },

  button: answerTurnOff,
};

async function answer(
  input: CommandInput,
  guildId: string,
  deps: ScheduleContext,
  data: Dataset,
  now: Date,
  s: ScheduleStrings,
): Promise<ReplyBody> {
  // Suggestions and admin tools (issue 13), handled in schedule-admin.ts.
  if (isAdminSubcommand(input.subcommand)) {
    const current = await loadSettings(deps, guildId);
    return answerAdminTool(input.subcommand, input, guildId, current, deps, data, now);
  }
  switch (input.subcommand) {
    case 'setup':
      return setup(input, guildId, deps, data, now, s);
    case 'set': {
      const next = await saveSettings(deps, guildId, (c) => (c ? applySet(c, input, now) : null));
      if (!next) return ephemeral({ content: s.notSetUp });
      return ephemeral({
        content: s.saved,
        embeds: [statusEmbed(next, await loadLedgerView(deps, guildId), data, now, s)],
      });
    }
    case 'status': {
      const current = await loadSettings(deps, guildId);
      if (!current) return ephemeral({ content: s.notSetUp });
      const view = await loadLedgerView(deps, guildId);
      const embed = statusEmbed(current, view, data, now, s);
      // Suggestions and admin tools (issue 13): the queue, open reports, skipped posts.
      const extra = await adminStatusFields(deps, guildId, current, data, now, input.locale);
      return ephemeral({
        embeds: [fitEmbed({ ...embed, fields: [...(embed.fields ?? []), ...extra] })],
      });
    }
    case 'preview':
      return preview(input, guildId, data, deps, now, s);
    case 'pause': {
      const updated = await saveSettings(deps, guildId, (c) => (c ? { ...c, paused: true } : null));
      return ephemeral({ content: updated ? s.paused_now : s.notSetUp });
    }
    case 'resume':
      return resume(guildId, deps, data, now, s);
    case 'off':
      return askToTurnOff(input.userId, await loadSettings(deps, guildId), now, s);
    default:
      throw new Error(`unknown /schedule subcommand ${String(input.subcommand)}`);
  }
}

/** Administrator implies every permission, as discord.js's own `has()` assumes. */
const MAY_MANAGE = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;

export function hasManageGuild(permissions: bigint | null | undefined): boolean {
  return permissions != null && (permissions & MAY_MANAGE) !== 0n;
}

/**
 * Zones to suggest for a name that was refused: the list's own matches, else the names within two
 * edits of what was typed ("Europe/Kyvi"). Nothing for a blank name, which matches every zone.
 */
function zoneSuggestions(typed: string, matches: readonly string[]): string[] {
  const query = [...typed.trim().toLowerCase()];
  if (query.length === 0) return [];
  if (matches.length > 0) return matches.slice(0, 3);
  return allTimeZones()
    .map((zone) => ({ zone, edits: damerauLevenshtein(query, [...zone.toLowerCase()]).whole }))
    .filter(({ edits }) => edits <= 2)
    .sort((a, b) => a.edits - b.edits || a.zone.localeCompare(b.zone))
    .slice(0, 3)
    .map(({ zone }) => zone);
}

/** "**Send Messages**, **Embed Links**": permissions as the admin sees them named. */
function permissionList(list: readonly ChannelPermission[], s: ScheduleStrings): string {
  return list.map((p) => `**${s.permissionNames[p]}**`).join(', ');
}

async function setup(
  input: CommandInput,
  guildId: string,
  deps: ScheduleContext,
  data: Dataset,
  now: Date,
  s: ScheduleStrings,
): Promise<ReplyBody> {
  const timeText = String(input.options['time'] ?? '');
  const time = checkPostingTime(timeText);
  if (time.kind === 'invalid') return ephemeral({ content: s.badTime(echoUserText(timeText, 20)) });
  const zoneText = String(input.options['timezone'] ?? '');
  const zone = checkTimeZone(zoneText);
  if (zone.kind === 'invalid') {
    return ephemeral({
      content: s.badZone(
        echoUserText(zoneText, 40),
        zoneSuggestions(zoneText, zone.suggestions)
          .map((z) => `\`${z}\``)
          .join(', '),
      ),
    });
  }
  const change = clockChangeAt(zone.name, time.hour, time.minute, now);
  if (change) {
    const at = clockTime(time.hour * 60 + time.minute);
    return ephemeral({
      content: s.clockChange(
        zone.name,
        at,
        clockTime(change.start),
        clockTime(change.end),
        clockTime(change.end - 1),
      ),
    });
  }
  const channelId = String(input.options['channel'] ?? '');
  const check = await deps.channels.inspect(guildId, channelId);
  if (check.kind === 'not-found') return ephemeral({ content: s.channelGone });
  const blocking = check.missing.filter((p) => REQUIRED.includes(p));
  if (blocking.length > 0) {
    return ephemeral({ content: s.missing(`<#${channelId}>`, permissionList(blocking, s)) });
  }

  // Applied to what is stored at the moment of writing, so a change racing this one stands.
  const settings = await saveSettings(deps, guildId, (previous) => ({
    ...(previous ?? defaultSettings(channelId, time.hour, time.minute, zone.name, now)),
    channelId,
    hour: time.hour,
    minute: time.minute,
    timeZone: zone.name,
    // The server's preferred locale, unless the server already chose a language; null (English)
    // where Discord gave none.
    language: previous?.language ?? (input.guildLocale ? languageOf(input.guildLocale) : null),
    blocked: null,
    paused: false,
    activeSince: now.toISOString(),
  }));
  if (!settings) throw new StoreTrouble('not-saved');
  const view = await loadLedgerView(deps, guildId);
  const optional = check.missing.filter((p) => !REQUIRED.includes(p));
  const content = [
    s.saved,
    optional.length > 0 ? s.missingOptional(permissionList(optional, s)) : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
  return ephemeral({ content, embeds: [statusEmbed(settings, view, data, now, s)] });
}

function applySet(current: GuildSettings, input: CommandInput, now: Date): GuildSettings {
  const { options } = input;
  const next: GuildSettings = { ...current, digest: { ...current.digest } };
  if (typeof options['anniversaries'] === 'boolean') next.anniversaries = options['anniversaries'];
  if (typeof options['digest'] === 'boolean') next.digest.enabled = options['digest'];
  const day = options['digest_day'];
  if (typeof day === 'string' && WEEKDAY_VALUES.includes(day)) next.digest.weekday = Number(day);
  const prompts = options['prompts'];
  if (prompts === 'daily' || prompts === 'weekly' || prompts === 'off') next.prompts = prompts;
  const role = options['ping_role'];
  if (typeof role === 'string' && /^\d{17,20}$/.test(role)) next.pingRoleId = role;
  if (options['no_ping'] === true) next.pingRoleId = null;
  const language = options['language'];
  if (typeof language === 'string' && (LANGUAGES as readonly string[]).includes(language)) {
    next.language = language;
  }
  // Turning on records when, and turning it on again keeps the first moment: announcements
  // start from the day the server asked for them, never earlier.
  const changes = options['changes'];
  if (changes === true) next.changes = current.changes ?? { since: now.toISOString() };
  if (changes === false) next.changes = null;
  return next;
}

async function resume(
  guildId: string,
  deps: ScheduleContext,
  data: Dataset,
  now: Date,
  s: ScheduleStrings,
): Promise<ReplyBody> {
  const current = await loadSettings(deps, guildId);
  if (!current) return ephemeral({ content: s.notSetUp });
  const check = await deps.channels.inspect(guildId, current.channelId);
  if (check.kind === 'not-found') return ephemeral({ content: s.channelGone });
  const blocking = check.missing.filter((p) => REQUIRED.includes(p));
  if (blocking.length > 0) {
    return ephemeral({ content: s.stillBlocked(permissionList(blocking, s)) });
  }
  const next = await saveSettings(deps, guildId, (c) =>
    c ? { ...c, paused: false, blocked: null, activeSince: now.toISOString() } : null,
  );
  if (!next) return ephemeral({ content: s.notSetUp });
  return ephemeral({
    content: s.resumed,
    embeds: [statusEmbed(next, await loadLedgerView(deps, guildId), data, now, s)],
  });
}

async function preview(
  input: CommandInput,
  guildId: string,
  data: Dataset,
  deps: ScheduleContext,
  now: Date,
  s: ScheduleStrings,
): Promise<ReplyBody> {
  const current = await loadSettings(deps, guildId);
  if (!current) return ephemeral({ content: s.notSetUp });
  const { keys } = await loadLedgerView(deps, guildId);
  const kind = String(input.options['kind'] ?? '');
  // As if running, so a paused or blocked server still sees what it would get.
  const settings = { ...current, paused: false, blocked: null };
  const when = nextDueTimes(now, settings, keys, data)[kind as PostKind];
  if (!when) return ephemeral({ content: s.previewNone });
  // A change's opt-in day counts from activeSince too: keep it for that kind, or the preview
  // would leave out every change dated before the previewed day.
  const activeSince =
    kind === 'change' ? settings.activeSince : new Date(when.getTime() - 1).toISOString();
  const post = computeDue({
    now: when,
    guildId,
    settings: { ...settings, activeSince },
    postLog: keys,
    data,
    // The server's own rotation (issue 13): an approved suggestion may be its next prompt.
    prompts: await promptBankFor(deps, guildId),
  }).find((p) => p.kind === kind && p.status === 'due');
  if (!post || post.status !== 'due') return ephemeral({ content: s.previewNone });
  const note = s.previewNote(discordTimestamp(when.getTime() / 1000, 'F'));
  return ephemeral({
    content: `${note}\n\n${post.body.content}`.slice(0, 2000),
    embeds: post.body.embeds,
  });
}

function statusEmbed(
  settings: GuildSettings,
  view: LedgerView,
  data: Dataset,
  now: Date,
  s: ScheduleStrings,
): APIEmbed {
  // Shown as if running, so an admin sees what resuming would bring.
  const next = nextDueTimes(now, { ...settings, paused: false, blocked: null }, view.keys, data);
  const time = `${String(settings.hour).padStart(2, '0')}:${String(settings.minute).padStart(2, '0')}`;
  const kindLine = (kind: PostKind, enabled: boolean, detail: string) => {
    if (!enabled) return `**${s.kinds[kind]}**: ${s.off}`;
    const at = next[kind];
    const when = at ? s.next(discordTimestamp(at.getTime() / 1000, 'R')) : s.noneSoon;
    return `**${s.kinds[kind]}**${detail ? ` (${detail})` : ''}: ${when}`;
  };
  const weekday = s.weekdayNames[settings.digest.weekday - 1] ?? '';
  const { last } = view;
  const state = settings.blocked
    ? s.blocked(
        blockedReason(settings.blocked, s),
        discordTimestamp(Date.parse(settings.blocked.since) / 1000, 'R'),
      )
    : settings.paused
      ? s.paused
      : s.running;
  return fitEmbed({
    title: s.statusTitle,
    color: settings.blocked ? COLOUR.stopped : COLOURS.official,
    fields: [
      { name: s.where, value: s.whereValue(`<#${settings.channelId}>`, time, settings.timeZone) },
      {
        name: s.statusTitle,
        value: [
          kindLine('anniversary', settings.anniversaries, ''),
          kindLine('digest', settings.digest.enabled, s.digestOn(weekday)),
          kindLine('prompt', settings.prompts !== 'off', s.cadence[settings.prompts]),
          kindLine(
            'change',
            Boolean(settings.changes),
            settings.changes
              ? s.changesSince(discordTimestamp(Date.parse(settings.changes.since) / 1000, 'D'))
              : '',
          ),
        ].join('\n'),
      },
      {
        name: s.language,
        value: s.languageNames[languageOf(settings.language)],
        inline: true,
      },
      {
        name: s.ping,
        value: settings.pingRoleId ? `<@&${settings.pingRoleId}>` : s.pingNone,
        inline: true,
      },
      {
        name: s.last,
        value: last
          ? s.lastValue(
              s.kinds[last.kind],
              discordTimestamp(last.at.getTime() / 1000, 'R'),
              s.statusWords[last.state === 'claimed' ? 'posted' : last.state],
            ) +
            // A skipped or failed post is a problem the admin should see the reason for.
            (last.state !== 'posted' && last.reason ? ` (${truncate(last.reason, 300)})` : '')
          : s.lastNone,
        inline: true,
      },
      { name: s.state, value: state },
    ],
  });
}

/** The reason in the reader's language where the code is a known one; as recorded otherwise. */
function blockedReason(blocked: NonNullable<GuildSettings['blocked']>, s: ScheduleStrings): string {
  return wordBlockedReason(blocked.code, s) ?? blocked.reason ?? String(blocked.code);
}

/*
 * `/schedule off` asks before it forgets the settings. The buttons carry everything the answer
 * needs in their custom_id, so they work after a restart and need no memory:
 * `schedule:off:<user>:<expires>:<activeSince>` (both instants in base 36 milliseconds) and
 * `schedule:keep:<user>`. A click is refused when it is not the asking admin's, when the prompt
 * has expired, or when the schedule was set up or resumed again since (its activeSince moved).
 */
const OFF_CONFIRM_MS = 5 * 60_000;

function askToTurnOff(
  userId: string,
  current: GuildSettings | null,
  now: Date,
  s: ScheduleStrings,
): ReplyBody {
  if (!current) return ephemeral({ content: s.notSetUp });
  const expires = now.getTime() + OFF_CONFIRM_MS;
  const active = Date.parse(current.activeSince);
  return ephemeral({
    content: s.offConfirm.question(discordTimestamp(expires / 1000, 'f')),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: s.offConfirm.confirm,
            custom_id: `schedule:off:${userId}:${expires.toString(36)}:${active.toString(36)}`,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: s.offConfirm.cancel,
            custom_id: `schedule:keep:${userId}`,
          },
        ],
      },
    ],
  });
}

/** The click on a `/schedule off` button: it replaces the question, buttons and all. */
async function answerTurnOff(input: ButtonInput, ctx: CommandContext): Promise<ReplyBody> {
  const s = stringsFor(input.locale).schedule;
  const [action, userId, expires, active] = input.args;
  if (!input.guildId) return { content: s.notInGuild };
  if (!hasManageGuild(input.memberPermissions)) return { content: s.notAdmin };
  if (!ctx.schedule) return { content: s.notServed };
  if (userId !== input.userId) return { content: s.offConfirm.notYours };
  if (action === 'keep') return { content: s.offConfirm.kept };
  const deps = ctx.schedule;
  const guildId = input.guildId;
  const storage = stringsFor(input.locale).storage;
  try {
    const current = await loadSettings(deps, guildId);
    if (!current) return { content: s.notSetUp };
    const fresh =
      action === 'off' &&
      ctx.now().getTime() <= Number.parseInt(expires ?? '', 36) &&
      Date.parse(current.activeSince) === Number.parseInt(active ?? '', 36);
    if (!fresh) return { content: s.offConfirm.expired };
    try {
      await deps.store.settings.delete(guildId);
    } catch {
      throw new StoreTrouble('not-saved');
    }
  } catch (error) {
    if (!(error instanceof StoreTrouble)) throw error;
    return { content: error.kind === 'unavailable' ? storage.unavailable : storage.notSaved };
  }
  return { content: s.turnedOff };
}
