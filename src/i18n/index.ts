import { en, type Strings } from './en.js';
import { uk } from './uk.js';

export type { Strings };

/** The languages the bot writes in. */
export type Language = 'en' | 'uk';
export const LANGUAGES: readonly Language[] = ['en', 'uk'];

/** The language for a Discord locale ("uk", "uk-UA" → uk); English for the rest and for null. */
export function languageOf(locale: string | null | undefined): Language {
  const lower = locale?.toLowerCase() ?? '';
  return lower === 'uk' || lower.startsWith('uk-') ? 'uk' : 'en';
}

/** The strings for a Discord locale ("en-US", "uk", …); English where we have no translation. */
export function stringsFor(locale: string): Strings {
  return languageOf(locale) === 'uk' ? uk : en;
}
