import type * as GeoJSON from 'geojson';
import {
  geoAlbersUsa,
  geoBounds,
  geoCentroid,
  geoConicConformal,
  geoMercator,
  geoPath,
  type GeoProjection,
} from 'd3-geo';
import type { Dataset } from '../../data/load.js';
import type { Agreement } from '../../data/schema.js';
import { languageOf, stringsFor, type Strings } from '../../i18n/index.js';
import { isCountry } from '../../lookup/partners.js';
import { partnerName } from '../agreement.js';
import { colourBar } from './colour-bar.js';
import { colourAt, dateScale, type DateScale } from './colour-scale.js';
import { longDate, monthAndYear, monthStart, shortDate } from './dates.js';
import { nameInPicture, pictureName } from './kinds.js';
import { countryForIso2, ISO_NUMERIC, lonLatBox, loadWorld, mainland } from './geo.js';
import { PictureCache, rasterise, type Picture } from './picture.js';
import { element, svgDocument, text } from './svg.js';
import { textWidth } from './text-width.js';
import { THEMES, type Theme, type ThemeName } from './theme.js';

export interface MapFilter {
  /** Only agreements signed in this year. */
  year?: number;
  /** Only the 21 agreements the DW article of 11 July 2024 counts. */
  dw21?: boolean;
  /** One agreement, by id: a locator for one partner country. Overrides the others. */
  partner?: string;
}

export interface MapOptions {
  filter?: MapFilter;
  theme?: ThemeName;
  /** The reader's Discord locale: Ukrainian for `uk`, English otherwise (the default). */
  locale?: string;
}

const WIDTH = 1200;
const HEIGHT = 900;
export const FRAME = { left: 24, top: 118, right: 860, bottom: 876 } as const;
export const SIDE = { left: 884, right: 1176 } as const;
export const FONT = { title: 34, subtitle: 22, label: 21, side: 21, small: 18 } as const;
/**
 * The part of the globe the main map shows: Iceland to the Don, Crete to the North Cape. Points,
 * not a polygon: d3 reads a polygon's winding on the sphere, and a box drawn the other way round
 * is the whole world but the box.
 */
const EUROPE_VIEW: GeoJSON.MultiPoint = {
  type: 'MultiPoint',
  coordinates: [
    [-24, 35],
    [9, 34.5],
    [42, 35],
    [42, 53],
    [42, 71],
    [9, 71],
    [-24, 71],
    [-24, 53],
  ],
};
/** Partners beyond Europe, drawn in boxes of their own beside the map. */
const OVERSEAS = ['US', 'CA', 'JP'] as const;
const isOverseas = (partner: { iso2: string }): boolean =>
  (OVERSEAS as readonly string[]).includes(partner.iso2);

/** A partner on the map: a country that signed, with its colour, or null outside the selection. */
export interface MapPartner {
  agreement: Agreement;
  iso2: string;
  selected: boolean;
  fill: string;
}

export interface MapLabel {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the label points, if it had to move off its country. */
  anchor: [number, number] | null;
}

export interface MapLayout {
  width: number;
  height: number;
  scale: DateScale;
  projection: GeoProjection;
  partners: readonly MapPartner[];
  labels: readonly MapLabel[];
  /** The EU and the frameworks: in the selection, but not countries. */
  notMapped: readonly Agreement[];
  /** The selection's agreements. */
  selected: readonly Agreement[];
  ukraineLabel: MapLabel;
}

export function selectAgreements(data: Dataset, filter: MapFilter = {}): Agreement[] {
  if (filter.partner !== undefined) return data.agreements.filter((a) => a.id === filter.partner);
  return data.agreements.filter(
    (a) =>
      (filter.year === undefined || Number(a.signed.slice(0, 4)) === filter.year) &&
      (!filter.dw21 || a.inDw21),
  );
}

/** Whether the map can show this partner: a country (the EU, an organisation, is not one). */
function isMapped(agreement: Agreement): boolean {
  return isCountry(agreement) && ISO_NUMERIC[agreement.partner.iso2!] !== undefined;
}

/** Countries that signed, whether in the selection or not. */
function countryAgreements(data: Dataset): Agreement[] {
  return data.agreements.filter(isMapped);
}

/**
 * The colour scale runs over the months of what the map shades: on DW's count (January to July
 * 2024) the first and the last partner then differ as much as on the whole map, where a scale of
 * every agreement would spend half its colours on months the selection never reaches. A locator
 * keeps the scale of every agreement, so its one tick says where in the whole run it came.
 */
