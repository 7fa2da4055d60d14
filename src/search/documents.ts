import type { DatasetFacts } from '../data/load.js';
import type { Bilingual, LaterRecord } from '../data/records-schema.js';
import {
  partnerSpellings,
  type Agreement,
  type FactKey,
  type Person,
  type Quote,
  type SourceRef,
} from '../data/schema.js';
import { en } from '../i18n/en.js';
import { uk } from '../i18n/uk.js';

/**
 * What the search reads: every record (an agreement or a quote) as passages of text, each in a
 * field that weighs what it is, and each with the source that backs it where one does.
 */
export const FIELDS = [
  'name',
  'title',
  'commitments',
  'clause',
  'place',
  'signatories',
  'status',
  'notes',
  'sources',
  'said',
  'speaker',
] as const;
export type FieldName = (typeof FIELDS)[number];

/**
 * How much a match in each field counts. A commitment outranks a note, and a note a source's
 * sentence (sources repeat what the record says, with more words around it). A partner's or a
 * speaker's own name counts most: "Germany" means the German agreement.
 */
export const FIELD_BOOST: Readonly<Record<FieldName, number>> = {
  name: 6,
  speaker: 4,
  title: 3,
  commitments: 3,
  /** A stated 24-hour clause is a fact of the record, as strong as what it commits to. */
  clause: 3,
  said: 3,
  signatories: 2,
  place: 2,
  status: 1.5,
  notes: 1,
  sources: 0.7,
};

export interface Passage {
  field: FieldName;
  text: string;
  /** The source that backs this text; null where none does by itself (a note, a name). */
  source: SourceRef | null;
}

export type SearchRecord =
  | { type: 'agreement'; id: string; agreement: Agreement; passages: Passage[] }
  | { type: 'quote'; id: string; quote: Quote; speaker: Person; passages: Passage[] }
  /** A later document (2025–2026) or a partner with no agreement (records.json). */
  | { type: 'record'; id: string; record: LaterRecord; passages: Passage[] };

export type RecordType = SearchRecord['type'];

/** The id a record has in the index: agreements and quotes have ids of their own kind. */
export function recordId(type: RecordType, id: string): string {
  return `${type === 'agreement' ? 'a' : type === 'quote' ? 'q' : 'r'}:${id}`;
}

export function searchRecords(data: DatasetFacts): SearchRecord[] {
  const agreements = data.agreements.map((agreement): SearchRecord => ({
    type: 'agreement',
    id: recordId('agreement', agreement.id),
    agreement,
    passages: agreementPassages(agreement),
  }));
  const quotes = data.quotes.flatMap((quote): SearchRecord[] => {
    const speaker = data.personById.get(quote.speakerId);
    if (!speaker) return [];
    return [
      {
        type: 'quote',
        id: recordId('quote', quote.id),
        quote,
        speaker,
        passages: quotePassages(quote, speaker),
      },
    ];
  });
  const later = data.records.map((record): SearchRecord => ({
    type: 'record',
    id: recordId('record', record.id),
    record,
    passages: laterRecordPassages(record),
  }));
  return [...agreements, ...later, ...quotes];
}

function sourceOf(agreement: Agreement, fact: FactKey): SourceRef | null {
  return agreement.sources.find((source) => source.supports.includes(fact))?.url ?? null;
}

function present(texts: readonly (string | null | undefined)[]): string[] {
  return [
    ...new Set(texts.filter((text): text is string => typeof text === 'string' && text !== '')),
  ];
}

function agreementPassages(agreement: Agreement): Passage[] {
  const passages: Passage[] = [];
  const add = (
    field: FieldName,
    texts: readonly (string | null | undefined)[],
    source: SourceRef | null,
  ) => {
    for (const text of present(texts)) passages.push({ field, text, source });
  };
  add('name', partnerSpellings(agreement.partner), null);
  add('title', [agreement.title], sourceOf(agreement, 'title'));
  agreement.commitments.forEach((commitment, index) => {
    add('commitments', [commitment.text], sourceOf(agreement, `commitments.${index}`));
  });
  add(
    'place',
    [agreement.place?.en ?? null, agreement.place?.uk ?? null],
    sourceOf(agreement, 'place'),
  );
  for (const side of ['partner', 'ukraine'] as const) {
    add(
      'signatories',
      [
        ...agreement.signatories[side].map((name) => name.en),
        ...agreement.signatories[side].map((name) => name.uk),
      ],
      sourceOf(agreement, `signatories.${side}`),
    );
  }
  // What kind of document it is, in both languages, as /agreement says it.
  add(
    'status',
    [en, uk].flatMap((strings) => [
      strings.agreement.kind[agreement.kind],
      strings.agreement.status[agreement.status],
    ]),
    null,
  );
  if (agreement.consultations24h === true) {
    add(
      'clause',
      [en.search.clauseStated, uk.search.clauseStated],
      sourceOf(agreement, 'consultations24h'),
    );
  }
  add('notes', agreement.notes, null);
  for (const source of agreement.sources) add('sources', [source.quote], source.url);
  return passages;
}

function quotePassages(quote: Quote, speaker: Person): Passage[] {
  // What the person said, not the context: contexts name the article, whose title says "NATO".
  return [
    { field: 'said', text: quote.text, source: quote.source },
    ...present([speaker.name.en, speaker.name.uk, ...speaker.aliases]).map((text): Passage => ({
      field: 'speaker',
      text,
      source: quote.source,
    })),
  ];
}

/**
 * A later record's passages, in both languages (its Ukrainian texts are stored beside the
 * English). Its dated steps and the points where sources disagree read as notes.
 */
function laterRecordPassages(record: LaterRecord): Passage[] {
  const urlOf = (ids: readonly string[]): SourceRef | null =>
    record.sources.find((source) => ids.includes(source.id))?.url ?? null;
  const passages: Passage[] = [];
  const add = (field: FieldName, texts: readonly (string | null)[], source: SourceRef | null) => {
    for (const text of present(texts)) passages.push({ field, text, source });
  };
  const both = (text: Bilingual) => [text.en, text.uk];
  add('name', [record.shortName.en, record.shortName.uk, ...record.aliases], null);
  add('title', both(record.title), null);
  for (const commitment of record.commitments) {
    add('commitments', both(commitment.text), urlOf(commitment.sources));
  }
  if (record.place) add('place', both(record.place.text), urlOf(record.place.sources));
  if (record.signatories) {
    const { partner, ukraine, sources } = record.signatories;
    add(
      'signatories',
      [...partner, ...ukraine].flatMap((name) => [name.en, name.uk]),
      urlOf(sources),
    );
  }
  add('status', [en.record.status[record.status], uk.record.status[record.status]], null);
  for (const item of [...record.timeline, ...record.conflicts, ...record.notes]) {
    add('notes', both(item.text), urlOf(item.sources));
  }
  for (const source of record.sources) add('sources', [source.quote], source.url);
  return passages;
}
