import { damerauLevenshtein } from '../lookup/distance.js';
import { allTimeZones } from './timezones.js';

/**
 * Zones to suggest for a name that was refused: the list's own matches, else the names within two
 * edits of what was typed ("Europe/Kyvi"). Nothing for a blank name, which matches every zone.
 */
export function suggestZonesFor(typed: string, matches: readonly string[]): string[] {
  const query = [...typed.trim().toLowerCase()];
  if (query.length === 0) return [];
  if (matches.length > 0) return matches.slice(0, 3);
  return allTimeZones()
    .map((zone) => ({ zone, edits: damerauLevenshtein(query, [...zone.toLowerCase()]).whole }))
    .filter(({ edits }) => edits <= 2)
    .sort((a, b) => a.edits - b.edits || a.zone.localeCompare(b.zone))
    .slice(0, 3)
    .map(({ zone }) => zone);
}