function scaleFor(data: Dataset, filter: MapFilter, selected: readonly Agreement[]): DateScale {
  const shaded = filter.partner !== undefined ? data.agreements : selected;
  const dated = shaded
    .filter((a) => a.partner.iso2 !== null)
    .map((a) => a.signed)
    .sort();
  const fallback = data.agreements.map((a) => a.signed).sort()[0] ?? '2024-01-01';
  const first = dated[0] ?? fallback;
  return dateScale(monthStart(first), monthStart(dated.at(-1) ?? first, 1));
}

function europeProjection(): GeoProjection {
  return geoConicConformal()
    .rotate([-12, 0])
    .parallels([40, 66])
    .fitExtent(
      [
        [FRAME.left, FRAME.top],
        [FRAME.right, FRAME.bottom],
      ],
      EUROPE_VIEW,
    )
    .clipExtent([
      [FRAME.left, FRAME.top],
      [FRAME.right, FRAME.bottom],
    ]);
}

let baseMap: { id: string; d: string }[] | undefined;

/**
 * The projected outline of every country in view, computed once: the projection never changes,
 * so each later map only chooses fills. Countries far from the view are never projected.
 */
function europeOutlines(): { id: string; d: string }[] {
  if (baseMap) return baseMap;
  const path = geoPath(europeProjection()).digits(1);
  baseMap = loadWorld()
    .countries.filter((country) => {
      const [[west, south], [east, north]] = lonLatBox(country);
      return east > -40 && west < 70 && north > 25 && south < 80;
    })
    .map((country) => ({ id: country.id, d: path(country) ?? '' }))
    .filter((outline) => outline.d !== '');
  return baseMap;
}

export function layoutMap(data: Dataset, filter: MapFilter = {}, locale = 'en'): MapLayout {
  const selected = selectAgreements(data, filter);
  const selectedIds = new Set(selected.map((a) => a.id));
  const scale = scaleFor(data, filter, selected);
  const projection = europeProjection();
  const partners = countryAgreements(data).map((agreement) => ({
    agreement,
    iso2: agreement.partner.iso2!,
    selected: selectedIds.has(agreement.id),
    fill: scale.colour(agreement.signed),
  }));
  const notMapped = selected.filter((a) => !isCountry(a));

  // Labels, biggest country first; a small one that would cover a neighbour's moves aside.
  const placed: MapLabel[] = [];
  const ukraine = countryForIso2('UA')!;
  const [ux, uy] = projection(geoCentroid(mainland(ukraine)))!;
  // North of the centroid, clear of the coast; the centroid itself stays clear for the colour check.
  const ukraineLabel = box(stringsFor(locale).pictures.map.ukraineLabel, ux, uy - 26, null);
  placed.push(ukraineLabel);
  const european = partners
    .filter((p) => p.selected && !isOverseas(p))
    .map((p) => {
      const country = countryForIso2(p.iso2)!;
      const land = mainland(country);
      return { partner: p, point: projection(geoCentroid(land)), size: geoBounds(land) };
    })
    .sort((a, b) => span(b.size) - span(a.size) || a.partner.iso2.localeCompare(b.partner.iso2));
  for (const { partner, point } of european) {
    if (!point) continue;
    const [x, y] = point;
    const spot = LABEL_OFFSETS.map(([dx, dy]) =>
      box(partner.iso2, x + dx, y + dy, dx === 0 && dy === 0 ? null : [x, y]),
    ).find(
      (candidate) => fitsInFrame(candidate) && !placed.some((other) => overlaps(candidate, other)),
    );
    if (spot) placed.push(spot);
  }
  return {
    width: WIDTH,
    height: HEIGHT,
    scale,
    projection,
    partners,
    labels: placed.slice(1),
    notMapped,
    selected,
    ukraineLabel,
  };
}

const LABEL_OFFSETS: readonly [number, number][] = [
  [0, 0],
  [0, 24],
  [0, -24],
  [34, 0],
  [-34, 0],
  [40, 26],
  [-40, 26],
  [40, -26],
  [-40, -26],
  [0, 44],
  [0, -44],
  [60, 0],
  [-60, 0],
];

function span([[west, south], [east, north]]: [[number, number], [number, number]]): number {
  return (east - west) * (north - south);
}

function box(label: string, x: number, y: number, anchor: [number, number] | null): MapLabel {
  return {
    text: label,
    x,
    y,
    width: textWidth(label, FONT.label, true) + 6,
    height: FONT.label + 4,
    anchor,
  };
}

function overlaps(a: MapLabel, b: MapLabel): boolean {
  return (
    Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height
  );
}

