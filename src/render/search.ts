import {
  ButtonStyle,
  ComponentType,
  type APIEmbed,
  type APIEmbedField,
} from 'discord-api-types/v10';
import { ARTICLE_SOURCE, type SourceRef } from '../data/schema.js';
import { pick, type Strings } from '../i18n/index.js';
import type { SearchHit } from '../search/index.js';
import { wordsOf } from '../search/terms.js';
import { COLOURS, partnerLabel, partnerName } from './agreement.js';
import { fitEmbed, truncate } from './fit.js';
import { sourceLabel } from './format.js';
import { LIMITS } from './limits.js';
import { personName } from './quote.js';
import { recordLabel } from './record.js';
import type { ReplyBody } from './reply.js';

export const SEARCH_PAGE_SIZE = 5;
/** How much of a passage a result shows, around its first match. */
const SNIPPET = 320;

/** Which records a search reads: `x` everything, `a` agreements, `q` quotes. */
export const SEARCH_SCOPES = ['x', 'a', 'q'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

export function isSearchScope(value: unknown): value is SearchScope {
  return SEARCH_SCOPES.includes(value as SearchScope);
}

const ID_PREFIX = 'search:p';
/** Room the query has in a custom_id after `search:p:<scope>:<page>:`, pages up to two digits. */
export const QUERY_ROOM = LIMITS.customId - `${ID_PREFIX}:x:99:`.length;

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;

/**
 * The query as a page button carries it: one line, nothing invisible, cut to the room a custom_id
 * leaves. The first page searches this same text, so every page answers the same query.
 */
export function carriedQuery(query: string): string {
  const line = query.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  if (line.length <= QUERY_ROOM) return line;
  let end = QUERY_ROOM;
  const last = line.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return line.slice(0, end).trimEnd();
}

/** custom_id `search:p:<scope>:<page>:<query>`: all a page needs, so it works after a restart. */
export function searchButtonId(scope: SearchScope, page: number, query: string): string {
  return `${ID_PREFIX}:${scope}:${page}:${query}`;
}

/** Markdown that would turn data into formatting around the bold marks. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~|`>]/g, (char) => `\\${char}`);
}

/**
 * A passage cut to a window around its first matching word, matching words in bold. Markdown in
 * the text is escaped, so only our marks format it.
 */
export function markMatches(text: string, terms: ReadonlySet<string>, max = SNIPPET): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = wordsOf(flat);
  const matched = words.filter((word) => word.terms.some((term) => terms.has(term)));
  const first = matched[0]?.start ?? 0;
  // Some words before the first match, so it is read in its sentence.
  let start = first <= max / 4 ? 0 : (words.find((w) => w.start >= first - max / 4)?.start ?? 0);
  let end = Math.min(flat.length, start + max);
  if (end < flat.length) {
    const lastWord = [...words].reverse().find((w) => w.end <= end);
    if (lastWord && lastWord.end > start) end = lastWord.end;
  }
  if (end <= start) [start, end] = [0, Math.min(flat.length, max)];
  // Neighbouring matches, with only spaces between them, are marked as one run: "**fighter jets**".
  const runs: { start: number; end: number }[] = [];
  for (const word of matched) {
    if (word.start < start || word.end > end) continue;
    const last = runs.at(-1);
    if (last && flat.slice(last.end, word.start).trim() === '') last.end = word.end;
    else runs.push({ start: word.start, end: word.end });
  }
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const run of runs) {
    out += `${escapeMarkdown(flat.slice(at, run.start))}**${escapeMarkdown(flat.slice(run.start, run.end))}**`;
    at = run.end;
  }
  out += escapeMarkdown(flat.slice(at, end));
  if (end < flat.length) out += '…';
  return out;
}

function sourceLink(url: SourceRef, strings: Strings): string {
  const label = sourceLabel(url, strings.quote.article);
  return url === ARTICLE_SOURCE ? label : `[${label}](${url})`;
}

/**
 * The passage's text, or, for what the index holds in both languages (the status, the clause),
 * the reader's own: an English reader searching "спірна" reads the English status.
 */
function shownText(hit: SearchHit, strings: Strings): string {
  const { record, passage } = hit;
  if (record.type === 'record') {
    return passage.field === 'status' ? strings.record.status[record.record.status] : passage.text;
  }
  if (record.type !== 'agreement') return passage.text;
  if (passage.field === 'clause') return strings.search.clauseStated;
  if (passage.field === 'status') {
    const a = strings.agreement;
    return `${a.kind[record.agreement.kind]}. ${a.status[record.agreement.status]}`;
  }
  return passage.text;
}

function hitField(hit: SearchHit, position: number, strings: Strings): APIEmbedField {
  const s = strings.search;
  const { record, passage } = hit;
  const label =
    record.type === 'agreement'
      ? partnerLabel(record.agreement, strings)
      : record.type === 'record'
        ? recordLabel(record.record, strings)
        : s.quoteBy(personName(record.speaker, strings));
  const snippet = markMatches(shownText(hit, strings), hit.terms);
  let origin: string;
  if (passage.source !== null) {
    origin = s.source(sourceLink(passage.source, strings));
  } else if (record.type === 'agreement') {
    origin = s.sourcesOf(
      `\`/${strings.posts.agreementCommand}${partnerName(record.agreement, strings)}\``,
    );
  } else if (record.type === 'record') {
    const name = pick(record.record.shortName, strings.language);
    origin = s.sourcesOf(`\`/${strings.posts.agreementCommand}${name}\``);
  } else {
    origin = s.source(sourceLink(record.quote.source, strings));
  }
  return {
    name: `${position}. ${label} · ${s.fields[passage.field]}`,
    value: `${passage.field === 'said' ? '> ' : ''}${snippet}\n${truncate(origin, 600)}`,
  };
}

/** One page of a search's results, with Previous/Next buttons that carry the query. */
export function renderSearchResults(
  hits: readonly SearchHit[],
  query: { text: string; shown: string; scope: SearchScope; allWords: boolean },
  requestedPage: number,
  strings: Strings,
): ReplyBody {
  const s = strings.search;
  const pages = Math.max(1, Math.ceil(hits.length / SEARCH_PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.trunc(requestedPage) || 0), pages - 1);
  const shown = hits.slice(page * SEARCH_PAGE_SIZE, (page + 1) * SEARCH_PAGE_SIZE);
  const description = [s.found(hits.length), ...(query.allWords ? [] : [s.someWords])];
  const embed: APIEmbed = {
    title: s.title(query.shown),
    description: description.join('\n'),
    color: COLOURS.official,
    fields: shown.map((hit, i) => hitField(hit, page * SEARCH_PAGE_SIZE + i + 1, strings)),
    footer: { text: `${strings.list.page(page + 1, pages)} · ${s.footer}` },
  };
  const body: ReplyBody = { embeds: [fitEmbed(embed)], components: [] };
  if (pages > 1) {
    body.components = [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: strings.list.previous,
            custom_id: searchButtonId(query.scope, page - 1, query.text),
            disabled: page === 0,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: strings.list.next,
            custom_id: searchButtonId(query.scope, page + 1, query.text),
            disabled: page >= pages - 1,
          },
        ],
      },
    ];
  }
  return body;
}
