import { LANGUAGES, type Language } from '../i18n/index.js';
import { isSnowflake } from '../snowflake.js';
import { promptCadenceSchema, type GuildSettings } from '../store/domain.js';

/*
 * What a server's settings start as and how a choice changes them: one home, so `/schedule`
 * and the preview's `due` (which builds the settings a server would have) agree by construction.
 */

/** The weekdays as `/schedule set digest_day` offers them: ISO numbers as text, Monday first. */
export const WEEKDAY_CHOICES = [
  { name: 'Monday', value: '1' },
  { name: 'Tuesday', value: '2' },
  { name: 'Wednesday', value: '3' },
  { name: 'Thursday', value: '4' },
  { name: 'Friday', value: '5' },
  { name: 'Saturday', value: '6' },
  { name: 'Sunday', value: '7' },
] as const;

export type WeekdayValue = (typeof WEEKDAY_CHOICES)[number]['value'];

/** The choices `/schedule set` takes, each optional: what is left out stays as it is. */
export interface SettingsChoices {
  readonly anniversaries?: boolean;
  readonly digest?: boolean;
  readonly digest_day?: WeekdayValue;
  readonly prompts?: GuildSettings['prompts'];
  readonly ping_role?: string;
  readonly no_ping?: boolean;
  readonly language?: Language;
  readonly changes?: boolean;
}

/** A newly set-up server: every kind on, the digest (and weekly prompts) on Mondays. */
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

/** The settings with `choices` applied; `now` is when a change-posts opt-in is recorded. */
export function applySettingsChoices(
  current: GuildSettings,
  choices: SettingsChoices,
  now: Date,
): GuildSettings {
  const next: GuildSettings = { ...current, digest: { ...current.digest } };
  // Discord and the preview's parser check a choice against the definition; these checks keep a
  // value from anywhere else out of the store all the same (a stored setting outlives a bug).
  if (choices.anniversaries !== undefined) next.anniversaries = choices.anniversaries;
  if (choices.digest !== undefined) next.digest.enabled = choices.digest;
  if (WEEKDAY_CHOICES.some((day) => day.value === choices.digest_day)) {
    next.digest.weekday = Number(choices.digest_day);
  }
  const { prompts, language } = choices;
  if (prompts !== undefined && promptCadenceSchema.options.includes(prompts))
    next.prompts = prompts;
  // A role option is an id by Discord's word; the check keeps a malformed one out of the store.
  if (isSnowflake(choices.ping_role)) next.pingRoleId = choices.ping_role;
  if (choices.no_ping === true) next.pingRoleId = null;
  if (language !== undefined && LANGUAGES.includes(language)) next.language = language;
  // Turning on records when, and turning it on again keeps the first moment: announcements
  // start from the day the server asked for them, never earlier.
  if (choices.changes === true) next.changes = current.changes ?? { since: now.toISOString() };
  if (choices.changes === false) next.changes = null;
  return next;
}

/** Where and when a setup posts, as `/schedule setup` checked them. */
export interface SetupChoices {
  readonly channelId: string;
  readonly hour: number;
  readonly minute: number;
  readonly timeZone: string;
  /** The server's preferred language, used unless the server already chose one. */
  readonly language: Language | null;
}

/**
 * A setup applied to what is stored (null: a first setup): running again from `now`, with any
 * earlier choices of kinds, ping and language kept.
 */
export function applySetup(
  previous: GuildSettings | null,
  setup: SetupChoices,
  now: Date,
): GuildSettings {
  const { channelId, hour, minute, timeZone } = setup;
  return {
    ...(previous ?? defaultSettings(channelId, hour, minute, timeZone, now)),
    channelId,
    hour,
    minute,
    timeZone,
    language: previous?.language ?? setup.language,
    blocked: null,
    paused: false,
    activeSince: now.toISOString(),
  };
}

/** Posting again after a pause or a fixed problem: counted from `now`, so nothing is caught up. */
export function applyResume(current: GuildSettings, now: Date): GuildSettings {
  return { ...current, paused: false, blocked: null, activeSince: now.toISOString() };
}