function fitsInFrame(label: MapLabel): boolean {
  return (
    label.x - label.width / 2 > FRAME.left &&
    label.x + label.width / 2 < FRAME.right &&
    label.y - label.height / 2 > FRAME.top &&
    label.y + label.height / 2 < FRAME.bottom
  );
}

export function mapSvg(data: Dataset, options: MapOptions = {}): string {
  const theme = THEMES[options.theme ?? 'light'];
  const strings = stringsFor(options.locale ?? 'en');
  const layout = layoutMap(data, options.filter, options.locale);
  const fillById = new Map<string, MapPartner>();
  for (const partner of layout.partners) {
    if (partner.selected) fillById.set(ISO_NUMERIC[partner.iso2]!.id, partner);
  }
  const ukraineId = ISO_NUMERIC.UA!.id;
  const shapes: string[] = [];
  const disputedShapes: string[] = [];
  for (const { id, d } of europeOutlines()) {
    const partner = fillById.get(id);
    const fill = id === ukraineId ? theme.ukraine : (partner?.fill ?? theme.land);
    shapes.push(element('path', { d, fill }));
    if (partner?.agreement.status === 'disputed')
      disputedShapes.push(element('path', { d, fill: 'url(#disputed)' }));
  }
  const ukraineOutline = europeOutlines().find((outline) => outline.id === ukraineId)?.d ?? '';
  const parts = [
    `<defs>${hatch(theme)}<clipPath id="frame">${element('rect', frameRect())}</clipPath></defs>`,
    text(FRAME.left, 54, strings.pictures.map.title, {
      size: FONT.title,
      fill: theme.ink,
      bold: true,
    }),
    text(FRAME.left, 90, subtitle(options.filter ?? {}, layout, strings), {
      size: FONT.subtitle,
      fill: theme.muted,
    }),
    element('rect', { ...frameRect(), fill: theme.sea }),
    `<g clip-path="url(#frame)" stroke="${theme.border}" stroke-width="0.8" stroke-linejoin="round">${shapes.join('')}${disputedShapes.join('')}</g>`,
    element('path', {
      d: ukraineOutline,
      fill: 'none',
      stroke: theme.ukraineBorder,
      'stroke-width': 2.5,
      'stroke-linejoin': 'round',
    }),
    element('rect', { ...frameRect(), fill: 'none', stroke: theme.grid, 'stroke-width': 2 }),
    ...layout.labels.map((label) => drawLabel(label, theme)),
    drawLabel(layout.ukraineLabel, theme, theme.ukraineBorder),
    sidePanel(layout, theme, strings, options.filter ?? {}),
  ];
  return svgDocument(WIDTH, HEIGHT, theme.card, parts.join('\n'));
}

function frameRect(): Record<string, number> {
  return {
    x: FRAME.left,
    y: FRAME.top,
    width: FRAME.right - FRAME.left,
    height: FRAME.bottom - FRAME.top,
    rx: 10,
  };
}

function hatch(theme: Theme): string {
  return `<pattern id="disputed" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">${element('rect', { x: 0, y: 0, width: 3, height: 7, fill: theme.card, 'fill-opacity': 0.85 })}</pattern>`;
}

function drawLabel(label: MapLabel, theme: Theme, colour = theme.ink): string {
  const leader = label.anchor
    ? element('line', {
        x1: label.anchor[0],
        y1: label.anchor[1],
        x2: label.x,
        y2: label.y + (label.anchor[1] > label.y ? label.height / 2 - 4 : -label.height / 2 + 4),
        stroke: theme.ink,
        'stroke-width': 1.5,
      }) + element('circle', { cx: label.anchor[0], cy: label.anchor[1], r: 2.5, fill: theme.ink })
    : '';
  return (
    leader +
    text(label.x, label.y + FONT.label * 0.36, label.text, {
      size: FONT.label,
      fill: colour,
      bold: true,
      anchor: 'middle',
      halo: theme.halo,
    })
  );
}

function scopeOf(filter: MapFilter, strings: Strings, selected: readonly Agreement[]): string {
  const scope = strings.pictures.map.scope;
  const [one] = selected;
  if (filter.partner !== undefined && one) {
    return scope.partner(partnerName(one, strings), longDate(one.signed, strings.pictures));
  }
  if (filter.dw21 && filter.year !== undefined) return scope.dw21Year(filter.year);
  if (filter.dw21) return scope.dw21;
  return filter.year !== undefined ? scope.year(filter.year) : scope.all;
}

