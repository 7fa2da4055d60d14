import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { Dataset } from '../data/load.js';
import { LANGUAGES, stringsFor } from '../i18n/index.js';
import { computeDue, GRACE_MS } from '../schedule/due.js';
import type { PromptBank } from '../schedule/prompts.js';
import {
  applySettingsChoices,
  defaultSettings,
  WEEKDAY_CHOICES,
} from '../schedule/settings-rules.js';
import { checkTimeZone } from '../schedule/timezones.js';
import { isSnowflake } from '../snowflake.js';
import { plainMarkup, pollLine } from './text.js';

const PREVIEW_GUILD = '100000000000000001';
const PREVIEW_CHANNEL = '100000000000000002';

export const DUE_USAGE = `Usage: npm run -s preview -- due --at <instant> --timezone <IANA zone> --hour <0-23> [options]`;

/** Every option of `due`, for `--help`. */
export const DUE_HELP = `${DUE_USAGE}

What one server with these settings and nothing posted yet gets at an instant.
  --at WHEN             required: 2025-02-16T07:00:00Z, or a local time (2025-02-16T09:00),
                        read in --timezone
  --timezone ZONE       required: the server's IANA zone, e.g. Europe/Kyiv or UTC
  --hour 0-23           required: the server's posting hour
  --minute 0-59         default 0
  --digest DAY|off      the digest's weekday, monday … sunday, or off (default monday)
  --prompts daily|weekly|off   default weekly
  --anniversaries on|off       default on
  --ping-role ID        a role id to ping with each post
  --locale L            the posts' language: uk for Ukrainian, anything else English
                        (--language en|uk says the same)
  --changes SINCE|off   data-change posts (default off): SINCE is when the server opted in,
                        an instant or a local time like --at; changes dated before its day
                        are never posted
  --json                the posts as JSON: [{ kind, key, body }]`;

export type DuePreview = { ok: true; output: string } | { ok: false; error: string };

/**
 * What one server with these settings and an empty post log gets at an instant: the posts due
 * then, as `{ kind, key, body }`. Anything that came due up to the grace window before counts.
 */
