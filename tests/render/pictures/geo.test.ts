import { createRequire } from 'node:module';
import { geoContains } from 'd3-geo';
import { describe, expect, test } from 'vitest';
import { loadData } from '../../../src/data/load.js';
import { ISO_NUMERIC, loadWorld } from '../../../src/render/pictures/geo.js';

const atlas = createRequire(import.meta.url)('world-atlas/countries-50m.json') as {
  objects: { countries: { geometries: { id: string; properties: { name: string } }[] } };
};
const atlasNames = new Map(
  atlas.objects.countries.geometries.map((g) => [g.id, g.properties.name]),
);

describe('ISO_NUMERIC', () => {
  test.each(Object.entries(ISO_NUMERIC))(
    'GIVEN %s WHEN looked up in world-atlas THEN its id names the same country',
    (_iso2, { id, atlasName }) => {
      expect(atlasNames.get(id)).toBe(atlasName);
    },
  );

  test('GIVEN every partner country in the data WHEN mapped THEN it has a row', () => {
    const countries = loadData()
      .agreements.map((a) => a.partner.iso2)
      .filter((iso2): iso2 is string => iso2 !== null && iso2 !== 'EU');
    expect(countries.filter((iso2) => !ISO_NUMERIC[iso2])).toEqual([]);
  });
});

describe('loadWorld', () => {
  test.each([
    ['Simferopol', [34.1, 45.0], 'Ukraine'],
    ['Kerch', [36.4, 45.3], 'Ukraine'],
    ['Kyiv', [30.52, 50.45], 'Ukraine'],
    ['Moscow', [37.62, 55.75], 'Russia'],
  ] as const)('GIVEN %s WHEN located THEN it lies in %s', (_place, point, country) => {
    const holders = loadWorld().countries.filter((c) => geoContains(c, [...point]));
    expect(holders.map((c) => c.properties.name)).toEqual([country]);
  });
});
