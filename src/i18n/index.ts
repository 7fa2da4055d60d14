import { en, type Strings } from './en.js';
import { languageOf } from './language.js';
import { uk } from './uk.js';

export type { Strings };
export { LANGUAGES, languageOf, pick, type Language } from './language.js';

/** The strings for a Discord locale ("en-US", "uk", …); English where we have no translation. */
export function stringsFor(locale: string): Strings {
  return { en, uk }[languageOf(locale)];
}
