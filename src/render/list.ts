import { ButtonStyle, ComponentType, type APIEmbed } from 'discord-api-types/v10';
import type { Agreement } from '../data/schema.js';
import type { Strings } from '../i18n/index.js';
import { COLOURS, partnerLabel, partnerName, placeName, STATUS_MARK } from './agreement.js';
import { fitEmbed } from './fit.js';
import { discordDate } from './format.js';
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
): ReplyBody {
  const l = strings.list;
  const filters = view?.filters ?? {};
  const sorted = sortAgreements(agreements, order, strings);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, Math.trunc(requestedPage) || 0), pages - 1);
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
    description: `${view?.counts.length ? `${view.counts.join('\n')}\n\n` : ''}${lines.join('\n')}\n\n${l.legend}`,
    color: COLOURS.official,
    footer: { text: l.page(page + 1, pages) },
  };
  return {
    embeds: [fitEmbed(embed)],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: l.previous,
            custom_id: pageButtonId(order, page - 1, filters),
            disabled: page === 0,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: l.next,
            // Distinct ids even when both are disabled on a one-page list.
            custom_id: pageButtonId(order, page + 1, filters),
            disabled: page >= pages - 1,
          },
        ],
      },
    ],
  };
}
