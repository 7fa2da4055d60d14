import {
  ButtonStyle,
  ComponentType,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord-api-types/v10';
import type {
  Bilingual,
  LaterRecord,
  RecordSource,
  RecordStep,
  StepStatus,
} from '../data/records-schema.js';
import { pick, readsTranslation, type Strings } from '../i18n/index.js';
import { shortDate } from '../lookup/choices.js';
import { formatAmount } from './format.js';
import { fitEmbed, joinLines, truncate } from './fit.js';
import { discordDate, sourceLabel } from './format.js';
import { COLOUR } from './colours.js';
import { LIMITS } from './limits.js';
import type { ReplyBody } from './reply.js';

/** Colours by status: green for a signed text, blurple for a process, grey for nothing signed. */
export const RECORD_COLOURS: Record<LaterRecord['status'], number> = {
  signed: COLOUR.signed,
  ratified: COLOUR.ratified,
  framework: COLOUR.framework,
  drafted: COLOUR.caution,
  talks: COLOUR.talks,
  none: COLOUR.none,
};

export const STEP_MARK: Record<StepStatus, string> = {
  signed: '✍️',
  ratified: '✅',
  framework: '🧭',
  drafted: '📝',
  talks: '💬',
  none: '➖',
  meeting: '🤝',
  statement: '🗣️',
};

/** A text in the reader's language: the Ukrainian (ours, where marked so) or the English. */
export function textIn(text: Bilingual, strings: Strings): string {
  return pick(text, strings.language);
}

/** "🇬🇧 100 Year Partnership", in the reader's language. */
export function recordLabel(record: LaterRecord, strings: Strings): string {
  const flag = record.flag ? `${record.flag} ` : '';
  return `${flag}${pick(record.shortName, strings.language)}`;
}

/** A step's date: a Discord timestamp for a day; "July 2025" (in the reader's language) for a month. */
export function stepDate(date: string, strings: Strings, style: 'D' | 'd' = 'D'): string {
  if (date.length === 10) return discordDate(date, style);
  const month = new Intl.DateTimeFormat(strings.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}-15T12:00:00Z`));
  return month.replace(/\s*р\.$/, '');
}

/** "[host](url)" for each source named, in the record's order. */
function sourceLinks(record: LaterRecord, ids: readonly string[]): string {
  return record.sources
    .filter((s) => ids.includes(s.id))
    .map((s) => `[${sourceLabel(s.url, '')}](${s.url})`)
    .join(', ');
}

/** One dated step as a line: mark, date, status, what happened, where it is said. */
export function stepLine(
  record: LaterRecord,
  step: RecordStep,
  strings: Strings,
  style: 'D' | 'd' = 'D',
): string {
  const status = strings.record.stepStatus[step.status];
  const text = truncate(textIn(step.text, strings), 220);
  return `${STEP_MARK[step.status]} ${stepDate(step.date, strings, style)} · *${status}* · ${text} (${sourceLinks(record, step.sources)})`;
}

/** Lines grouped into blocks of at most `max` characters, in order; a line longer than that is cut. */
export function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.map((l) => truncate(l, max))) {
    if (current !== '' && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function sourcesField(sources: readonly RecordSource[], strings: Strings): string {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const source of sources) {
    if (seen.has(source.url)) continue;
    seen.add(source.url);
    links.push(`[${sourceLabel(source.url, '')}](${source.url})`);
  }
  return joinLines(links, LIMITS.embedFieldValue, strings.agreement.moreLines).replace(
    /\n/g,
    ' · ',
  );
}

/** Every text of a record a reader sees in their language. */
function recordTexts(record: LaterRecord): Bilingual[] {
  return [
    record.title,
    ...record.commitments.map((c) => c.text),
    ...record.timeline.map((s) => s.text),
    ...record.conflicts.map((c) => c.text),
    ...record.notes.map((n) => n.text),
  ];
}

/** The footer every record carries: how far the data runs, and when this record was checked. */
export function recordFooter(record: LaterRecord, dataRunsTo: string, strings: Strings): string {
  return strings.record.footer(
    shortDate(dataRunsTo, strings.locale),
    shortDate(record.lastChecked, strings.locale),
  );
}

/** The reply to `/agreement` for a later record or a partner with no agreement. */
export function renderRecord(record: LaterRecord, dataRunsTo: string, strings: Strings): ReplyBody {
  const r = strings.record;
  const fields: APIEmbedField[] = [];
  const place = record.place ? textIn(record.place.text, strings) : null;
  if (record.date || record.kind !== 'no-agreement') {
    fields.push({
      name: r.date,
      value: record.date
        ? [discordDate(record.date.value), place].filter(Boolean).join('\n')
        : r.notSigned,
      inline: true,
    });
  }
  if (record.signatories) {
    const names = (side: 'partner' | 'ukraine') =>
      record.signatories![side].map((name) => pick(name, strings.language)).join('\n');
    fields.push(
      { name: r.signatoriesPartner, value: names('partner'), inline: true },
      { name: r.signatoriesUkraine, value: names('ukraine'), inline: true },
    );
  }
  if (record.commitments.length > 0) {
    fields.push({
      name: r.commitments,
      value: joinLines(
        record.commitments.map((c) => {
          const figure =
            c.amount !== null && c.currency !== null
              ? `**${formatAmount(c.amount, c.currency, strings)}**: `
              : '';
          return `• ${figure}${truncate(textIn(c.text, strings), 400)}`;
        }),
        LIMITS.embedFieldValue,
        strings.agreement.moreLines,
      ),
    });
  }
  // Each step carries its source's address, so a long timeline takes several fields.
  chunkLines(
    record.timeline.map((step) => stepLine(record, step, strings)),
    LIMITS.embedFieldValue,
  ).forEach((value, index) => {
    fields.push({ name: index === 0 ? r.steps : r.stepsMore, value });
  });
  if (record.conflicts.length > 0) {
    fields.push({
      name: r.conflicts,
      value: joinLines(
        record.conflicts.map((c) => `• ${textIn(c.text, strings)}`),
        LIMITS.embedFieldValue,
        strings.agreement.moreLines,
      ),
    });
  }
  if (record.notes.length > 0) {
    fields.push({
      name: r.notes,
      value: joinLines(
        record.notes.map((n) => `• ${textIn(n.text, strings)}`),
        LIMITS.embedFieldValue,
        strings.agreement.moreLines,
      ),
    });
  }
  fields.push({ name: strings.agreement.sources, value: sourcesField(record.sources, strings) });

  const description = [r.statusLine(r.status[record.status])];
  description.push(
    record.kind === 'no-agreement'
      ? strings.lookup.notPartner(pick(record.shortName, strings.language))
      : r.later,
  );
  const translated = readsTranslation(strings.language, recordTexts(record));
  if (translated) description.push(r.translated);

  const embed: APIEmbed = {
    title: `${record.flag ? `${record.flag} ` : ''}${textIn(record.title, strings)}`,
    description: description.join('\n'),
    color: RECORD_COLOURS[record.status],
    fields,
    footer: { text: recordFooter(record, dataRunsTo, strings) },
  };
  const first = record.sources.find((s) => s.url.length <= LIMITS.linkUrl);
  const buttons: APIButtonComponent[] = [];
  if (first) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Link,
      label: strings.agreement.readSource,
      url: first.url,
    });
  }
  const original = englishOriginalId(record.id);
  if (translated && original.length <= LIMITS.customId) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: r.englishOriginal,
      custom_id: original,
    });
  }
  return {
    embeds: [fitEmbed(embed)],
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}

/**
 * The custom_id of a record's "English original" button: `agreement:en:<record id>`, all it
 * needs, so it works after a restart. The /agreement command answers it.
 */
export function englishOriginalId(recordId: string): string {
  return `agreement:en:${recordId}`;
}

/**
 * A later record beside a discussion prompt: its title, status, date and latest step, and where
 * to read it in full.
 */
export function recordPromptField(record: LaterRecord, strings: Strings): APIEmbedField {
  const last = record.timeline.at(-1);
  const lines = [
    strings.record.statusLine(strings.record.status[record.status]),
    ...(record.date ? [discordDate(record.date.value)] : []),
    ...(last ? [stepLine(record, last, strings)] : []),
    strings.posts.more(
      `\`/${strings.posts.agreementCommand}${pick(record.shortName, strings.language)}\``,
    ),
  ];
  return {
    name: truncate(`${recordLabel(record, strings)}: ${textIn(record.title, strings)}`, 256),
    value: joinLines(lines, LIMITS.embedFieldValue, strings.agreement.moreLines),
  };
}
