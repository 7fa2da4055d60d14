import type * as GeoJSON from 'geojson';
import {
  geoAlbersUsa,
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
import { countryMask, type Box, type CountryMask } from './country-mask.js';
import { leaderEnd, placeLabels, type MapLabel } from './map-labels.js';
import {
  areaOnView,
  insetArea,
  insetShapes,
  outlinesOnRoute,
  routeProjection,
  type InsetArea,
} from './map-locator.js';

export type { MapLabel } from './map-labels.js';
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
export const FONT = { title: 34, subtitle: 22, label: 21, name: 17, side: 21, small: 18 } as const;
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
  /** The main view: Europe, or for a partner beyond it the globe from Ukraine to that partner. */
  view: { kind: 'europe' } | { kind: 'route'; iso2: string };
  /** A locator's zoomed view of a small country, and where that area lies on the main map. */
  inset: { iso2: string; area: InsetArea; onMap: Box } | null;
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

  const strings = stringsFor(locale);
  const overseas =
    filter.partner !== undefined ? partners.find((p) => p.selected && isOverseas(p)) : undefined;
  if (overseas) {
    return {
      ...routeLabels(overseas, strings),
      width: WIDTH,
      height: HEIGHT,
      scale,
      partners,
      notMapped,
      selected,
      view: { kind: 'route', iso2: overseas.iso2 },
      inset: null,
    };
  }
  const ukraine = countryForIso2('UA')!;
  const [ux, uy] = projection(geoCentroid(mainland(ukraine)))!;
  // North of the centroid, clear of the coast; the centroid itself stays clear for the colour check.
  const ukraineLabel = labelBox(strings.pictures.map.ukraineLabel, FONT.label, ux, uy - 26);
  const requests = partners
    .filter((p) => p.selected && !isOverseas(p))
    .flatMap((p) => {
      const mask = europeMask(p.iso2);
      if (!mask) return [];
      const text = labelText(p, strings);
      const { width, height } = labelBox(text, labelFont(strings), 0, 0);
      return [{ iso2: p.iso2, text, width, height, mask }];
    });
  const [one] = requests;
  const inset =
    filter.partner !== undefined && one && one.mask.area < INSET_BELOW_AREA
      ? (() => {
          const area = insetArea(one.iso2, INSET.width / INSET.mapHeight);
          return { iso2: one.iso2, area, onMap: areaOnView(area, projection) };
        })()
      : null;
  const labels = placeLabels(requests, {
    fixed: [ukraineLabel],
    frame: FRAME,
    ukraine: europeMask('UA'),
    avoid: inset ? [inset.onMap] : [],
  });
  return {
    width: WIDTH,
    height: HEIGHT,
    scale,
    projection,
    partners,
    labels,
    notMapped,
    selected,
    ukraineLabel,
    view: { kind: 'europe' },
    inset,
  };
}

/**
 * Countries smaller than this on the main map (Luxembourg, Slovenia, Belgium, Estonia, Albania,
 * Denmark, the Netherlands, Croatia) get a zoomed inset on their locator.
 */
export const INSET_BELOW_AREA = 1000;
export const INSET = { width: SIDE.right - SIDE.left, height: 250, mapHeight: 206 } as const;

/** The route view's projection and labels: Ukraine's and the partner's, by name. */
function routeLabels(
  partner: MapPartner,
  strings: Strings,
): Pick<MapLayout, 'projection' | 'labels' | 'ukraineLabel'> {
  const projection = routeProjection(partner.iso2, FRAME);
  const ukraineMask = countryMask(countryForIso2('UA')!, projection);
  const partnerMask = countryMask(countryForIso2(partner.iso2)!, projection);
  const request = (iso2: string, text: string, mask: CountryMask) => {
    const { width, height } = labelBox(text, FONT.label, 0, 0);
    return { iso2, text, width, height, mask };
  };
  const [ukraineLabel] = placeLabels(
    ukraineMask ? [request('UA', strings.pictures.map.ukraineLabel, ukraineMask)] : [],
    { fixed: [], frame: FRAME, ukraine: null },
  );
  const labels =
    partnerMask && ukraineLabel
      ? placeLabels(
          [request(partner.iso2, nameInPicture(partner.agreement, strings), partnerMask)],
          {
            fixed: [ukraineLabel],
            frame: FRAME,
            ukraine: ukraineMask,
          },
        )
      : [];
  return { projection, labels, ukraineLabel: ukraineLabel ?? labelBox('', FONT.label, 0, 0) };
}

/**
 * A label names its country: by ISO code in English, by its Ukrainian name in Ukrainian, which
 * has no letter codes of its own (Latin "DE" on a Ukrainian map reads as English).
 */
function labelText(partner: MapPartner, strings: Strings): string {
  return strings.locale.startsWith('uk') ? nameInPicture(partner.agreement, strings) : partner.iso2;
}

/** Names run longer than codes: a smaller type keeps them clear of the neighbours. */
function labelFont(strings: Strings): number {
  return strings.locale.startsWith('uk') ? FONT.name : FONT.label;
}

