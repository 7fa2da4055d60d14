import type { Dataset } from '../data/load.js';
import type { Strings } from '../i18n/index.js';
import {
  applyFilters,
  applyRecordFilters,
  filterCounts,
  hasFilters,
  isRecordKind,
  recordFilterCounts,
  type ListFilters,
} from '../search/filters.js';
import { renderAgreementList, renderRecordList, type ListOrder } from './list.js';
import { renderNotFound } from './not-found.js';
import type { ReplyBody } from './reply.js';

/* /agreements' answer, pure: the command reads its options or a page button's id and calls this. */

/** A page of the list, filtered where filters are set, with their counts above it. */
export function answerList(
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
  if (kept.length === 0) return renderNoneMatch(counts, strings);
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
  if (kept.length === 0) return renderNoneMatch(counts, strings);
  return renderRecordList(kept, order, page, strings, {
    filters,
    total: data.records.length,
    counts,
  });
}

/** Filters that keep nothing: say so, with what each filter alone would keep. */
function renderNoneMatch(counts: readonly string[], strings: Strings): ReplyBody {
  return renderNotFound(
    [strings.filters.noneMatch, ...counts].join(' '),
    [],
    strings.filters.noneTry,
    strings,
  );
}
