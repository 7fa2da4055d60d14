import { en, type Strings } from './en.js';
import { languageOf } from './language.js';
import { uk } from './uk.js';

export type { Strings };
export { LANGUAGES, languageOf, pick, readsTranslation, type Language } from './language.js';

/**
 * Why a schedule stopped, in the reader's language, for a Discord error code we have words for
 * (what `/schedule status` and a refused effect say); undefined for any other code.
 */
export function blockedReason(
  code: number | string | null,
  strings: Strings['schedule'],
): string | undefined {
  const known: Readonly<Record<string, string>> = strings.blockedReasons;
  return code === null ? undefined : known[String(code)];
}

/** The strings for a Discord locale ("en-US", "uk", …); English where we have no translation. */
export function stringsFor(locale: string): Strings {
  return { en, uk }[languageOf(locale)];
}
