import type { Feature, MultiPoint } from 'geojson';
import {
  geoCentroid,
  geoConicConformal,
  geoConicEqualArea,
  geoInterpolate,
  geoPath,
  type GeoProjection,
} from 'd3-geo';
import type { Box } from './country-mask.js';
import { countryForIso2, ISO_NUMERIC, lonLatBox, loadWorld, mainland } from './geo.js';
import { element } from './svg.js';

/** A country's outline on a view, by the atlas id. */
export interface Outline {
  id: string;
  d: string;
}

/**
 * The view for a partner beyond Europe: an equal-area conic, north up, centred on the meridian
 * midway along the shortest way from Ukraine to the partner and fitted to both. A grey Europe with the
 * partner in a box beside it located nothing; this shows where the partner lies from Ukraine.
 */
export function routeProjection(iso2: string, frame: Box, padding = 28): GeoProjection {
  const ukraine = mainland(countryForIso2('UA')!);
  const partner = mainland(countryForIso2(iso2)!);
  const [lon] = geoInterpolate(geoCentroid(ukraine), geoCentroid(partner))(0.5);
  const both: MultiPoint = {
    type: 'MultiPoint',
    coordinates: [...outerRing(ukraine), ...outerRing(partner)],
  };
  return geoConicEqualArea()
    .rotate([-lon, 0])
    .parallels([30, 60])
    .fitExtent(
      [
        [frame.left + padding, frame.top + padding],
        [frame.right - padding, frame.bottom - padding],
      ],
      both,
    )
    .clipExtent([
      [frame.left, frame.top],
      [frame.right, frame.bottom],
    ]);
}

function outerRing(country: Feature<{ type: 'Polygon'; coordinates: number[][][] }>): number[][] {
  return country.geometry.coordinates[0] ?? [];
}

const routeOutlines = new Map<string, Outline[]>();

/** Every country's outline on a partner's route view, computed once per partner. */
export function outlinesOnRoute(iso2: string, frame: Box): Outline[] {
  const cached = routeOutlines.get(iso2);
  if (cached) return cached;
  const path = geoPath(routeProjection(iso2, frame)).digits(1);
  const outlines = loadWorld()
    .countries.map((country) => ({ id: country.id, d: path(country) ?? '' }))
    .filter((outline) => outline.d !== '');
  routeOutlines.set(iso2, outlines);
  return outlines;
}

/** The part of the globe an inset shows, as the corners of a lon/lat box. */
export interface InsetArea {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * The neighbourhood of a small country: its extent, widened to at least MIN_SPAN degrees of
 * latitude and to the inset's shape, so its neighbours show around it.
 */
export function insetArea(iso2: string, aspect: number): InsetArea {
  const [[west, south], [east, north]] = lonLatBox(countryForIso2(iso2)!);
  const [lon, lat] = [(west + east) / 2, (south + north) / 2];
  const cos = Math.cos((lat * Math.PI) / 180);
  let latSpan = Math.max(MIN_SPAN, (north - south) * 2.2, ((east - west) * 2.2 * cos) / aspect);
  latSpan = Math.min(latSpan, 12);
  const lonSpan = (latSpan * aspect) / cos;
  return {
    west: lon - lonSpan / 2,
    east: lon + lonSpan / 2,
    south: lat - latSpan / 2,
    north: lat + latSpan / 2,
  };
}

const MIN_SPAN = 3;

function areaPoints(area: InsetArea): MultiPoint {
  const points: number[][] = [];
  for (let i = 0; i <= 8; i++) {
    const lon = area.west + ((area.east - area.west) * i) / 8;
    const lat = area.south + ((area.north - area.south) * i) / 8;
    points.push([lon, area.south], [lon, area.north], [area.west, lat], [area.east, lat]);
  }
  return { type: 'MultiPoint', coordinates: points };
}

/** Where an inset's area lies on another view: the box its corners and edges project into. */
export function areaOnView(area: InsetArea, projection: GeoProjection): Box {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const point of areaPoints(area).coordinates) {
    const xy = projection(point as [number, number]);
    if (!xy) continue;
    left = Math.min(left, xy[0]);
    right = Math.max(right, xy[0]);
    top = Math.min(top, xy[1]);
    bottom = Math.max(bottom, xy[1]);
  }
  return { left, top, right, bottom };
}

/** The inset's projection: the main map's, zoomed to the area. */
export function insetProjection(area: InsetArea, inner: Box): GeoProjection {
  return geoConicConformal()
    .rotate([-12, 0])
    .parallels([40, 66])
    .fitExtent(
      [
        [inner.left, inner.top],
        [inner.right, inner.bottom],
      ],
      areaPoints(area),
    )
    .clipExtent([
      [inner.left, inner.top],
      [inner.right, inner.bottom],
    ]);
}

/** The shapes of an inset: every country near the area, the partner filled, Ukraine yellow. */
export function insetShapes(
  area: InsetArea,
  inner: Box,
  fills: { partnerId: string; partner: string; ukraine: string; land: string; border: string },
): string {
  const path = geoPath(insetProjection(area, inner)).digits(1);
  const near = loadWorld().countries.filter((country) => {
    const [[west, south], [east, north]] = lonLatBox(country);
    return (
      east > area.west - 2 &&
      west < area.east + 2 &&
      north > area.south - 2 &&
      south < area.north + 2
    );
  });
  return near
    .map((country) => {
      const d = path(country) ?? '';
      if (d === '') return '';
      const fill =
        country.id === fills.partnerId
          ? fills.partner
          : country.id === ISO_NUMERIC.UA!.id
            ? fills.ukraine
            : fills.land;
      return element('path', { d, fill, stroke: fills.border, 'stroke-width': 0.8 });
    })
    .join('');
}
