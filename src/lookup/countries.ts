/**
 * Every country's names, from i18n-iso-countries (a well-kept list, ISO 3166-1, names in many
 * languages), so the lookup knows a real country when it sees one. Without it, a country with no
 * agreement was only ever a near miss of one that has one: "Slovakia" is two typos from
 * "Slovenia", and answered as Slovenia.
 */
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import it from 'i18n-iso-countries/langs/it.json' with { type: 'json' };
import pl from 'i18n-iso-countries/langs/pl.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import uk from 'i18n-iso-countries/langs/uk.json' with { type: 'json' };
import { lookupForm } from './normalize.js';

/** The languages whose names the lookup knows: ours, and those members type most. */
const LANGUAGE_FILES: readonly { countries: Record<string, string | string[]> }[] = [
  en,
  uk,
  de,
  fr,
  pl,
  ru,
  es,
  it,
];

export interface Country {
  /** ISO 3166-1 alpha-2, upper case. */
  iso2: string;
  /** A short name to show: "Slovakia", "Moldova" (not "Moldova, Republic of"). */
  name: { en: string; uk: string };
  flag: string;
}

interface CountryIndex {
  /** Lookup form of every name → the one country it names (names two countries share are left out). */
  byName: ReadonlyMap<string, string>;
  byIso: ReadonlyMap<string, Country>;
}

let index: CountryIndex | undefined;

function namesOf(entry: string | string[] | undefined): string[] {
  if (entry === undefined) return [];
  return Array.isArray(entry) ? entry : [entry];
}

/**
 * The name to show: the shortest plain one of four letters or more ("Russia", not "Russian
 * Federation"; "North Macedonia", not "The Republic of North Macedonia"); "Moldova, Republic of"
 * reads as "Moldova".
 */
function displayName(names: readonly string[], fallback: string): string {
  const plain = names
    .filter((name) => name.length >= 4 && !/[,.()]/.test(name))
    .sort((a, b) => a.length - b.length);
  return plain[0] ?? names[0]?.split(',')[0]?.trim() ?? fallback;
}

/** The flag emoji of an ISO code: two regional indicator letters. */
export function flagOf(iso2: string): string {
  return String.fromCodePoint(...Array.from(iso2, (c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

function buildCountryIndex(): CountryIndex {
  const owners = new Map<string, Set<string>>();
  const add = (name: string, iso2: string) => {
    const form = lookupForm(name);
    if (form === '') return;
    const set = owners.get(form) ?? new Set<string>();
    set.add(iso2);
    owners.set(form, set);
  };
  for (const file of LANGUAGE_FILES) {
    for (const [iso2, entry] of Object.entries(file.countries)) {
      for (const name of namesOf(entry)) {
        add(name, iso2);
        // "Moldova, Republic of" is typed "Moldova".
        const head = name.split(',')[0];
        if (head && head !== name) add(head, iso2);
      }
    }
  }
  const byName = new Map<string, string>();
  for (const [form, set] of owners) {
    if (set.size === 1) byName.set(form, [...set][0] as string);
  }
  const byIso = new Map<string, Country>();
  for (const iso2 of Object.keys(en.countries)) {
    const enNames = namesOf((en.countries as Record<string, string | string[]>)[iso2]);
    const ukNames = namesOf((uk.countries as Record<string, string | string[]>)[iso2]);
    const english = displayName(enNames, iso2);
    byIso.set(iso2, {
      iso2,
      name: { en: english, uk: displayName(ukNames, english) },
      flag: flagOf(iso2),
    });
  }
  return { byName, byIso };
}

function countryIndex(): CountryIndex {
  index ??= buildCountryIndex();
  return index;
}

/** The country a text names exactly, in any language we hold (lookup form in); else undefined. */
export function countryNamed(form: string): Country | undefined {
  const { byName, byIso } = countryIndex();
  const iso2 = byName.get(form);
  return iso2 === undefined ? undefined : byIso.get(iso2);
}

export function countryByIso(iso2: string): Country | undefined {
  return countryIndex().byIso.get(iso2.toUpperCase());
}

/**
 * Countries with a name that starts with the text (lookup form, 3+ characters), for autocomplete:
 * "slovak" offers Slovakia, which a typo match would have hidden behind Slovenia.
 */
export function countriesStartingWith(form: string, limit: number): Country[] {
  if (form.length < 3) return [];
  const { byName, byIso } = countryIndex();
  const found = new Set<string>();
  for (const [name, iso2] of byName) {
    if (found.size >= limit) break;
    if (name.startsWith(form)) found.add(iso2);
  }
  return [...found].flatMap((iso2) => byIso.get(iso2) ?? []);
}