function subtitle(filter: MapFilter, layout: MapLayout, strings: Strings): string {
  // A locator names its one partner and date; "1 country, shaded by date" would say nothing more.
  if (filter.partner !== undefined) return scopeOf(filter, strings, layout.selected);
  const countries = layout.partners.filter((p) => p.selected).length;
  return strings.pictures.map.subtitle(scopeOf(filter, strings, layout.selected), countries);
}

/** The title and subtitle, for the check that they fit. */
export function mapHeadings(
  data: Dataset,
  filter: MapFilter = {},
  locale = 'en',
): { title: string; subtitle: string } {
  const strings = stringsFor(locale);
  return {
    title: strings.pictures.map.title,
    subtitle: subtitle(filter, layoutMap(data, filter, locale), strings),
  };
}

function sidePanel(layout: MapLayout, theme: Theme, strings: Strings, filter: MapFilter): string {
  const p = strings.pictures;
  const m = p.map;
  const parts: string[] = [];
  let y = FRAME.top;
  const width = SIDE.right - SIDE.left;
  // The colour scale.
  parts.push(
    text(SIDE.left, y + 20, m.dateSigned, { size: FONT.side, fill: theme.ink, bold: true }),
  );
  y += 34;
  const earlier = layout.notMapped.some((a) => a.signed < layout.scale.from);
  const bar = colourBar(
    layout.scale,
    layout.partners.filter((p) => p.selected).map((p) => p.agreement.signed),
    { x: SIDE.left, y, width, earlier },
    theme,
    p,
  );
  parts.push(bar.svg);
  y += bar.height + 24;
  /** A legend swatch's box at the current line; `y` is read when it is drawn. */
  const swatchBox = (attributes: Record<string, string | number>): string =>
    element('rect', { x: SIDE.left, y: y - 14, width: 28, height: 20, rx: 3, ...attributes });
  const swatch = (fill: string, label: string, extra = ''): void => {
    parts.push(
      swatchBox({ fill, stroke: theme.muted, 'stroke-width': 0.8 }),
      extra,
      text(SIDE.left + 38, y + 2, label, { size: FONT.small, fill: theme.ink }),
    );
    y += 30;
  };
  swatch(
    theme.ukraine,
    m.ukraine,
    swatchBox({ fill: 'none', stroke: theme.ukraineBorder, 'stroke-width': 2.5 }),
  );
  if (layout.partners.some((p) => p.selected && p.agreement.status === 'disputed')) {
    swatch(colourAt(0.6), m.hatched, swatchBox({ fill: 'url(#disputed)' }));
  }
  // On a locator the grey countries include other partners: "not a partner" would be wrong.
  swatch(
    theme.land,
    filter.partner !== undefined
      ? m.otherCountries
      : layout.selected.length < layout.partners.length
        ? m.notPartnerHere
        : m.notPartner,
  );
  y += 6;

  // Partners beyond Europe, each in a box of its own.
  for (const iso2 of OVERSEAS) {
    const partner = layout.partners.find((p) => p.iso2 === iso2);
    // A locator shows a box only for its own partner: grey boxes would locate nothing.
    if (!partner || (filter.partner !== undefined && !partner.selected)) continue;
    parts.push(overseasBox(partner, SIDE.left, y, width, OVERSEAS_BOX_HEIGHT, theme, strings));
    y += OVERSEAS_BOX_HEIGHT + 10;
  }

  // What the map cannot show as a country.
  if (layout.notMapped.length > 0) {
    parts.push(
      text(SIDE.left, y + 2, m.notCountries, {
        size: FONT.small,
        fill: theme.muted,
      }),
    );
    y += 28;
  }
  // Each in the shade of its date, as the countries are: the EU and the frameworks alike.
  for (const agreement of layout.notMapped) {
    parts.push(swatchBox({ fill: layout.scale.colour(agreement.signed) }));
    for (const line of listedLines(agreement, strings)) {
      parts.push(text(SIDE.left + 38, y + 2, line, { size: FONT.small, fill: theme.ink }));
      y += 22;
    }
    y += 4;
  }
  return `<g>${parts.join('')}</g>`;
}

const OVERSEAS_BOX_HEIGHT = 120;
/** Room for a listed item's words, right of its swatch. */
const LIST_ROOM = SIDE.right - SIDE.left - 38;

/** "EU, 27 Jun 2024" on one line; a name too long for that keeps its date on a line below. */
export function listedLines(agreement: Agreement, strings: Strings): string[] {
  const name = pictureName(agreement, strings);
  const date = shortDate(agreement.signed, strings.pictures);
  const one = `${name}, ${date}`;
  return textWidth(one, FONT.small) <= LIST_ROOM ? [one] : [`${name},`, date];
}

