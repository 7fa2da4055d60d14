import { z } from 'zod';
import { isoDate, slug } from '../primitives.js';
import { httpUrl, localizedNameSchema, translated } from './schema.js';

/**
 * What came after the 28 agreements and the 2023–24 framework documents (records.json), and the
 * data's own changelog (changelog.json). Kept apart from agreementSchema on purpose: a later
 * record is not one of the 28, and its facts have a different shape (a status that can be
 * "drafted, not signed", a timeline of steps, conflicts between sources).
 */

/** A step's date: a day, or a month where the source gives no day ("2025-07"). */
const isoDay = isoDate;
const isoDayOrMonth = z.union([
  isoDay,
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM-DD or YYYY-MM'),
]);

/**
 * A text in both languages. `ukIsTranslation`: the Ukrainian is ours, made from the English
 * (no Ukrainian original is stored); the reply says so.
 */
export const bilingualSchema = z.strictObject({
  en: z.string().min(1).max(600),
  uk: z.string().min(1).max(600),
  ukIsTranslation: z.boolean(),
});
export type Bilingual = z.infer<typeof bilingualSchema>;

/** A source's id within its record ("cp24"), which facts name. */
const sourceId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase id');
const sourceIds = z.array(sourceId).min(1);

export const recordSourceSchema = z.strictObject({
  id: sourceId,
  url: httpUrl,
  /** The page's title as the reference gives it ("(title not shown)" where it had none). */
  title: z.string().min(1),
  /**
   * The page's date as the reference gives it: a day, a month or a year, perhaps with a word on
   * how it is known ("2025-02 (approx.; …)"). The data's own date is the newest full day here.
   */
  published: z.string().regex(/^\d{4}(-\d{2}){0,2}\b/, 'must start with YYYY, YYYY-MM or a day'),
  /** The sentence in the source that supports the facts naming it, verbatim. */
  quote: z.string().min(1),
  /** The reference's note on this source, verbatim, where it records a conflict or a caveat. */
  note: z.string().min(1).optional(),
});
export type RecordSource = z.infer<typeof recordSourceSchema>;

/**
 * signed, ratified: a document signed (and ratified); framework: a declaration or a process, not
 * an agreement with terms; drafted: written, not signed; talks: talks or contacts, nothing
 * signed; none: no security agreement (other agreements at most).
 */
export const recordStatusSchema = z.enum([
  'signed',
  'ratified',
  'framework',
  'drafted',
  'talks',
  'none',
]);

/** A step's status: a record status, or a meeting or a statement along the way. */
export const stepStatusSchema = z.union([recordStatusSchema, z.enum(['meeting', 'statement'])]);
export type StepStatus = z.infer<typeof stepStatusSchema>;

const sourcedText = z.strictObject({ text: bilingualSchema, sources: sourceIds });

/** A signatory's name: its Ukrainian is null where we are not sure of its standard spelling. */
const personName = localizedNameSchema;

export const recordStepSchema = z.strictObject({
  date: isoDayOrMonth,
  status: stepStatusSchema,
  text: bilingualSchema,
  sources: sourceIds,
});
export type RecordStep = z.infer<typeof recordStepSchema>;

export const laterRecordSchema = z.strictObject({
  id: slug,
  /** no-agreement: a country Ukraine has no security agreement with (talks at most). */
  kind: z.enum(['bilateral', 'multilateral', 'no-agreement']),
  status: recordStatusSchema,
  /** guarantees: a step of the security-guarantee track since 2025 (`/guarantees`). */
  track: z.literal('guarantees').nullable(),
  flag: z.string().nullable(),
  /** ISO 3166-1 alpha-2 of the country a no-agreement record is about; null otherwise. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  /** For lists and autocomplete ("100 Year Partnership"). */
  shortName: translated(z.string().min(1).max(80)),
  title: bilingualSchema,
  /** Other names people type, in either language: "minerals deal", "угода про надра". */
  aliases: z.array(z.string().min(1).max(100)),
  /** The signing or founding date; null where nothing was signed. */
  date: z.strictObject({ value: isoDay, sources: sourceIds }).nullable(),
  place: z.strictObject({ text: bilingualSchema, sources: sourceIds }).nullable(),
  signatories: z
    .strictObject({
      partner: z.array(personName).min(1),
      ukraine: z.array(personName).min(1),
      sources: sourceIds,
    })
    .nullable(),
  commitments: z.array(
    z.strictObject({
      text: bilingualSchema,
      amount: z.number().positive().nullable(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .nullable(),
      /** As the source gives it: "annual, to 2030/31". */
      period: z.string().min(1).nullable(),
      sources: sourceIds,
    }),
  ),
  /** Dated steps, oldest first. */
  timeline: z.array(recordStepSchema),
  /** Where sources disagree: each names both sides. */
  conflicts: z.array(sourcedText),
  notes: z.array(sourcedText),
  sources: z.array(recordSourceSchema).min(1),
  /** When this record was last checked against its sources. */
  lastChecked: isoDay,
});
export type LaterRecord = z.infer<typeof laterRecordSchema>;

export const recordsFileSchema = z.array(laterRecordSchema).min(1);

/**
 * The longest change id: `change:<id>` is the change's key in the post ledger, whose keys are at
 * most 64 characters.
 */
export const CHANGE_ID_MAX = 50;

export const changeSchema = z.strictObject({
  /**
   * Never changed once published: servers that opted in to announcements are told of each change
   * once, by this id (`2026-12-01-gb-100-year-partnership`).
   */
  id: slug.max(CHANGE_ID_MAX),
  /** When the change was made to the data. */
  date: isoDay,
  kind: z.enum(['added', 'corrected']),
  /** The later records it added or corrected. */
  recordIds: z.array(slug),
  /** The agreements (of the 31) it corrected. */
  agreementIds: z.array(slug),
  text: bilingualSchema,
  /** The sources behind the change: addresses that the records or agreements it names cite. */
  sources: z.array(httpUrl).min(1),
});
export type Change = z.infer<typeof changeSchema>;

export const changelogFileSchema = z.array(changeSchema);
