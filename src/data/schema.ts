import { z } from 'zod';
import { isoDate, slug } from '../primitives.js';

/**
 * The seed article (DW, "Security pacts bridge gap until Ukraine joins NATO", 11 July 2024).
 * A source is either a web address or this article, nothing else.
 */
export const ARTICLE_SOURCE = 'article';
export const ARTICLE = {
  title: 'Security pacts bridge gap until Ukraine joins NATO',
  publisher: 'DW',
  authors: ['Lilia Rzheutska', 'Viktoria Vlasenko'],
  published: '2024-07-11',
  /** The copy we hold has no address; it was written in Ukrainian and translated by DW. */
  url: null,
} as const;

export const httpUrl = z
  .string()
  .max(512)
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value), 'must be an http(s) URL');

export const sourceRefSchema = z.union([z.literal(ARTICLE_SOURCE), httpUrl]);
export type SourceRef = z.infer<typeof sourceRefSchema>;

/**
 * The facts of an agreement that a source can back. `commitments.N` names the N-th commitment.
 * Every fact that is not null must be named by at least one source (checked by loadData).
 */
/** An agreement's single facts, as sources name them (commitments are named by index). */
export const AGREEMENT_FACT_FIELDS = [
  'title',
  'signed',
  'place',
  'signatories.partner',
  'signatories.ukraine',
  'durationYears',
  'consultations24h',
  'textUrl',
] as const;

export const factKeySchema = z.union([
  z.enum(AGREEMENT_FACT_FIELDS),
  z.string().regex(/^commitments\.\d+$/),
]);
export type FactKey = z.infer<typeof factKeySchema>;

export const sourceSchema = z.strictObject({
  url: sourceRefSchema,
  /** The sentence in the source that supports the facts below, verbatim. */
  quote: z.string().min(1),
  supports: z.array(factKeySchema),
});

/**
 * A text (or list) in English and in Ukrainian: the one shape for every translated field. `uk` is
 * null where we have no Ukrainian we trust, and the English shows instead (`pick` in i18n).
 */
export interface Localized<T> {
  en: T;
  uk: T | null;
}

/** A Localized field whose Ukrainian may be missing. */
export function localized<T extends z.ZodType>(text: T) {
  return z.strictObject({ en: text, uk: text.nullable() });
}

/** A Localized field that must have its Ukrainian (prompts, later records). */
export function translated<T extends z.ZodType>(text: T) {
  return z.strictObject({ en: text, uk: text });
}

export const localizedNameSchema = localized(z.string().min(1).max(200));

export const partnerSchema = z.strictObject({
  name: localizedNameSchema,
  /** A short name for lists and autocomplete ("G7", "United States"). */
  shortName: localizedNameSchema,
  /** ISO 3166-1 alpha-2 (EU for the European Union); null for groups of states. */
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  /** The flag emoji; null where a group has none. */
  flag: z.string().nullable(),
  /** Other names people type: "UK", "Britain", "Holland", "Великобританія". */
  aliases: z.array(z.string().min(1).max(100)),
  /** English says "the" before the short name in a sentence: the United Kingdom, the EU. */
  definiteArticle: z.boolean().default(false),
});

export type Partner = z.infer<typeof partnerSchema>;

/** Every name a partner goes by, as written (null where a language has none): what lookup and search match. */
export function partnerSpellings(partner: Partner): (string | null)[] {
  return [
    partner.name.en,
    partner.name.uk,
    partner.shortName.en,
    partner.shortName.uk,
    partner.iso2,
    ...partner.aliases,
  ];
}

