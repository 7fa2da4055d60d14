import { DateTime } from 'luxon';
import type {
  APIAllowedMentions,
  APIEmbed,
  APIEmbedField,
  RESTAPIPoll,
  RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import type { Agreement, FactKey, Person, Quote } from '../data/schema.js';
import type { PromptCadence } from '../store/schema.js';
import type { Prompt } from '../schedule/prompts.js';
import { fitEmbed, joinLines, truncate } from './fit.js';
import { addYears, discordDate } from './format.js';
import { LIMITS } from './limits.js';

/**
 * A scheduled post as Discord's create-message body (plain JSON, like ReplyBody for replies).
 * The runner adds `nonce` and `enforce_nonce` and sends it as is.
 */
export interface PostBody {
  content: string;
  embeds: APIEmbed[];
  allowed_mentions: APIAllowedMentions;
  poll?: RESTAPIPoll;
}

/** A thread the runner opens on the post, when it may. */
export interface ThreadSpec {
  /** ≤ 100 characters (Discord's channel-name limit). */
  name: string;
  /** Minutes: 1440 for a daily prompt, 10080 for a weekly one. */
  auto_archive_duration: 1440 | 10080;
}

export interface ScheduledMessage {
  body: PostBody;
  thread: ThreadSpec | null;
}

export const THREAD_NAME_MAX = 100;
export const POST_COLOURS = { anniversary: 0x0057b7, digest: 0xffd700, prompt: 0x57f287 } as const;

/** Who a post may ping: nobody, unless the server chose a role. */
export function postMentions(pingRoleId: string | null): APIAllowedMentions {
  return pingRoleId ? { parse: [], roles: [pingRoleId] } : { parse: [] };
}

function withPing(text: string, pingRoleId: string | null): string {
  return truncate(pingRoleId ? `<@&${pingRoleId}> ${text}` : text, LIMITS.content);
}

function body(
  content: string,
  embeds: APIEmbed[],
  pingRoleId: string | null,
  poll?: RESTAPIPoll,
): PostBody {
  const result = {
    content: withPing(content, pingRoleId),
    embeds: embeds.map(fitEmbed),
    allowed_mentions: postMentions(pingRoleId),
    ...(poll ? { poll } : {}),
  } satisfies RESTPostAPIChannelMessageJSONBody;
  return result;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function partnerLabel(agreement: Agreement): string {
  const { flag, shortName } = agreement.partner;
  return flag ? `${flag} ${shortName.en}` : shortName.en;
}

/** What to type after `/agreement` to find this one. */
function agreementCommand(agreement: Agreement): string {
  return `\`/agreement ${agreement.partner.shortName.en}\``;
}

function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Full years from the signing to a local date (an anniversary's "N years ago"). */
export function yearsSince(signed: string, localDate: string): number {
  const from = DateTime.fromISO(signed, { zone: 'UTC' });
  const to = DateTime.fromISO(localDate, { zone: 'UTC' });
  return Math.floor(to.diff(from, 'years').years + 1e-9);
}

/**
 * The term left on a local date: "8 years", "2 years and 3 months", "less than a month";
 * null when the agreement states no duration (then nothing is said about it).
 */
export function termLine(agreement: Agreement, localDate: string): string | null {
  if (agreement.durationYears === null) return null;
  const end = addYears(agreement.signed, agreement.durationYears);
  const term = `${plural(agreement.durationYears, 'year')}${mark(agreement, 'durationYears')}`;
  if (end <= localDate) return `Term: ${term}, ended ${discordDate(end)}.`;
  const left = DateTime.fromISO(end, { zone: 'UTC' })
    .diff(DateTime.fromISO(localDate, { zone: 'UTC' }), ['years', 'months', 'days'])
    .shiftTo('years', 'months', 'days');
  const years = Math.floor(left.years);
  const months = Math.floor(left.months);
  const parts = [
    years > 0 ? plural(years, 'year') : null,
    months > 0 ? plural(months, 'month') : null,
  ].filter((p): p is string => p !== null);
  const remaining = parts.length > 0 ? parts.join(' and ') : 'less than a month';
  return `Term: ${term}, to ${discordDate(end)}: ${remaining} left.`;
}

const STATUS_LINES = {
  official: null,
  framework: '🧭 A framework document, not one of the bilateral agreements.',
  disputed: "⚠️ Disputed: counted by some sources, absent from Ukraine's official lists.",
} as const;

const UNCONFIRMED = ' (unconfirmed)';

function mark(agreement: Agreement, fact: FactKey): string {
  return agreement.unconfirmed.includes(fact) ? UNCONFIRMED : '';
}

function signedLine(agreement: Agreement): string {
  const place = agreement.place ? ` in ${agreement.place}${mark(agreement, 'place')}` : '';
  const unconfirmed = agreement.unconfirmed.includes('signed') ? ' (date unconfirmed)' : '';
  return `Signed ${discordDate(agreement.signed)}${unconfirmed}${place}.`;
}

/** The key facts of one agreement, as a field value. */
function factsValue(agreement: Agreement, localDate: string, commitments: number): string {
  const lines = [
    STATUS_LINES[agreement.status],
    signedLine(agreement),
    termLine(agreement, localDate),
    ...agreement.commitments
      .slice(0, commitments)
      .map((c, i) => `• ${truncate(c.text, 300)}${mark(agreement, `commitments.${i}`)}`),
    `More: ${agreementCommand(agreement)}`,
  ].filter((line): line is string => line !== null);
  return joinLines(lines, LIMITS.embedFieldValue, (n) => `…and ${n} more`);
}

function agreementField(
  agreement: Agreement,
  localDate: string,
  commitments: number,
): APIEmbedField {
  return {
    name: `${partnerLabel(agreement)}: ${agreement.title}${mark(agreement, 'title')}`,
    value: factsValue(agreement, localDate, commitments),
  };
}

/** "Ukraine and 🇩🇪 Germany signed…", "the G7 declaration was signed": one clause per kind. */
function signingClause(agreements: readonly Agreement[]): string {
  const partners = agreements.filter((a) => a.status !== 'framework').map(partnerLabel);
  const frameworks = agreements.filter((a) => a.status === 'framework').map(partnerLabel);
  const clauses: string[] = [];
  if (partners.length === 1)
    clauses.push(`Ukraine and ${partners[0]} signed their security agreement`);
  if (partners.length > 1)
    clauses.push(`Ukraine signed security agreements with ${listJoin(partners)}`);
  if (frameworks.length > 0) {
    clauses.push(`the ${listJoin(frameworks)} ${frameworks.length === 1 ? 'was' : 'were'} signed`);
  }
  return clauses.join(', and ');
}

export interface AnniversaryInput {
  /** The server's local date of the anniversary. */
  localDate: string;
  /** Agreements signed on this month and day in an earlier year, in signing order. */
  agreements: readonly Agreement[];
  pingRoleId: string | null;
}

/** "1 year ago today, Ukraine signed security agreements with Germany and France…" */
export function renderAnniversaryPost({
  localDate,
  agreements,
  pingRoleId,
}: AnniversaryInput): ScheduledMessage {
  const byYears = new Map<number, Agreement[]>();
  for (const agreement of agreements) {
    const years = yearsSince(agreement.signed, localDate);
    byYears.set(years, [...(byYears.get(years) ?? []), agreement]);
  }
  const sentences = [...byYears.entries()]
    .sort(([a], [b]) => b - a)
    .map(([years, group]) => {
      const date = discordDate(group[0]!.signed);
      return `📅 **${plural(years, 'year')} ago today** (${date}), ${signingClause(group)}.`;
    });
  const commands = listJoin(agreements.map(agreementCommand));
  const content = `${sentences.join('\n')}\nThe full record and its sources: ${commands}.`;
  const embed: APIEmbed = {
    title:
      agreements.length === 1 ? 'Signed on this day' : `${agreements.length} signed on this day`,
    color: POST_COLOURS.anniversary,
    fields: agreements.slice(0, LIMITS.embedFields).map((a) => agreementField(a, localDate, 2)),
  };
  return { body: body(content, [embed], pingRoleId), thread: null };
}

export interface UpcomingAnniversary {
  /** The local date it falls on (Feb 29 signings fall on Feb 28 in other years). */
  date: string;
  agreement: Agreement;
  years: number;
}

export interface QuoteWithSpeaker {
  quote: Quote;
  speaker: Person | undefined;
}

export interface DigestInput {
  localDate: string;
  upcoming: readonly UpcomingAnniversary[];
  featured: Agreement;
  quote: QuoteWithSpeaker | null;
  pingRoleId: string | null;
}

function quoteText({ quote, speaker }: QuoteWithSpeaker): string {
  const who = speaker ? `${speaker.name.en}, ${speaker.role}` : quote.speakerId;
  const notes = [
    quote.date ? discordDate(quote.date) : null,
    quote.translation ? 'translated' : null,
    quote.verbatim ? null : 'not verbatim',
    quote.note && /attribution inferred/i.test(quote.note) ? 'attribution inferred' : null,
  ].filter((n): n is string => n !== null);
  const text = `> ${truncate(quote.text, 700).replace(/\n/g, '\n> ')}`;
  return `${text}\n— ${who}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** The weekly digest: the anniversaries of the next 7 days, one agreement, one quote. */
export function renderDigestPost({
  localDate,
  upcoming,
  featured,
  quote,
  pingRoleId,
}: DigestInput): ScheduledMessage {
  const upcomingValue =
    upcoming.length === 0
      ? 'None in the next 7 days.'
      : joinLines(
          upcoming.map(
            (u) =>
              `${discordDate(u.date)}: ${partnerLabel(u.agreement)}, ${plural(u.years, 'year')}`,
          ),
          LIMITS.embedFieldValue,
          (n) => `…and ${n} more`,
        );
  const fields: APIEmbedField[] = [
    { name: 'Anniversaries in the next 7 days', value: upcomingValue },
    {
      name: `Featured: ${partnerLabel(featured)}`,
      value: `**${featured.title}**${mark(featured, 'title')}\n${factsValue(featured, localDate, 3)}`,
    },
  ];
  if (quote) fields.push({ name: 'Quote of the week', value: quoteText(quote) });
  const embed: APIEmbed = {
    title: "This week in Ukraine's security agreements",
    color: POST_COLOURS.digest,
    fields,
  };
  const content = `🗞️ **Weekly digest**, ${discordDate(localDate)}`;
  return { body: body(content, [embed], pingRoleId), thread: null };
}

export interface PromptInput {
  prompt: Prompt;
  agreements: readonly Agreement[];
  quotes: readonly QuoteWithSpeaker[];
  /** How often prompts come: sets how long the poll and the thread stay open. */
  cadence: Exclude<PromptCadence, 'off'>;
  localDate: string;
  pingRoleId: string | null;
}

/** Poll durations in hours: open until the next prompt. */
const POLL_HOURS = { daily: 24, weekly: 24 * 7 } as const;
const THREAD_ARCHIVE = { daily: 1440, weekly: 10080 } as const;

/** A discussion prompt: the question, what it starts from, and a native poll when it has answers. */
export function renderPromptPost({
  prompt,
  agreements,
  quotes,
  cadence,
  localDate,
  pingRoleId,
}: PromptInput): ScheduledMessage {
  const fields: APIEmbedField[] = [
    ...quotes.map((q) => ({ name: 'Quote', value: quoteText(q) })),
    ...agreements.map((a) => agreementField(a, localDate, 0)),
  ];
  const embed: APIEmbed = {
    title: 'Where this starts from',
    color: POST_COLOURS.prompt,
    fields: fields.slice(0, LIMITS.embedFields),
  };
  const poll: RESTAPIPoll | undefined = prompt.poll
    ? {
        question: { text: truncate(prompt.question, LIMITS.pollQuestion) },
        answers: prompt.poll.answers
          .slice(0, LIMITS.pollAnswers)
          .map((text) => ({ poll_media: { text: truncate(text, LIMITS.pollAnswer) } })),
        duration: POLL_HOURS[cadence],
        allow_multiselect: prompt.poll.allowMultiselect,
      }
    : undefined;
  const invite = poll ? 'Vote, then say why.' : 'What do you think?';
  const content = `💬 **Discussion prompt**\n${prompt.question}\n${invite}`;
  return {
    body: body(content, [embed], pingRoleId, poll),
    thread: {
      name: truncate(`💬 ${prompt.question}`, THREAD_NAME_MAX),
      auto_archive_duration: THREAD_ARCHIVE[cadence],
    },
  };
}