function overseasBox(
  partner: MapPartner,
  x: number,
  y: number,
  width: number,
  height: number,
  theme: Theme,
  strings: Strings,
): string {
  const country = countryForIso2(partner.iso2)!;
  const inner: [[number, number], [number, number]] = [
    [x + 8, y + 34],
    [x + width - 8, y + height - 6],
  ];
  const projection =
    partner.iso2 === 'US'
      ? geoAlbersUsa().fitExtent(inner, country)
      : partner.iso2 === 'CA'
        ? geoConicConformal().rotate([96, 0]).parallels([50, 70]).fitExtent(inner, country)
        : geoMercator().fitExtent(inner, country);
  const d = geoPath(projection).digits(1)(country) ?? '';
  const name = partnerName(partner.agreement, strings);
  const signed = partner.selected
    ? `, ${shortDate(partner.agreement.signed, strings.pictures)}`
    : '';
  const label = `${name}${signed}`;
  return [
    element('rect', { x, y, width, height, rx: 8, fill: theme.sea }),
    element('path', {
      d,
      fill: partner.selected ? partner.fill : theme.land,
      stroke: theme.border,
      'stroke-width': 0.6,
    }),
    text(x + 10, y + 24, label, { size: FONT.small, fill: theme.ink, bold: true, halo: theme.sea }),
  ].join('');
}

/** What the map shows, in words, for screen readers. */
export function mapAlt(data: Dataset, filter: MapFilter = {}, locale = 'en'): string {
  const strings = stringsFor(locale);
  const p = strings.pictures;
  const alt = p.map.alt;
  const layout = layoutMap(data, filter, locale);
  const shown = layout.partners.filter((partner) => partner.selected);
  const name = (a: Agreement) => nameInPicture(a, strings);
  const byMonth = new Map<string, string[]>();
  for (const partner of shown) {
    const month = partner.agreement.signed.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), name(partner.agreement)]);
  }
  const months = [...byMonth].map(
    ([month, names]) => `${monthAndYear(`${month}-01`, p)}: ${names.join(', ')}`,
  );
  const disputed = shown.filter((partner) => partner.agreement.status === 'disputed');
  const scope = scopeOf(filter, strings, layout.selected);
  const [one] = shown;
  const sentences = [
    filter.partner !== undefined && one
      ? alt.partner(name(one.agreement), longDate(one.agreement.signed, p), isOverseas(one))
      : alt.intro(
          shown.length,
          // Mid-sentence: "…with Ukraine: every agreement, shaded…"; names and "DW" keep their capitals.
          scope.charAt(0).toLocaleLowerCase(strings.locale) + scope.slice(1),
          longDate(layout.scale.from, p),
          longDate(layout.scale.to, p),
        ),
    alt.ukraine,
    filter.partner === undefined && shown.some(isOverseas) ? alt.overseas : '',
    disputed.length > 0 ? alt.disputed(disputed.map((d) => name(d.agreement)).join(', ')) : '',
    layout.notMapped.length > 0
      ? alt.notMapped(
          layout.notMapped.map((a) => `${name(a)} (${shortDate(a.signed, p)})`).join(', '),
        )
      : '',
    filter.partner !== undefined
      ? ''
      : months.length > 0
        ? alt.byMonth(months.join('; '))
        : alt.none,
  ];
  return sentences.filter(Boolean).join(' ');
}

export function mapFileName(filter: MapFilter = {}): string {
  if (filter.partner !== undefined) return `map-${filter.partner.replace(/[^a-z0-9-]/gi, '')}.png`;
  const parts = [
    'map',
    filter.year !== undefined ? String(filter.year) : '',
    filter.dw21 ? 'dw21' : '',
  ];
  return `${parts.filter(Boolean).join('-')}.png`;
}

const cache = new PictureCache<Dataset>();

/** The `/map` picture for a filter. Cached per dataset, filter, theme and language. */
export async function renderMapPng(data: Dataset, options: MapOptions = {}): Promise<Picture> {
  const requested = options.filter ?? {};
  const filter: MapFilter =
    requested.partner !== undefined
      ? { partner: requested.partner }
      : { year: requested.year, dw21: requested.dw21 === true };
  const theme = options.theme ?? 'light';
  const language = languageOf(options.locale ?? 'en');
  const key = `map:${filter.partner ?? ''}:${filter.year ?? ''}:${filter.dw21 ? 'dw21' : ''}:${theme}:${language}`;
  const picture = await cache.get(data, key, () =>
    rasterise(mapSvg(data, { filter, theme, locale: language }), {
      alt: mapAlt(data, filter, language),
      fileName: mapFileName(filter),
    }),
  );
  return picture!;
}
