import type { DatasetFacts } from '../data/load.js';
import type { Change, LaterRecord } from '../data/records-schema.js';
import type { Agreement } from '../data/schema.js';
import type { QuoteWithSpeaker } from '../render/posts.js';

/*
 * What the schedule reads from the data, indexed once with it (`data.indexes.schedule`). Apart
 * from due.ts, which imports the prompts and so the data's loader: loadData builds this, and an
 * import of due.ts from there would go round in a circle. (due-index.ts is another thing: the
 * queue of when each server next wakes.)
 */

/**
 * How many days after its date a change is still announced: a week, so a release that ships a
 * few days after the changelog's date still announces it. It must stay well inside the ledger's
 * retention (LEDGER_RETENTION_MS, 14 days, in runner.ts): a change's entry may be pruned only once
 * the change can no longer come due, or it would be posted again. A test holds the two apart.
 */
export const CHANGE_WINDOW_DAYS = 7;

const DAY_MS = 86_400_000;

/** A change's ledger key; ids are at most 50 characters, so it fits the ledger's 64. */
export function changeKey(changeId: string): string {
  return `change:${changeId}`;
}

/** A changelog entry with what it names resolved, and the last local day it is announced on. */
export interface ChangeEntry {
  change: Change;
  key: string;
  records: LaterRecord[];
  agreements: Agreement[];
  /** The change's date plus CHANGE_WINDOW_DAYS, as an ISO day. */
  until: string;
}

export interface ScheduleIndex {
  /** Agreements by signing "MM-DD", in signing order. */
  byMonthDay: Map<string, Agreement[]>;
  quotes: QuoteWithSpeaker[];
  /** The changelog in its own (date) order. */
  changes: ChangeEntry[];
}

export function buildScheduleIndex(data: DatasetFacts): ScheduleIndex {
  const byMonthDay = new Map<string, Agreement[]>();
  for (const agreement of data.agreements) {
    const monthDay = agreement.signed.slice(5);
    byMonthDay.set(monthDay, [...(byMonthDay.get(monthDay) ?? []), agreement]);
  }
  const quotes = data.quotes.map((quote) => ({
    quote,
    speaker: data.personById.get(quote.speakerId),
  }));
  const changes = data.changelog.map((change) => ({
    change,
    key: changeKey(change.id),
    records: change.recordIds.flatMap((id) => data.recordById.get(id) ?? []),
    agreements: change.agreementIds.flatMap((id) => data.agreementById.get(id) ?? []),
    until: plusDays(change.date, CHANGE_WINDOW_DAYS),
  }));
  return { byMonthDay, quotes, changes };
}

/**
 * An ISO day plus whole days, in UTC's calendar, where every day has 24 hours. Not luxon: its
 * DateTime asks Intl for the system's locale, and this runs at start, before any schedule needs
 * ICU's data.
 */
function plusDays(isoDay: string, days: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