export const commitmentSchema = z.strictObject({
  text: z.string().min(1),
  amount: z.number().positive().nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  year: z.number().int().min(2022).max(2035).nullable(),
  /** A budget period where the source gives one, e.g. "2024/25". */
  period: z.string().nullable(),
  gdpSharePercent: z.number().positive().nullable(),
  /** For the maintainers only, never rendered: the text as the curator wrote it. */
  curator: z
    .strictObject({ text: z.string().min(1) })
    .nullable()
    .default(null),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/**
 * official: on Ukraine's official list (the 27 countries and the EU);
 * framework: the G7 declaration and the Ukraine Compact, multilateral documents around them;
 * disputed: counted by some sources, absent from the official lists (Croatia).
 */
export const agreementStatusSchema = z.enum(['official', 'framework', 'disputed']);

/**
 * For the maintainers only, never rendered: the notes as the curator wrote them (with the page
 * ids and field names a reader has no use for), and the facts checked against a source page whose
 * supporting sentence is not stored yet, so they count as sourced without a quote to show.
 */
const curatorSchema = z
  .strictObject({
    notes: z.array(z.string().min(1)).default([]),
    checkedWithoutSentence: z.array(factKeySchema).default([]),
  })
  .default({ notes: [], checkedWithoutSentence: [] });

export const agreementSchema = z.strictObject({
  id: slug,
  partner: partnerSchema,
  kind: z.enum(['bilateral', 'multilateral']),
  status: agreementStatusSchema,
  title: z.string().min(1),
  signed: isoDate,
  /**
   * The English is the source-backed fact; the Ukrainian is null where we have no Ukrainian
   * spelling we trust (the English one shows).
   */
  place: localized(z.string().min(1)).nullable(),
  /**
   * A signatory's Ukrainian is null where we are not sure of the standard Ukrainian spelling of
   * the name (a name is a fact).
   */
  signatories: z.strictObject({
    partner: z.array(localized(z.string().min(1))),
    ukraine: z.array(localized(z.string().min(1))),
  }),
  durationYears: z.number().int().positive().nullable(),
  commitments: z.array(commitmentSchema),
  /** Whether a 24-hour consultation clause is stated; null where our sources do not say. */
  consultations24h: z.boolean().nullable(),
  /** A link to the agreement's own text, where one is known. */
  textUrl: httpUrl.nullable(),
  sources: z.array(sourceSchema).min(1),
  /** Facts our sources do not settle: shown with a warning. */
  unconfirmed: z.array(factKeySchema),
  notes: z.array(z.string().min(1)),
  /** Among the 21 agreements counted by the DW article of 11 July 2024. */
  inDw21: z.boolean(),
  /** On the Ministry of Defence list of concluded agreements (November 2025). */
  inUkraineMoDList2025: z.boolean(),
  curator: curatorSchema,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const personSchema = z.strictObject({
  id: slug,
  /** A person, or a document quoted as a text (the G7 declaration). */
  kind: z.enum(['person', 'document']),
  name: localizedNameSchema,
  /** The Ukrainian is null where we have none (the English is shown). */
  role: localized(z.string().min(1)),
  organisation: localized(z.string().min(1)),
  /** Other names people type: "Shea", "Jamie Shea", "Шеа". */
  aliases: z.array(z.string().min(1).max(100)),
});
export type Person = z.infer<typeof personSchema>;

export const quoteSchema = z.strictObject({
  id: slug,
  speakerId: slug,
  /** Verbatim, in the language of its source. */
  text: z.string().min(1),
  date: isoDate.nullable(),
  context: z.string().min(1),
  source: sourceRefSchema,
  verbatim: z.boolean(),
  /** True where the source says the quote is a translation (the DW article was written in Ukrainian). */
  translation: z.boolean(),
  note: z.string().nullable(),
  /** For the maintainers only, never rendered: the context as the curator recorded it. */
  curator: z
    .strictObject({ context: z.string().min(1) })
    .nullable()
    .default(null),
});
export type Quote = z.infer<typeof quoteSchema>;

export const agreementsFileSchema = z.array(agreementSchema).min(1);
export const peopleFileSchema = z.array(personSchema).min(1);
export const quotesFileSchema = z.array(quoteSchema).min(1);
