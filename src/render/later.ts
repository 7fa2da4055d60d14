import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import type { Change, LaterRecord, RecordStep } from '../data/records-schema.js';
import { readsTranslation, type Strings } from '../i18n/index.js';
import { shortDate } from '../lookup/choices.js';
import { fitEmbed } from './fit.js';
import { sourceLabel } from './format.js';
import { LIMITS } from './limits.js';
import {
  chunkLines,
  recordLabel,
  RECORD_COLOURS,
  STEP_MARK,
  stepDate,
  stepLine,
  textIn,
} from './record.js';
import type { ReplyBody } from './reply.js';

/** A step with the record it belongs to. */
export interface DatedStep {
  record: LaterRecord;
  step: RecordStep;
}

/** Every step of the records `keep` picks, oldest first (a month-only date sorts before its days). */
export function datedSteps(
  records: readonly LaterRecord[],
  keep: (record: LaterRecord, step: RecordStep) => boolean,
): DatedStep[] {
  return records
    .flatMap((record) => record.timeline.map((step) => ({ record, step })))
    .filter(({ record, step }) => keep(record, step))
    .sort((a, b) => a.step.date.localeCompare(b.step.date));
}

/** Steps that made or changed a document: what `/timeline` continues with past 2024. */
const DOCUMENT_STEPS = new Set(['signed', 'ratified', 'framework', 'drafted']);

export function timelineSteps(records: readonly LaterRecord[]): DatedStep[] {
  return datedSteps(
    records,
    (record, step) => record.kind !== 'no-agreement' && DOCUMENT_STEPS.has(step.status),
  );
}

function monthHeading(date: string, strings: Strings): string {
  const text = new Intl.DateTimeFormat(strings.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date.slice(0, 7)}-15T12:00:00Z`));
  return text.charAt(0).toLocaleUpperCase(strings.locale) + text.slice(1);
}

/** Lines grouped into one field per month, a month split where its lines overrun a field. */
function monthFields(
  steps: readonly DatedStep[],
  line: (s: DatedStep) => string,
  strings: Strings,
): APIEmbedField[] {
  const months = new Map<string, DatedStep[]>();
  for (const s of steps) {
    const month = s.step.date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), s]);
  }
  return [...months].flatMap(([month, inMonth]) =>
    chunkLines(inMonth.map(line), LIMITS.embedFieldValue).map((value) => ({
      name: monthHeading(month, strings),
      value,
    })),
  );
}

/** The second embed of `/timeline`: the documents after the 28, month by month. */
export function renderLaterTimeline(records: readonly LaterRecord[], strings: Strings): APIEmbed {
  const steps = timelineSteps(records);
  const line = ({ record, step }: DatedStep) => {
    const day = step.date.length === 10 ? `${stepDate(step.date, strings, 'd')} ` : '';
    return `${STEP_MARK[step.status]} ${day}${recordLabel(record, strings)}: ${strings.record.stepStatus[step.status]}`;
  };
  return fitEmbed({
    title: strings.laterTimeline.title,
    description: strings.laterTimeline.description(steps.length),
    color: RECORD_COLOURS.framework,
    fields: monthFields(steps, line, strings),
  });
}

/** `/guarantees`: the security-guarantee track since 2025, each step dated, sourced, with status. */
export function renderGuarantees(data: Dataset, strings: Strings): ReplyBody {
  const steps = datedSteps(data.records, (record) => record.track === 'guarantees');
  const runsTo = shortDate(data.dataRunsTo, strings.locale);
  return {
    embeds: [
      fitEmbed({
        title: strings.guarantees.title,
        description: strings.guarantees.description(steps.length, runsTo),
        color: RECORD_COLOURS.framework,
        fields: monthFields(
          steps,
          ({ record, step }) => stepLine(record, step, strings, 'd'),
          strings,
        ),
        footer: { text: strings.guarantees.footer },
      }),
    ],
  };
}

/** How many changes `/changes` shows: the recent ones, newest first. */
export const RECENT_CHANGES = 10;

function changeLine(change: Change, strings: Strings): string {
  const links = change.sources.map((url) => `[${sourceLabel(url, '')}](${url})`).join(', ');
  return `**${shortDate(change.date, strings.locale)}** · ${strings.changes.kind[change.kind]}: ${textIn(change.text, strings)} (${links})`;
}

/** `/changes`: what was added to or corrected in the data, newest first, each with its sources. */
export function renderChanges(data: Dataset, strings: Strings): ReplyBody {
  const recent = [...data.changelog].reverse().slice(0, RECENT_CHANGES);
  const runsTo = shortDate(data.dataRunsTo, strings.locale);
  const summary =
    recent.length === 0
      ? strings.changes.none
      : strings.changes.description(recent.length, data.changelog.length, runsTo);
  // Where a shown text is our translation, the Ukrainian reply says so.
  const translated = readsTranslation(
    strings.language,
    recent.map((change) => change.text),
  );
  const description = translated ? `${summary}\n${strings.changes.translated}` : summary;
  return {
    embeds: [
      fitEmbed({
        title: strings.changes.title,
        description,
        color: RECORD_COLOURS.framework,
        fields: chunkLines(
          recent.map((c) => changeLine(c, strings)),
          LIMITS.embedFieldValue,
        ).map((value, index) => ({ name: index === 0 ? strings.changes.title : '\u200b', value })),
        footer: { text: strings.changes.footer },
      }),
    ],
  };
}
