import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import {
  isListOrder,
  renderAgreementList,
  renderRecordList,
  type ListOrder,
} from '../render/list.js';
import { renderNotFound } from '../render/not-found.js';
import type { ReplyBody } from '../render/reply.js';
import {
  applyFilters,
  applyRecordFilters,
  filterCounts,
  filtersFromId,
  hasFilters,
  isClauseFilter,
  isKindFilter,
  isRecordKind,
  readYear,
  recordFilterCounts,
  type ListFilters,
} from '../search/filters.js';
import type { SlashCommand } from './types.js';

/** A page of the list, filtered where filters are set, with their counts above it. */
function answerList(
  data: Dataset,
  order: ListOrder,
  page: number,
  filters: ListFilters,
  strings: Strings,
): ReplyBody {
  if (!hasFilters(filters)) {
    const later = applyRecordFilters(data.records, { kind: 'later' }).length;
    const none = applyRecordFilters(data.records, { kind: 'no-agreement' }).length;
    const hint = later + none > 0 ? strings.list.moreKinds(later, none) : undefined;
    return renderAgreementList(data.agreements, order, page, strings, undefined, hint);
  }
  if (isRecordKind(filters.kind)) return answerRecordList(data, order, page, filters, strings);
  const kept = applyFilters(data.agreements, filters);
  const counts = filterCounts(data.agreements, filters, strings);
  if (kept.length === 0) {
    return renderNotFound(
      [strings.filters.noneMatch, ...counts].join(' '),
      [],
      strings.filters.noneTry,
      strings,
    );
  }
  return renderAgreementList(kept, order, page, strings, {
    filters,
    total: data.agreements.length,
    counts,
  });
}

/** kind:later or kind:no-agreement: the later records, counted and paged like the 31. */
function answerRecordList(
  data: Dataset,
  order: ListOrder,
  page: number,
  filters: ListFilters,
  strings: Strings,
): ReplyBody {
  const kept = applyRecordFilters(data.records, filters);
  const counts = recordFilterCounts(data.records, data.agreements.length, filters, strings);
  if (kept.length === 0) {
    return renderNotFound(
      [strings.filters.noneMatch, ...counts].join(' '),
      [],
      strings.filters.noneTry,
      strings,
    );
  }
  return renderRecordList(kept, order, page, strings, {
    filters,
    total: data.records.length,
    counts,
  });
}

export const agreements: SlashCommand = {
  data: {
    name: 'agreements',
    description: 'All the security agreements, a page at a time',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'order',
        description: 'How to sort the list',
        choices: [
          { name: 'By signing date', value: 'date' },
          { name: 'By partner name', value: 'name' },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'clause',
        description: 'Only those whose 24-hour consultation clause is…',
        choices: [
          { name: 'Stated in our sources', value: 'stated' },
          { name: 'Not stated in our sources', value: 'not-stated' },
          { name: 'Absent: the text sets no 24-hour deadline', value: 'none' },
        ],
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'year',
        description: 'Only those signed in this year',
        min_value: 2023,
        max_value: 2030,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'kind',
        description: 'Only one kind of document',
        choices: [
          { name: 'The 28 on Ukraine’s official list', value: 'official' },
          { name: 'Framework documents (G7, Compact)', value: 'framework' },
          { name: 'Disputed (Croatia)', value: 'disputed' },
          // Issue 12, the later records.
          { name: 'Later documents (since 2025)', value: 'later' },
          { name: 'No agreement: talks, nothing signed', value: 'no-agreement' },
        ],
      },
    ],
  },

  respond(input, { data }) {
    const { order, clause, year, kind } = input.options;
    return answerList(
      data,
      isListOrder(order) ? order : 'date',
      0,
      {
        clause: isClauseFilter(clause) ? clause : undefined,
        year: readYear(year),
        kind: isKindFilter(kind) ? kind : undefined,
      },
      stringsFor(input.locale),
    );
  },

  /** custom_id `agreements:page:<order>:<page>[:<clause>:<year>:<kind>]`: nothing in memory. */
  button(input, { data }) {
    const [action, order, page, ...filters] = input.args;
    const listOrder: ListOrder = isListOrder(order) ? order : 'date';
    const pageNumber = action === 'page' ? Number.parseInt(page ?? '0', 10) : 0;
    return answerList(
      data,
      listOrder,
      pageNumber,
      filtersFromId(filters),
      stringsFor(input.locale),
    );
  },
};
