import { DateTime } from 'luxon';
import type {
  APIAllowedMentions,
  APIEmbed,
  APIEmbedField,
  RESTAPIPoll,
  RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import type { Change, LaterRecord } from '../data/records-schema.js';
import type { Agreement, FactKey, Person, Quote } from '../data/schema.js';
import type { PromptCadence } from '../store/domain.js';
import type { Prompt } from '../schedule/prompts.js';
import { pick, readsTranslation, stringsFor, type Language, type Strings } from '../i18n/index.js';
import {
  agreementHeading,
  partnerLabel,
  partnerLabelInSentence,
  partnerName,
  placeName,
  titleRepeatsName,
} from './agreement.js';
import { shortDate } from '../lookup/choices.js';
import { fitEmbed, joinLines, truncate } from './fit.js';
import { addYears, discordDate } from './format.js';
import { LIMITS } from './limits.js';
import { personName, personRole } from './quote.js';
import { escapeUserMarkdown } from './user-text.js';
import { recordLabel, recordPromptField, textIn } from './record.js';
import { sourceLabel } from './format.js';
import { COLOUR } from './colours.js';

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
  /**
   * For a post with a poll: the same post without it, inviting answers instead of votes. Sent
   * where Discord refuses the poll (the bot may not create polls in the channel).
   */
  withoutPoll: PostBody | null;
}

export const THREAD_NAME_MAX = 100;
export const POST_COLOURS = {
  anniversary: COLOUR.ukraine,
  digest: COLOUR.quote,
  prompt: COLOUR.discussion,
  change: COLOUR.framework,
} as const;

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

function postStrings(language: Language | undefined): Strings['posts'] {
  return stringsFor(language ?? 'en').posts;
}

/**
 * What to type to find an agreement, as this reader sees the command and as Discord itself shows
 * a used one: `/agreement partner:Germany`.
 */
function agreementCommand(agreement: Agreement, strings: Strings): string {
  return `\`/${strings.posts.agreementCommand}${partnerName(agreement, strings)}\``;
}