export function previewDue(argv: string[], data: Dataset, prompts: PromptBank): DuePreview {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        at: { type: 'string' },
        timezone: { type: 'string' },
        hour: { type: 'string' },
        minute: { type: 'string', default: '0' },
        digest: { type: 'string', default: 'monday' },
        prompts: { type: 'string', default: 'weekly' },
        anniversaries: { type: 'string', default: 'on' },
        'ping-role': { type: 'string' },
        locale: { type: 'string' },
        language: { type: 'string' },
        changes: { type: 'string', default: 'off' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return {
      ok: false,
      error: `${error instanceof Error ? error.message : String(error)}\n${DUE_USAGE}`,
    };
  }
  if (values.timezone === undefined || values.timezone.trim() === '') {
    return {
      ok: false,
      error: `--timezone is required: the server's IANA zone, e.g. Europe/Kyiv\n${DUE_USAGE}`,
    };
  }
  const zone = checkTimeZone(values.timezone);
  if (zone.kind === 'invalid') {
    return {
      ok: false,
      error: `--timezone: unknown zone${zone.suggestions.length ? ` (did you mean ${zone.suggestions.join(', ')}?)` : ''}`,
    };
  }
  if (values.at === undefined) {
    return {
      ok: false,
      error: `--at is required: an instant, e.g. 2025-02-16T07:00:00Z\n${DUE_USAGE}`,
    };
  }
  const at = readInstant(values.at, zone.name);
  if (Number.isNaN(at))
    return {
      ok: false,
      error: `--at needs an ISO date and time, e.g. 2025-02-16T07:00:00Z, or 2025-02-16T09:00 in --timezone\n${DUE_USAGE}`,
    };
  if (values.hour === undefined) {
    return {
      ok: false,
      error: `--hour is required: the server's posting hour, 0 to 23\n${DUE_USAGE}`,
    };
  }
  // Number('') is 0 and Number('0x9') is 9: take digits only.
  const whole = (text: string | undefined) => (/^\d{1,2}$/.test(text ?? '') ? Number(text) : NaN);
  const hour = whole(values.hour);
  const minute = whole(values.minute);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23)
    return { ok: false, error: '--hour takes 0 to 23' };
  if (!Number.isInteger(minute) || minute < 0 || minute > 59)
    return { ok: false, error: '--minute takes 0 to 59' };
  // Any case, as the command's own choices take it: `--prompts Daily` like `--digest Monday`.
  const digest = values.digest.toLowerCase();
  const cadence = (['daily', 'weekly', 'off'] as const).find(
    (c) => c === values.prompts.toLowerCase(),
  );
  const anniversaries = values.anniversaries.toLowerCase();
  const digestDay = WEEKDAY_CHOICES.find((day) => day.name.toLowerCase() === digest);
  if (digestDay === undefined && digest !== 'off')
    return { ok: false, error: `--digest takes a weekday (monday … sunday) or off` };
  if (cadence === undefined) return { ok: false, error: '--prompts takes daily, weekly or off' };
  if (anniversaries !== 'on' && anniversaries !== 'off')
    return { ok: false, error: '--anniversaries takes on or off' };
  const pingRole = values['ping-role'];
  if (pingRole !== undefined && !isSnowflake(pingRole))
    return { ok: false, error: '--ping-role takes a role id' };
  const language = readLanguage(values.locale, values.language);
  if (typeof language !== 'string') return language;

  // Data-change announcements (issue 12): the opt-in instant, or off.
  const changesText = values.changes.trim();
  const changesSince =
    changesText.toLowerCase() === 'off' ? null : readInstant(changesText, zone.name);
  if (changesSince !== null && Number.isNaN(changesSince))
    return {
      ok: false,
      error: '--changes takes off or the instant the server opted in, e.g. 2026-11-30T12:00:00Z',
    };
  if (changesSince !== null && changesSince > at)
    return { ok: false, error: '--changes: the opt-in must come before --at' };
  // The server counts as set up since the opt-in when that is earlier: what came due before is
  // reported missed, never shown, so only the changes gain from it.
  const activeSince = Math.min(at - GRACE_MS, changesSince ?? Number.POSITIVE_INFINITY);

  const now = new Date(at);
  // The settings a server set up just before, then given these choices, as `/schedule set` applies them.
  const choices = {
    anniversaries: anniversaries === 'on',
    digest: digestDay !== undefined,
    ...(digestDay ? { digest_day: digestDay.value } : {}),
    prompts: cadence,
    ...(pingRole !== undefined ? { ping_role: pingRole } : {}),
    language,
  };
  const settings = {
    ...applySettingsChoices(
      defaultSettings(PREVIEW_CHANNEL, hour, minute, zone.name, new Date(activeSince)),
      choices,
      now,
    ),
    // The opt-in at the instant asked for, not at `now` as `/schedule set changes` records it.
    changes: changesSince === null ? null : { since: new Date(changesSince).toISOString() },
  };
  const posts = computeDue({
    now,
    guildId: PREVIEW_GUILD,
    settings,
    postLog: new Set(),
    data,
    prompts,
  }).flatMap((post) =>
    post.status === 'due' ? [{ kind: post.kind, key: post.key, body: post.body }] : [],
  );
  if (values.json) return { ok: true, output: JSON.stringify(posts) };
  if (posts.length === 0) return { ok: true, output: 'Nothing is due at that instant.' };
  // Plain text the way the server's members would read it: dates in the posts' language.
  const locale = stringsFor(language).locale;
  const text = posts.map((post) => {
    const lines = [`=== ${post.kind} (${post.key}) ===`, plainMarkup(post.body.content, locale)];
    for (const embed of post.body.embeds) {
      if (embed.title) lines.push(`# ${plainMarkup(embed.title, locale)}`);
      if (embed.description) lines.push(plainMarkup(embed.description, locale));
      for (const field of embed.fields ?? [])
        lines.push(`## ${plainMarkup(field.name, locale)}\n${plainMarkup(field.value, locale)}`);
    }
    if (post.body.poll) lines.push(pollLine(post.body.poll));
    return lines.join('\n');
  });
  return { ok: true, output: text.join('\n\n') };
}

/** An ISO date-time ending in Z or an offset is an instant; one without is a wall time in `zone`. */
function readInstant(text: string, zone: string): number {
  const trimmed = text.trim();
  // An offset counts only after a time: the "-16" of 2025-02-16 is the day.
  if (/T[\d:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(trimmed)) return Date.parse(trimmed);
  const local = DateTime.fromISO(trimmed, { zone });
  return local.isValid ? local.toMillis() : Number.NaN;
}

/**
 * The posts' language from `--locale` (a Discord locale, as every other preview command takes:
 * `uk` is Ukrainian, anything else English) or `--language en|uk`; both, they must agree.
 */
function readLanguage(
  locale: string | undefined,
  languageFlag: string | undefined,
): (typeof LANGUAGES)[number] | { ok: false; error: string } {
  const fromLocale =
    locale === undefined ? undefined : locale.toLowerCase().startsWith('uk') ? 'uk' : 'en';
  const fromFlag =
    languageFlag === undefined
      ? undefined
      : LANGUAGES.find((l) => l === languageFlag.toLowerCase());
  if (languageFlag !== undefined && fromFlag === undefined)
    return { ok: false, error: '--language takes en or uk' };
  if (fromLocale !== undefined && fromFlag !== undefined && fromLocale !== fromFlag)
    return {
      ok: false,
      error: `--locale ${locale} and --language ${languageFlag} disagree: give one`,
    };
  return fromFlag ?? fromLocale ?? 'en';
}
