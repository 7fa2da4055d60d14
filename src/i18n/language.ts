import type { Bilingual } from '../data/records-schema.js';
import type { Localized } from '../data/schema.js';

/** The languages the bot writes in. */
export type Language = 'en' | 'uk';
export const LANGUAGES: readonly Language[] = ['en', 'uk'];

/** The language for a Discord locale ("uk", "uk-UA" → uk); English for the rest and for null. */
export function languageOf(locale: string | null | undefined): Language {
  const lower = locale?.toLowerCase() ?? '';
  return lower === 'uk' || lower.startsWith('uk-') ? 'uk' : 'en';
}

/** The text in a language: the Ukrainian where the data has one, else the English. */
export function pick<T>(localized: Localized<T>, language: Language): T {
  return (language === 'uk' ? localized.uk : null) ?? localized.en;
}

/**
 * Whether a reader in this language reads one of these texts in our translation (a Ukrainian
 * made from the English original): the reply then says so, and offers the original. An English
 * reader reads the original; so does a Ukrainian one where the Ukrainian is the source's own.
 */
export function readsTranslation(
  language: Language,
  texts: readonly Pick<Bilingual, 'ukIsTranslation'>[],
): boolean {
  return language === 'uk' && texts.some((text) => text.ukIsTranslation);
}
