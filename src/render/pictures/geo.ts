import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { geoArea, geoContains } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Topology,
} from 'topojson-specification';

/**
 * ISO 3166-1 alpha-2 → numeric, for the partners and Ukraine. world-atlas keys its countries by
 * the numeric code, as a zero-padded string; each row was checked against the atlas's
 * `properties.name` (the name is kept here for that check, see geo.test.ts).
 */
export const ISO_NUMERIC: Readonly<Record<string, { id: string; atlasName: string }>> = {
  AL: { id: '008', atlasName: 'Albania' },
  BE: { id: '056', atlasName: 'Belgium' },
  CA: { id: '124', atlasName: 'Canada' },
  HR: { id: '191', atlasName: 'Croatia' },
  CZ: { id: '203', atlasName: 'Czechia' },
  DK: { id: '208', atlasName: 'Denmark' },
  EE: { id: '233', atlasName: 'Estonia' },
  FI: { id: '246', atlasName: 'Finland' },
  FR: { id: '250', atlasName: 'France' },
  DE: { id: '276', atlasName: 'Germany' },
  GR: { id: '300', atlasName: 'Greece' },
  IS: { id: '352', atlasName: 'Iceland' },
  IE: { id: '372', atlasName: 'Ireland' },
  IT: { id: '380', atlasName: 'Italy' },
  JP: { id: '392', atlasName: 'Japan' },
  LV: { id: '428', atlasName: 'Latvia' },
  LT: { id: '440', atlasName: 'Lithuania' },
  LU: { id: '442', atlasName: 'Luxembourg' },
  NL: { id: '528', atlasName: 'Netherlands' },
  NO: { id: '578', atlasName: 'Norway' },
  PL: { id: '616', atlasName: 'Poland' },
  PT: { id: '620', atlasName: 'Portugal' },
  RO: { id: '642', atlasName: 'Romania' },
  SI: { id: '705', atlasName: 'Slovenia' },
  ES: { id: '724', atlasName: 'Spain' },
  SE: { id: '752', atlasName: 'Sweden' },
  UA: { id: '804', atlasName: 'Ukraine' },
  GB: { id: '826', atlasName: 'United Kingdom' },
  US: { id: '840', atlasName: 'United States of America' },
};

const RUSSIA_ID = '643';
/** Simferopol: a point every Crimean polygon of the atlas must contain to be moved. */
const CRIMEA_POINT: [number, number] = [34.1, 45.0];

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

export interface World {
  countries: readonly CountryFeature[];
  byId: ReadonlyMap<string, CountryFeature>;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

let world: World | undefined;

/**
 * The countries of world-atlas 50m, read on first use (not at import), with one correction:
 * Natural Earth draws Crimea as Russian (de facto control); we draw Ukraine in its internationally
 * recognised borders (UN General Assembly resolution 68/262), merging the peninsula into it.
 */
export function loadWorld(): World {
  if (world) return world;
  const topology = createRequire(import.meta.url)(
    'world-atlas/countries-50m.json',
  ) as CountriesTopology;
  const geometries = topology.objects.countries.geometries;
  const russia = geometries.find((g) => g.id === RUSSIA_ID);
  const ukraine = geometries.find((g) => g.id === ISO_NUMERIC.UA!.id);
  const corrected = new Map<string, MultiPolygon>();
  if (russia?.type === 'MultiPolygon' && ukraine?.type === 'MultiPolygon') {
    const crimea: number[][][] = [];
    const rest: number[][][] = [];
    for (const polygon of (russia as TopoMultiPolygon).arcs) {
      const shape = merge(topology, [{ type: 'Polygon', arcs: polygon }]);
      (geoContains(shape, CRIMEA_POINT) ? crimea : rest).push(polygon);
    }
    if (crimea.length > 0) {
      corrected.set(RUSSIA_ID, merge(topology, [{ type: 'MultiPolygon', arcs: rest }]));
      corrected.set(
        ISO_NUMERIC.UA!.id,
        merge(topology, [ukraine, { type: 'MultiPolygon', arcs: crimea }]),
      );
    }
  }
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  const countries = collection.features.map((country) => {
    const id = String(country.id);
    return { ...country, id, geometry: corrected.get(id) ?? country.geometry };
  });
  world = { countries, byId: new Map(countries.map((c) => [c.id, c])) };
  return world;
}

/** A country's polygons, whether its shape is one Polygon or a MultiPolygon. */
function polygonsOf(country: CountryFeature): Position[][][] {
  return country.geometry.type === 'Polygon'
    ? [country.geometry.coordinates]
    : country.geometry.coordinates;
}

/** The largest polygon of a country: where its label goes (France's centre is not in Guiana). */
export function mainland(country: CountryFeature): Feature<Polygon> {
  const polygons = polygonsOf(country);
  let best: Feature<Polygon> | undefined;
  let bestArea = -1;
  for (const coordinates of polygons) {
    const candidate: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates },
    };
    const area = geoArea(candidate);
    if (area > bestArea) {
      best = candidate;
      bestArea = area;
    }
  }
  return best!;
}

export function countryForIso2(iso2: string): CountryFeature | undefined {
  const entry = ISO_NUMERIC[iso2];
  return entry ? loadWorld().byId.get(entry.id) : undefined;
}

/**
 * The planar extent of a country's coordinates, [[west, south], [east, north]]. Cheaper than
 * geoBounds by far; a country across the antimeridian simply spans every longitude.
 */
export function lonLatBox(country: CountryFeature): [[number, number], [number, number]] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = polygonsOf(country);
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        west = Math.min(west, lon!);
        east = Math.max(east, lon!);
        south = Math.min(south, lat!);
        north = Math.max(north, lat!);
      }
    }
  }
  return [
    [west, south],
    [east, north],
  ];
}