function labelBox(label: string, size: number, x: number, y: number): MapLabel {
  return {
    text: label,
    x,
    y,
    width: textWidth(label, size, true) + 6,
    height: size + 4,
    anchor: null,
  };
}

const masks = new Map<string, CountryMask | null>();

/** Where a country lies on the main map, computed once: the projection never changes. */
export function europeMask(iso2: string): CountryMask | null {
  if (!masks.has(iso2)) {
    const country = countryForIso2(iso2);
    masks.set(iso2, country ? countryMask(country, europeProjection()) : null);
  }
  return masks.get(iso2) ?? null;
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
  const outlines =
    layout.view.kind === 'route' ? outlinesOnRoute(layout.view.iso2, FRAME) : europeOutlines();
  for (const { id, d } of outlines) {
    const partner = fillById.get(id);
    const fill = id === ukraineId ? theme.ukraine : (partner?.fill ?? theme.land);
    shapes.push(element('path', { d, fill }));
    if (partner?.agreement.status === 'disputed')
      disputedShapes.push(element('path', { d, fill: 'url(#disputed)' }));
  }
  const ukraineOutline = outlines.find((outline) => outline.id === ukraineId)?.d ?? '';
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
    layout.inset ? insetFrame(layout.inset.onMap, theme) : '',
    ...layout.labels.map((label) => drawLabel(label, theme)),
    drawLabel(layout.ukraineLabel, theme, theme.ukraineBorder),
    sidePanel(layout, theme, strings, options.filter ?? {}),
  ];
  return svgDocument(WIDTH, HEIGHT, theme.card, parts.join('\n'));
}

/** The inset's area on the main map: a box the reader finds the small country in. */
function insetFrame(box: Box, theme: Theme): string {
  const attributes = {
    x: box.left,
    y: box.top,
    width: box.right - box.left,
    height: box.bottom - box.top,
    fill: 'none',
  };
  return (
    element('rect', { ...attributes, stroke: theme.halo, 'stroke-width': 4 }) +
    element('rect', { ...attributes, stroke: theme.ink, 'stroke-width': 2 })
  );
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
  const size = label.height - 4;
  let leader = '';
  if (label.anchor) {
    const [x2, y2] = leaderEnd(label);
    // The line in the halo's colour first, so it stays visible across any shade it crosses.
    const line = (stroke: string, width: number): string =>
      element('line', {
        x1: label.anchor![0],
        y1: label.anchor![1],
        x2,
        y2,
        stroke,
        'stroke-width': width,
        'stroke-linecap': 'round',
      });
    leader = line(theme.halo, 3.5) + line(theme.ink, 1.5);
  }
  return (
    leader +
    text(label.x, label.y + size * 0.36, label.text, {
      size,
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

  if (layout.inset) {
    const partner = layout.partners.find((p) => p.iso2 === layout.inset!.iso2)!;
    parts.push(insetBox(layout.inset.area, partner, SIDE.left, y, theme, strings));
    y += INSET.height + 10;
  }

  // Partners beyond Europe, each in a box of its own; a locator shows its own partner in the main view.
  for (const iso2 of filter.partner !== undefined ? [] : OVERSEAS) {
    const partner = layout.partners.find((p) => p.iso2 === iso2);
    if (!partner) continue;
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
/** Room for a listed item's words, right of its swatch, up to the image's margin. */
const LIST_ROOM = WIDTH - 8 - SIDE.left - 38;

/** "EU, 27 Jun 2024" on one line; a name too long for that keeps its date on a line below. */
export function listedLines(agreement: Agreement, strings: Strings): string[] {
  const name = pictureName(agreement, strings);
  const date = shortDate(agreement.signed, strings.pictures);
  const one = `${name}, ${date}`;
  return textWidth(one, FONT.small) <= LIST_ROOM ? [one] : [`${name},`, date];
}

/** A small country close up, with its neighbours, for its locator. */
function insetBox(
  area: InsetArea,
  partner: MapPartner,
  x: number,
  y: number,
  theme: Theme,
  strings: Strings,
): string {
  const inner = {
    left: x + 6,
    top: y + INSET.height - INSET.mapHeight - 6,
    right: x + INSET.width - 6,
    bottom: y + INSET.height - 6,
  };
  const label = `${nameInPicture(partner.agreement, strings)}, ${shortDate(partner.agreement.signed, strings.pictures)}`;
  return [
    element('rect', { x, y, width: INSET.width, height: INSET.height, rx: 8, fill: theme.sea }),
    insetShapes(area, inner, {
      partnerId: ISO_NUMERIC[partner.iso2]!.id,
      partner: partner.fill,
      ukraine: theme.ukraine,
      land: theme.land,
      border: theme.border,
    }),
    element('rect', {
      x: inner.left,
      y: inner.top,
      width: inner.right - inner.left,
      height: inner.bottom - inner.top,
      fill: 'none',
      stroke: theme.ink,
      'stroke-width': 2,
    }),
    text(x + 10, y + 26, label, { size: FONT.small, fill: theme.ink, bold: true, halo: theme.sea }),
  ].join('');
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
