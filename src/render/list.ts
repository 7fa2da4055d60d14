import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord-api-types/v10';
import type { LaterRecord } from '../data/records-schema.js';
import type { Agreement } from '../data/schema.js';
import { pick, type Strings } from '../i18n/index.js';
import { COLOURS, partnerLabel, partnerName, placeName, STATUS_MARK } from './agreement.js';
import { fitEmbed } from './fit.js';
import { discordDate } from './format.js';
import { recordLabel, RECORD_COLOURS, STEP_MARK, stepDate } from './record.js';
import type { ReplyBody } from './reply.js';
import { filtersToId, hasFilters, type ListFilters } from '../search/filters.js';

export const LIST_ORDERS = ['date', 'name'] as const;
export type ListOrder = (typeof LIST_ORDERS)[number];
export const PAGE_SIZE = 10;

export function isListOrder(value: unknown): value is ListOrder {
  return LIST_ORDERS.includes(value as ListOrder);
}

/**
 * The custom_id of a page button: all the state it needs, so it works after a restart. Filters,
 * where set, follow as `:<clause>:<year>:<kind>`; an id without them (older messages) lists all.
 */
export function pageButtonId(order: ListOrder, page: number, filters: ListFilters = {}): string {
  const base = `agreements:page:${order}:${page}`;
  return hasFilters(filters) ? `${base}:${filtersToId(filters)}` : base;
}

/** What a filtered list says above its lines: how many of all it shows, and why. */
export interface ListView {
  filters: ListFilters;
  /** The number of documents before filtering. */
  total: number;
  /** One sentence per filter, with its counts. */
  counts: readonly string[];
}

/** Which page a request lands on, and how many there are: out-of-range pages clamp. */
function pageOf(count: number, requestedPage: number): { page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  return { page: Math.min(Math.max(0, Math.trunc(requestedPage) || 0), pages - 1), pages };
}

/** Previous/Next, each carrying its page (and the filters) in its custom_id. */
function pageButtons(
  order: ListOrder,
  page: number,
  pages: number,
  filters: ListFilters,
  strings: Strings,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: strings.list.previous,
        custom_id: pageButtonId(order, page - 1, filters),
        disabled: page === 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: strings.list.next,
        // Distinct ids even when both are disabled on a one-page list.
        custom_id: pageButtonId(order, page + 1, filters),
        disabled: page >= pages - 1,
      },
    ],
  };
}

export function sortAgreements(
  agreements: readonly Agreement[],
  order: ListOrder,
  strings: Strings,
): Agreement[] {
  if (order === 'date') return [...agreements];
  const collator = new Intl.Collator(strings.locale);
  return [...agreements].sort((a, b) =>
    collator.compare(partnerName(a, strings), partnerName(b, strings)),
  );
}

/** One page of `/agreements`, with Previous/Next buttons that carry their page in custom_id. */
export function renderAgreementList(
  agreements: readonly Agreement[],
  order: ListOrder,
  requestedPage: number,
  strings: Strings,
  view?: ListView,
  /** A line under the legend: what else the list can show (the unfiltered list says it). */
  hint?: string,
): ReplyBody {
  const l = strings.list;
  const filters = view?.filters ?? {};
  const sorted = sortAgreements(agreements, order, strings);
  const { page, pages } = pageOf(sorted.length, requestedPage);
  const lines = sorted
    .slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
    .map(
      (a) =>
        `${STATUS_MARK[a.status]} **${partnerLabel(a, strings)}**: ${discordDate(a.signed)}, ${placeName(a, strings) ?? strings.notStated}`,
    );
  const embed: APIEmbed = {
    title: view
      ? `${strings.filters.title(agreements.length, view.total)}, ${l.order[order]}`
      : `${l.title(agreements.length)}, ${l.order[order]}`,
    description: `${view?.counts.length ? `${view.counts.join('\n')}\n\n` : ''}${lines.join('\n')}\n\n${l.legend}${hint ? `\n${hint}` : ''}`,
    color: COLOURS.official,
    footer: { text: l.page(page + 1, pages) },
  };
  return {
    embeds: [fitEmbed(embed)],
    components: [pageButtons(order, page, pages, filters, strings)],
  };
}

/** Where a later record sits in date order: the date its line shows (its own, else its latest step's). */
function recordDate(record: LaterRecord): string {
  return record.date?.value ?? record.timeline.at(-1)?.date ?? '';
}

export function sortRecords(
  records: readonly LaterRecord[],
  order: ListOrder,
  strings: Strings,
): LaterRecord[] {
  if (order === 'date') {
    return [...records].sort(
      (a, b) => recordDate(a).localeCompare(recordDate(b)) || a.id.localeCompare(b.id),
    );
  }
  const collator = new Intl.Collator(strings.locale);
  const name = (r: LaterRecord) => pick(r.shortName, strings.language);
  return [...records].sort((a, b) => collator.compare(name(a), name(b)));
}

/**
 * One line of a later record: its status in words (a list of the later records mixes signed
 * texts with talks, so a mark alone would not do), and its date or, with none, its latest step's.
 */
function recordLine(record: LaterRecord, strings: Strings): string {
  const status = strings.record.status[record.status];
  const latest = record.timeline.at(-1);
  const when = record.date
    ? discordDate(record.date.value)
    : latest
      ? strings.list.latestStep(stepDate(latest.date, strings))
      : strings.notStated;
  return `${STEP_MARK[record.status]} **${recordLabel(record, strings)}**: ${status} · ${when}`;
}

/** A page of `/agreements kind:later` or `kind:no-agreement`: the later records, not the 31. */
export function renderRecordList(
  records: readonly LaterRecord[],
  order: ListOrder,
  requestedPage: number,
  strings: Strings,
  view: ListView,
): ReplyBody {
  const sorted = sortRecords(records, order, strings);
  const { page, pages } = pageOf(sorted.length, requestedPage);
  const lines = sorted
    .slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
    .map((r) => recordLine(r, strings));
  const embed: APIEmbed = {
    title: `${strings.list.recordsTitle(records.length, view.total)}, ${strings.list.order[order]}`,
    description: `${view.counts.join('\n')}\n\n${lines.join('\n')}\n\n${strings.list.recordLegend}`,
    color: RECORD_COLOURS.framework,
    footer: { text: strings.list.page(page + 1, pages) },
  };
  return {
    embeds: [fitEmbed(embed)],
    components: [pageButtons(order, page, pages, view.filters, strings)],
  };
}
