import { parseArgs } from 'node:util';
import type { Dataset } from '../data/load.js';
import { defaultSettings } from '../commands/schedule.js';
import { LANGUAGES } from '../i18n/index.js';
import { computeDue, GRACE_MS } from '../schedule/due.js';
import type { PromptBank } from '../schedule/prompts.js';
import { checkTimeZone } from '../schedule/timezones.js';
import { plainMarkup, pollLine } from './text.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const PREVIEW_GUILD = '100000000000000001';
const PREVIEW_CHANNEL = '100000000000000002';

export const DUE_USAGE = `Usage: npm run -s preview -- due --at <ISO instant> --timezone <IANA zone> --hour <0-23>
         [--minute 0-59] [--digest monday…sunday|off] [--prompts daily|weekly|off]
         [--anniversaries on|off] [--ping-role <role id>] [--language en|uk] [--json]`;

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
        language: { type: 'string', default: 'en' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return {
      ok: false,
      error: `${error instanceof Error ? error.message : String(error)}\n${DUE_USAGE}`,
    };
  }
  const at = values.at === undefined ? Number.NaN : Date.parse(values.at);
  if (Number.isNaN(at))
    return {
      ok: false,
      error: `--at needs an ISO instant, e.g. 2025-02-16T07:00:00Z\n${DUE_USAGE}`,
    };
  if (values.timezone === undefined || values.timezone.trim() === '') {
    return { ok: false, error: `--timezone needs an IANA zone, e.g. Europe/Kyiv\n${DUE_USAGE}` };
  }
  const zone = checkTimeZone(values.timezone);
  if (zone.kind === 'invalid') {
    return {
      ok: false,
      error: `--timezone: unknown zone${zone.suggestions.length ? ` (did you mean ${zone.suggestions.join(', ')}?)` : ''}`,
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
  const digestDay = WEEKDAYS.indexOf(values.digest.toLowerCase());
  if (digestDay < 0 && values.digest.toLowerCase() !== 'off')
    return { ok: false, error: `--digest takes a weekday or off` };
  if (!['daily', 'weekly', 'off'].includes(values.prompts))
    return { ok: false, error: '--prompts takes daily, weekly or off' };
  if (!['on', 'off'].includes(values.anniversaries))
    return { ok: false, error: '--anniversaries takes on or off' };
  const pingRole = values['ping-role'];
  if (pingRole !== undefined && !/^\d{17,20}$/.test(pingRole))
    return { ok: false, error: '--ping-role takes a role id' };
  const language = LANGUAGES.find((l) => l === values.language);
  if (language === undefined) return { ok: false, error: '--language takes en or uk' };

  const now = new Date(at);
  const settings = {
    ...defaultSettings(PREVIEW_CHANNEL, hour, minute, zone.name, new Date(at - GRACE_MS)),
    anniversaries: values.anniversaries === 'on',
    digest: { enabled: digestDay >= 0, weekday: Math.max(0, digestDay) + 1 },
    prompts: values.prompts as 'daily' | 'weekly' | 'off',
    pingRoleId: pingRole ?? null,
    language,
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
  const locale = language === 'uk' ? 'uk' : 'en-GB';
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
