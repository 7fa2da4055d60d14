import type { Dataset } from '../data/load.js';
import { AGREEMENT_FACT_FIELDS } from '../data/schema.js';
import type { Strings } from '../i18n/index.js';
import { pick } from '../i18n/index.js';
import { lookupForm } from '../lookup/normalize.js';
import { truncate } from '../render/fit.js';
import { LIMITS } from '../render/limits.js';

/**
 * What `/report` can be about: every agreement and every later record, by id, and each one's
 * fields. Pure: the autocomplete and the command read the same lists, so a choice offered is a
 * choice accepted.
 */

export interface ReportTarget {
  id: string;
  /** For choices and the operator's message, in the reader's language. */
  label: string;
  /** What a member may type to find it: names, short names and aliases, folded. */
  searchable: string[];
  fields: string[];
}

/** A field key that is always offered: a fact the list does not name. */
export const OTHER_FIELD = 'other';

const RECORD_FIELDS = ['title', 'status', 'date', 'place', 'signatories'] as const;

export function reportTargets(data: Dataset, strings: Strings): ReportTarget[] {
  const agreements = data.agreements.map((a) => ({
    id: a.id,
    label: `${a.partner.flag ? `${a.partner.flag} ` : ''}${pick(a.partner.shortName, strings.language)}: ${a.title}`,
    searchable: [
      a.id,
      a.title,
      a.partner.name.en,
      a.partner.name.uk,
      a.partner.shortName.en,
      a.partner.shortName.uk,
      ...a.partner.aliases,
    ]
      .filter((name): name is string => name !== null)
      .map(lookupForm),
    fields: [
      ...AGREEMENT_FACT_FIELDS,
      ...a.commitments.map((_, i) => `commitments.${i + 1}`),
      'sources',
      OTHER_FIELD,
    ],
  }));
  const records = data.records.map((r) => ({
    id: r.id,
    label: `${r.flag ? `${r.flag} ` : ''}${pick(r.shortName, strings.language)}`,
    searchable: [r.id, r.shortName.en, r.shortName.uk, r.title.en, r.title.uk, ...r.aliases].map(
      lookupForm,
    ),
    fields: [
      ...RECORD_FIELDS,
      ...r.commitments.map((_, i) => `commitments.${i + 1}`),
      'sources',
      OTHER_FIELD,
    ],
  }));
  return [...agreements, ...records];
}

/** A field's name for people: "signing date", "commitment 2". */
export function fieldLabel(field: string, strings: Strings): string {
  const names = strings.agreement.factNames;
  const commitment = /^commitments\.(\d+)$/.exec(field);
  if (commitment) return names.commitment(Number(commitment[1]));
  const extra = strings.report.fields as Record<string, string>;
  if (field in extra) return extra[field]!;
  if (field in names) return (names as unknown as Record<string, string>)[field]!;
  return field;
}

const choiceName = (text: string) => truncate(text, LIMITS.choiceName);

/** Up to 25 records whose names contain what was typed (all of them first, when nothing is). */
export function recordChoices(data: Dataset, typed: string, strings: Strings) {
  const query = lookupForm(typed);
  return reportTargets(data, strings)
    .filter((t) => query === '' || t.id === typed || t.searchable.some((s) => s.includes(query)))
    .slice(0, LIMITS.autocompleteChoices)
    .map((t) => ({ name: choiceName(t.label), value: t.id }));
}

/** The fields of the record chosen so far, those matching what was typed. */
export function fieldChoices(data: Dataset, recordId: string, typed: string, strings: Strings) {
  const target = findTarget(data, recordId, strings);
  const fields = target?.fields ?? [OTHER_FIELD];
  const query = lookupForm(typed);
  return fields
    .map((field) => ({ name: choiceName(fieldLabel(field, strings)), value: field }))
    .filter((c) => query === '' || lookupForm(c.name).includes(query) || c.value === typed)
    .slice(0, LIMITS.autocompleteChoices);
}

/**
 * The record a typed value names: its id (what autocomplete sends), or else the only record
 * whose names contain it, so a member who typed without picking is still understood.
 */
export function findTarget(data: Dataset, typed: string, strings: Strings): ReportTarget | null {
  const targets = reportTargets(data, strings);
  const exact = targets.find((t) => t.id === typed);
  if (exact) return exact;
  const query = lookupForm(typed);
  if (query === '') return null;
  const named = targets.filter((t) => t.searchable.some((s) => s === query));
  if (named.length === 1) return named[0]!;
  const containing = targets.filter((t) => t.searchable.some((s) => s.includes(query)));
  return containing.length === 1 ? containing[0]! : null;
}