function listJoin(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
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
export function termLine(
  agreement: Agreement,
  localDate: string,
  language: Language = 'en',
): string | null {
  if (agreement.durationYears === null) return null;
  const p = postStrings(language);
  const end = addYears(agreement.signed, agreement.durationYears);
  const term = `${p.years(agreement.durationYears)}${mark(agreement, 'durationYears', p)}`;
  if (end <= localDate) return p.termEnded(term, discordDate(end));
  const left = DateTime.fromISO(end, { zone: 'UTC' })
    .diff(DateTime.fromISO(localDate, { zone: 'UTC' }), ['years', 'months', 'days'])
    .shiftTo('years', 'months', 'days');
  const years = Math.floor(left.years);
  const months = Math.floor(left.months);
  const parts = [years > 0 ? p.years(years) : null, months > 0 ? p.months(months) : null].filter(
    (part): part is string => part !== null,
  );
  const remaining = parts.length > 0 ? parts.join(p.and) : p.lessThanAMonth;
  return p.termLeft(term, discordDate(end), remaining);
}

function mark(agreement: Agreement, fact: FactKey, p: Strings['posts']): string {
  return agreement.unconfirmed.includes(fact) ? p.unconfirmed : '';
}

/** A signing date as a post shows it, flagged wherever it appears if our sources leave it open. */
function signingDate(agreement: Agreement, p: Strings['posts'], date = agreement.signed): string {
  const unconfirmed = agreement.unconfirmed.includes('signed') ? p.dateUnconfirmed : '';
  return `${discordDate(date)}${unconfirmed}`;
}

function signedLine(agreement: Agreement, strings: Strings): string {
  const p = strings.posts;
  const placeText = placeName(agreement, strings);
  const place = placeText ? p.signedPlace(`${placeText}${mark(agreement, 'place', p)}`) : '';
  return p.signed(signingDate(agreement, p), place);
}

function statusLine(agreement: Agreement, p: Strings['posts']): string | null {
  return agreement.status === 'official' ? null : p.status[agreement.status];
}

/** The key facts of one agreement, as a field value. */
function factsValue(
  agreement: Agreement,
  localDate: string,
  commitments: number,
  strings: Strings,
): string {
  const p = strings.posts;
  const lines = [
    statusLine(agreement, p),
    signedLine(agreement, strings),
    termLine(agreement, localDate, strings.language),
    ...agreement.commitments
      .slice(0, commitments)
      .map((c, i) => `• ${truncate(c.text, 300)}${mark(agreement, `commitments.${i}`, p)}`),
    p.more(agreementCommand(agreement, strings)),
  ].filter((line): line is string => line !== null);
  return joinLines(lines, LIMITS.embedFieldValue, strings.agreement.moreLines);
}

function agreementField(
  agreement: Agreement,
  localDate: string,
  commitments: number,
  strings: Strings,
): APIEmbedField {
  return {
    name: `${agreementHeading(agreement, strings)}${mark(agreement, 'title', strings.posts)}`,
    value: factsValue(agreement, localDate, commitments, strings),
  };
}

/** "Ukraine and 🇩🇪 Germany signed…", "the G7 declaration was signed": one clause per kind. */
function signingClause(agreements: readonly Agreement[], strings: Strings): string {
  const p = strings.posts;
  const label = (a: Agreement) => partnerLabelInSentence(a, strings);
  const partners = agreements.filter((a) => a.status !== 'framework').map(label);
  const frameworks = agreements.filter((a) => a.status === 'framework').map(label);
  const clauses: string[] = [];
  if (partners.length === 1) clauses.push(p.signedWithOne(partners[0]!));
  if (partners.length > 1) clauses.push(p.signedWithMany(listJoin(partners, p.and)));
  if (frameworks.length > 0) {
    clauses.push(p.frameworksSigned(listJoin(frameworks, p.and), frameworks.length));
  }
  return clauses.join(p.clauseJoin);
}

export interface AnniversaryInput {
  /** The server's local date of the anniversary. */
  localDate: string;
  /** Agreements signed on this month and day in an earlier year, in signing order. */
  agreements: readonly Agreement[];
  pingRoleId: string | null;
  /** The server's language; English when absent. */
  language?: Language;
}

/** "1 year ago today, Ukraine signed security agreements with Germany and France…" */
export function renderAnniversaryPost({
  localDate,
  agreements,
  pingRoleId,
  language,
}: AnniversaryInput): ScheduledMessage {
  const strings = stringsFor(language ?? 'en');
  const p = strings.posts;
  const byYears = new Map<number, Agreement[]>();
  for (const agreement of agreements) {
    const years = yearsSince(agreement.signed, localDate);
    byYears.set(years, [...(byYears.get(years) ?? []), agreement]);
  }
  const sentences = [...byYears.entries()]
    .sort(([a], [b]) => b - a)
    .map(([years, group]) => {
      // One date for the group (same day, same year); flagged if any of them is in doubt.
      const doubtful = group.find((a) => a.unconfirmed.includes('signed')) ?? group[0]!;
      return p.yearsAgoToday(years, signingDate(doubtful, p), signingClause(group, strings));
    });
  const commands = listJoin(
    agreements.map((a) => agreementCommand(a, strings)),
    p.and,
  );
  const content = `${sentences.join('\n')}\n${p.fullRecord(commands)}`;
  const embed: APIEmbed = {
    title: p.signedOnThisDay(agreements.length),
    color: POST_COLOURS.anniversary,
    fields: agreements
      .slice(0, LIMITS.embedFields)
      .map((a) => agreementField(a, localDate, 2, strings)),
  };
  return { body: body(content, [embed], pingRoleId), withoutPoll: null, thread: null };
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
  /** The server's language; English when absent. */
  language?: Language;
}

/**
 * A quote as posted: always verbatim in the language of its source, never translated here; the
 * notes say when the source itself is a translation.
 */
function quoteText({ quote, speaker }: QuoteWithSpeaker, strings: Strings): string {
  const notes = strings.posts.quoteNotes;
  const who = speaker
    ? `${personName(speaker, strings)}, ${personRole(speaker, strings).role}`
    : quote.speakerId;
  const marks = [
    quote.date ? discordDate(quote.date) : null,
    // A document quoted through DW is DW's wording of it, not a translation of a speaker.
    quote.translation ? (speaker?.kind === 'document' ? notes.dwWording : notes.translated) : null,
    quote.verbatim ? null : notes.notVerbatim,
    quote.note && /attribution inferred/i.test(quote.note) ? notes.attributionInferred : null,
  ].filter((n): n is string => n !== null);
  const text = `> ${truncate(quote.text, 700).replace(/\n/g, '\n> ')}`;
  return `${text}\n— ${who}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`;
}

/** The weekly digest: the anniversaries of the next 7 days, one agreement, one quote. */
export function renderDigestPost({
  localDate,
  upcoming,
  featured,
  quote,
  pingRoleId,
  language,
}: DigestInput): ScheduledMessage {
  const strings = stringsFor(language ?? 'en');
  const p = strings.posts;
  const upcomingValue =
    upcoming.length === 0
      ? p.noneUpcoming
      : joinLines(
          upcoming.map((u) =>
            p.upcomingLine(
              signingDate(u.agreement, p, u.date),
              partnerLabel(u.agreement, strings),
              u.years,
            ),
          ),
          LIMITS.embedFieldValue,
          strings.agreement.moreLines,
        );
  const fields: APIEmbedField[] = [
    { name: p.upcomingTitle, value: upcomingValue },
    {
      name: p.featured(partnerLabel(featured, strings)),
      // The heading already names it; a title that is only the name is not repeated below.
      value: `${titleRepeatsName(featured) ? '' : `**${featured.title}**${mark(featured, 'title', p)}\n`}${factsValue(featured, localDate, 3, strings)}`,
    },
  ];
  if (quote) fields.push({ name: p.quoteOfTheWeek, value: quoteText(quote, strings) });
  const embed: APIEmbed = {
    title: p.digestTitle,
    color: POST_COLOURS.digest,
    fields,
  };
  const content = p.digestContent(discordDate(localDate));
  return { body: body(content, [embed], pingRoleId), withoutPoll: null, thread: null };
}

export interface PromptInput {
  prompt: Prompt;
  agreements: readonly Agreement[];
  quotes: readonly QuoteWithSpeaker[];
  /** The later records (2025–2026) the prompt starts from. */
  records?: readonly LaterRecord[];
  /** How often prompts come: sets how long the poll and the thread stay open. */
  cadence: Exclude<PromptCadence, 'off'>;
  localDate: string;
  pingRoleId: string | null;
  /** The server's language (for /discuss: the server's, else the member's); English when absent. */
  language?: Language;
  /**
   * A member's approved suggestion (issue 13): the author's id, credited in the embed, where a
   * mention shows the name and never pings. Their text is shown as typed, markdown escaped.
   */
  suggestedBy?: string | null;
}

/** Poll durations in hours: open until the next prompt. */
const POLL_HOURS = { daily: 24, weekly: 24 * 7 } as const;
const THREAD_ARCHIVE = { daily: 1440, weekly: 10080 } as const;

/** The prompt's question and poll answers in a language (the bank holds both). */
export function promptText(
  prompt: Prompt,
  language: Language = 'en',
): { question: string; answers: readonly string[] | null } {
  return {
    question: pick(prompt.question, language),
    answers: prompt.poll ? pick(prompt.poll.answers, language) : null,
  };
}

/** A discussion prompt: the question, what it starts from, and a native poll when it has answers. */
export function renderPromptPost({
  prompt,
  agreements,
  quotes,
  records = [],
  cadence,
  localDate,
  pingRoleId,
  language,
  suggestedBy = null,
}: PromptInput): ScheduledMessage {
  const strings = stringsFor(language ?? 'en');
  const p = strings.posts;
  const { question: asked, answers } = promptText(prompt, language);
  // A member's words are shown as typed: their markdown escaped so it cannot restyle the post.
  const question = suggestedBy ? escapeUserMarkdown(asked) : asked;
  const fields: APIEmbedField[] = [
    ...quotes.map((q) => ({ name: p.quote, value: quoteText(q, strings) })),
    ...agreements.map((a) => agreementField(a, localDate, 0, strings)),
    ...records.map((r) => recordPromptField(r, strings)),
  ];
  const embed: APIEmbed = suggestedBy
    ? {
        title: p.suggestedTitle,
        description: p.suggestedBy(`<@${suggestedBy}>`),
        color: POST_COLOURS.prompt,
      }
    : {
        title: p.promptTitle,
        color: POST_COLOURS.prompt,
        fields: fields.slice(0, LIMITS.embedFields),
      };
  const poll: RESTAPIPoll | undefined =
    prompt.poll && answers
      ? {
          question: { text: truncate(asked, LIMITS.pollQuestion) },
          answers: answers
            .slice(0, LIMITS.pollAnswers)
            .map((text) => ({ poll_media: { text: truncate(text, LIMITS.pollAnswer) } })),
          duration: POLL_HOURS[cadence],
          allow_multiselect: prompt.poll.allowMultiselect,
        }
      : undefined;
  const content = p.promptContent(question, poll ? p.vote : p.whatDoYouThink);
  return {
    body: body(content, [embed], pingRoleId, poll),
    withoutPoll: poll
      ? body(p.promptContent(question, p.whatDoYouThink), [embed], pingRoleId)
      : null,
    thread: {
      name: truncate(`💬 ${asked}`, THREAD_NAME_MAX),
      auto_archive_duration: THREAD_ARCHIVE[cadence],
    },
  };
}

// --- Data-change announcements (issue 12) ---

export interface ChangePostInput {
  change: Change;
  /** The later records it names, in its order (those the data no longer holds left out). */
  records: readonly LaterRecord[];
  /** The agreements it names, in its order. */
  agreements: readonly Agreement[];
  pingRoleId: string | null;
  /** The server's language; English when absent. */
  language?: Language;
}

/** What to type to read a later record: `/agreement partner:100 Year Partnership`. */
function recordCommand(record: LaterRecord, strings: Strings): string {
  const name = pick(record.shortName, strings.language);
  return `\`/${strings.posts.agreementCommand}${name}\``;
}

/**
 * One changelog entry as a post: what was added or corrected, where to read it, and the sources
 * behind it. Ukrainian text that is our translation says so, with the English original beside it.
 */
export function renderChangePost({
  change,
  records,
  agreements,
  pingRoleId,
  language,
}: ChangePostInput): ScheduledMessage {
  const strings = stringsFor(language ?? 'en');
  const p = strings.posts;
  const translated = readsTranslation(strings.language, [change.text]);
  const touched = [
    ...records.map((r) => `• ${recordLabel(r, strings)}: ${recordCommand(r, strings)}`),
    ...agreements.map((a) => `• ${partnerLabel(a, strings)}: ${agreementCommand(a, strings)}`),
  ];
  const fields: APIEmbedField[] = [];
  if (translated) fields.push({ name: p.changeOriginal, value: change.text.en });
  if (touched.length > 0) {
    fields.push({
      name: p.changeWhere,
      value: joinLines(touched, LIMITS.embedFieldValue, strings.agreement.moreLines),
    });
  }
  fields.push({
    name: strings.agreement.sources,
    value: joinLines(
      change.sources.map((url) => `[${sourceLabel(url, '')}](${url})`),
      LIMITS.embedFieldValue,
      strings.agreement.moreLines,
    ),
  });
  const embed: APIEmbed = {
    title: p.changeTitle[change.kind],
    description: `${textIn(change.text, strings)}${translated ? p.changeTranslated : ''}`,
    color: POST_COLOURS.change,
    fields,
    footer: { text: p.changeFooter(shortDate(change.date, strings.locale)) },
  };
  const content = p.changeContent(change.kind, discordDate(change.date));
  return { body: body(content, [embed], pingRoleId), withoutPoll: null, thread: null };
}
