import { en, type Strings } from './en.js';
import { uk } from './uk.js';

export type { Strings };

/** The strings for a Discord locale ("en-US", "uk", …); English where we have no translation. */
export function stringsFor(locale: string): Strings {
  return locale === 'uk' || locale.startsWith('uk-') ? uk : en;
}
