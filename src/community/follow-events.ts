import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Dataset } from '../data/load.js';
import type { Agreement } from '../data/schema.js';
import { languageOf, stringsFor } from '../i18n/index.js';
import { partnerLabelInSentence } from '../render/agreement.js';
import { discordDate } from '../render/format.js';
import { truncate } from '../render/fit.js';
import { LIMITS } from '../render/limits.js';

/**
 * What a follower is told, and when: pure, from the data and the day. Days are UTC days (a
 * member's own zone is not known to the bot). An agreement signed on 29 February has its
 * anniversary only in leap years.
 */

/** A change older than this is not sent, even to a follow that predates it (a restored backup). */
export const CHANGE_NEWS_DAYS = 7;

export interface FollowEvent {
  /** The DM's once-key: `anniversary:<id>:<year>` or `change:<id>:<hash>`. */
  key: string;
  content: string;
}

/** A changelog entry's stable name: its date, kind and English text (entries have no id). */
export function changeHash(change: Dataset['changelog'][number]): string {
  return createHash('sha256')
    .update(`${change.date}|${change.kind}|${change.text.en}`)
    .digest('hex')
    .slice(0, 12);
}

/** One DM's text within Discord's limit, with a footer that says why it came. */
function fitDmText(text: string, language: string): string {
  const footer = `-# ${stringsFor(language).follow.dmFooter}`;
  return `${truncate(text, LIMITS.content - footer.length - 2)}\n\n${footer}`;
}

/** What is due today for one follow of `agreement`, made at `followedAt`, in `language`. */
export function followEvents(
  agreement: Agreement,
  data: Dataset,
  today: string,
  followedAt: Date,
  language: string,
): FollowEvent[] {
  const strings = stringsFor(language);
  const uk = languageOf(language) === 'uk';
  const name = partnerLabelInSentence(agreement, strings);
  const events: FollowEvent[] = [];
  const day = DateTime.fromISO(today, { zone: 'UTC' });
  const signed = DateTime.fromISO(agreement.signed, { zone: 'UTC' });
  const years = day.year - signed.year;
  if (years > 0 && day.month === signed.month && day.day === signed.day) {
    events.push({
      key: `anniversary:${agreement.id}:${day.year}`,
      content: fitDmText(
        strings.follow.anniversaryDm(name, years, discordDate(agreement.signed, 'D')),
        language,
      ),
    });
  }
  const followedOn = DateTime.fromJSDate(followedAt, { zone: 'UTC' }).toISODate() ?? '';
  const oldest = day.minus({ days: CHANGE_NEWS_DAYS }).toISODate() ?? '';
  for (const change of data.changelog) {
    if (!change.agreementIds.includes(agreement.id)) continue;
    // Only what changed after the member followed it: a change they could already see is not news.
    if (change.date <= followedOn || change.date > today || change.date < oldest) continue;
    events.push({
      key: `change:${agreement.id}:${changeHash(change)}`,
      content: fitDmText(
        strings.follow.changeDm(name, uk ? change.text.uk : change.text.en),
        language,
      ),
    });
  }
  return events;
}
