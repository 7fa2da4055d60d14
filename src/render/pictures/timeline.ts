import type { Dataset } from '../../data/load.js';
import type { LaterRecord } from '../../data/records-schema.js';
import type { Agreement } from '../../data/schema.js';
import { languageOf, pick, stringsFor, type Strings } from '../../i18n/index.js';
import {
  dayNumber,
  dayRange,
  longDate,
  monthName,
  monthStart,
  shortDate,
  shortDay,
} from './dates.js';
import { nameInPicture, pictureKind, pictureName } from './kinds.js';
import { spreadLabels } from './label-layout.js';
import { ALT_TEXT_MAX, PictureCache, rasterise, type Picture } from './picture.js';
import { element, svgDocument, text } from './svg.js';
import { textWidth } from './text-width.js';
import { THEMES, type PictureKind, type Theme, type ThemeName } from './theme.js';

/** The NATO summits the agreements were timed around (Vilnius 2023, Washington 2024). */
export const NATO_SUMMITS = [
  { id: 'vilnius', start: '2023-07-11', end: '2023-07-12' },
  { id: 'washington', start: '2024-07-09', end: '2024-07-11' },
] as const;

type Summit = (typeof NATO_SUMMITS)[number];

export interface TimelineOptions {
  theme?: ThemeName;
  /** The reader's Discord locale: Ukrainian for `uk`, English otherwise (the default). */
  locale?: string;
}

/*
 * Time runs down a ribbon in the middle, and labels sit either side of it. Along a vertical axis
 * a label takes only its line height, so the crowded weeks of 2024 (nine signing days between
 * 27 May and 18 July) stay legible with full names; along a horizontal one each label takes its
 * width and the chart turns into a staircase three times as tall. Summits are therefore horizontal
 * bands across the chart.
 */
export const WIDTH = 1200;
export const RIBBON = { left: 536, right: 664 } as const;
/** Below the title, the subtitle and the legend's two rows. */
const PLOT_TOP = 258;
const RIBBON_PADDING = 20;
/**
 * The time axis is drawn to scale, so it grows with the span the data covers: 2023 to 2026 takes
 * about three years of it. At this rate the crowded weeks of mid-2024 still spread legibly.
 */
const PIXELS_PER_DAY = 1.05;
/** The shortest axis, for a span of a few months. */
const MIN_PLOT_LENGTH = 300;
export const FONT = { title: 36, subtitle: 23, pill: 23, date: 20, axis: 22, legend: 22 } as const;
const PILL = { height: 34, padX: 11, gap: 6, radius: 8 } as const;
const PITCH = PILL.height + 8;
/** The leader runs straight out of the ribbon, then slants to its label. */
const LEADER = { straight: 14, total: 46 } as const;

type Side = 'left' | 'right';

interface Pill {
  agreement: Agreement;
  label: string;
  /** The caption's size: FONT.pill, or less on a day too long for its side of the chart. */
  font: number;
  width: number;
}

/** A later record (records.json) on the chart: outlined, to stand apart from the 28 and the frameworks. */
interface LaterPill {
  record: LaterRecord;
  label: string;
  font: number;
  width: number;
}

/** A signing dot's radius, and its ring in the card's colour. */
export const DOT = { radius: 6, ring: 2 } as const;
/** How far a summit band and a summit's leader keep from the signing dots on the ribbon's edges. */
export const DOT_CLEARANCE = DOT.radius + DOT.ring + 2;

/** Nothing may come closer to the image's edge than this. */
const EDGE = 8;
/** The smallest caption a crowded day may shrink to: still readable on a phone. */
export const MIN_PILL_FONT = 17;

interface Row {
  /** The date the row points at, and where on the axis. */
  date: string;
  /** The date as the row shows it ("12 Jul"). */
  dateLabel: string;
  y: number;
  side: Side;
  /** Where the row's centre line sits after spreading. */
  centre: number;
  content:
    | { kind: 'agreements'; pills: Pill[] }
    | { kind: 'later'; pills: LaterPill[] }
    | { kind: 'summit'; summit: Summit; label: string }
    /** Where the data stops: "Our data runs to 22 Apr 2026". */
    | { kind: 'end'; label: string };
}

export interface TimelineLayout {
  width: number;
  height: number;
  plotTop: number;
  plotBottom: number;
  /** y of a date on the time axis. */
  y: (isoDate: string) => number;
  rows: Row[];
  /** The first and last month starts on the axis. */
  from: string;
  to: string;
  /** The quarter months named on the ribbon, each clear of the summit bands. */
  axisLabels: AxisLabel[];
}

export interface AxisLabel {
  month: string;
  text: string;
  size: number;
  bold: boolean;
  /** The label's vertical centre: its month's tick, or moved off a summit band. */
  centre: number;
}

/** The vertical extent of a month label's ink and halo around its centre. */
export function axisLabelBox(label: AxisLabel): { top: number; bottom: number } {
  const baseline = label.centre + label.size * 0.36;
  const halo = Math.max(2, label.size / 6) / 2;
  return { top: baseline - label.size * 0.76 - halo, bottom: baseline + label.size * 0.24 + halo };
}

/**
 * The month labels of the ribbon. A label that a summit band would cross ("Jul" 2024 and the
 * Washington summit from 9 July) moves just off the band, to the side of its own tick.
 */
function layoutAxisLabels(
  from: string,
  to: string,
  y: (isoDate: string) => number,
  strings: Strings,
): AxisLabel[] {
  const bands = NATO_SUMMITS.map((summit) => bandOf(summit, y));
  const labels: AxisLabel[] = [];
  for (let offset = 0; ; offset++) {
    const month = monthStart(from, offset);
    if (month > to) break;
    const monthIndex = Number(month.slice(5, 7)) - 1;
    if (monthIndex % 3 !== 0 || month === to) continue;
    const bold = monthIndex === 0 || offset === 0;
    const name = monthName(month, strings.pictures);
    const text = bold ? `${name} ${month.slice(0, 4)}` : name;
    const label = { month, text, size: axisFont(text, bold), bold, centre: y(month) };
    for (const band of bands) {
      const box = axisLabelBox(label);
      if (box.bottom <= band.top - BAND_GAP || box.top >= band.bottom + BAND_GAP) continue;
      label.centre +=
        band.middle >= label.centre
          ? band.top - BAND_GAP - box.bottom
          : band.bottom + BAND_GAP - box.top;
    }
    labels.push(label);
  }
  return labels;
}

/** Room between a month label and a summit band. */
const BAND_GAP = 2;

/** What the chart shows after the 31, beside them: the later records, and how far the data runs. */
export interface LaterOnTimeline {
  records: readonly LaterRecord[];
  /** An ISO day: the axis runs to it and marks it. */
  dataRunsTo: string;
}

/** Steps that made or changed a document (as `/timeline`'s text continues with). */
const DOCUMENT_STEPS = new Set(['signed', 'ratified', 'framework', 'drafted']);

/**
 * The day a later record stands at on the chart: its signing or founding date, or, for one never
 * signed (the US guarantee document), the first day a step made it a document (drafted). Partners
 * with no agreement and steps dated by month only are not drawn.
 */
export function laterRecordDay(record: LaterRecord): string | null {
  if (record.kind === 'no-agreement') return null;
  if (record.date) return record.date.value;
  const step = record.timeline.find((s) => DOCUMENT_STEPS.has(s.status) && s.date.length === 10);
  return step?.date ?? null;
}

export function layoutTimeline(
  agreements: readonly Agreement[],
  locale = 'en',
  later?: LaterOnTimeline,
): TimelineLayout {
  const strings = stringsFor(locale);
  const laterDays = groupLaterByDay(later?.records ?? []);
  const dates = [
    ...agreements.map((a) => a.signed),
    ...laterDays.map(([date]) => date),
    ...(later ? [later.dataRunsTo] : []),
  ].sort();
  const first = dates[0] ?? '2023-07-12';
  const last = dates.at(-1) ?? first;
  const from = monthStart(first);
  const to = monthStart(last, 1);
  const span = Math.max(1, dayNumber(to) - dayNumber(from));
  const plotLength = Math.max(MIN_PLOT_LENGTH, Math.round(span * PIXELS_PER_DAY));
  const y = (isoDate: string): number =>
    PLOT_TOP + ((dayNumber(isoDate) - dayNumber(from)) / span) * plotLength;

  const rows: Row[] = [];
  // Summit labels go on the left; each signing day then takes the side where it lands nearer its date.
  const lastOnSide: Record<Side, number> = { left: -Infinity, right: -Infinity };
  const pending = [
    ...NATO_SUMMITS.filter((s) => s.end >= from && s.start <= to).map((summit) => ({
      date: summit.start,
      dateLabel: '',
      content: { kind: 'summit', summit, label: summitLabel(summit, strings) } as const,
    })),
    ...groupByDay(agreements).map(([date, inDay]) => ({
      date,
      dateLabel: shortDay(date, strings.pictures),
      content: { kind: 'agreements', pills: inDay.map((a) => toPill(a, strings)) } as const,
    })),
    // One row per later record: their names are long, and two on one day (6 January 2026) would
    // run off the chart.
    ...laterDays.flatMap(([date, inDay]) =>
      inDay.map((record) => ({
        date,
        dateLabel: shortDay(date, strings.pictures),
        content: { kind: 'later' as const, pills: [toLaterPill(record, strings)] },
      })),
    ),
    ...(later
      ? [
          {
            date: later.dataRunsTo,
            dateLabel: '',
            content: {
              kind: 'end',
              label: strings.pictures.timeline.dataEnd(
                shortDate(later.dataRunsTo, strings.pictures),
              ),
            } as const,
          },
        ]
      : []),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.content.kind === 'summit' ? -1 : 1));
  const summitLeaders = pending
    .filter((item) => item.content.kind === 'summit')
    .map((item) => (item.content.kind === 'summit' ? bandOf(item.content.summit, y).middle : 0));
  for (const item of pending) {
    const at =
      item.content.kind === 'summit' ? bandOf(item.content.summit, y).middle : y(item.date);
    // A signing dot where a summit's leader leaves the ribbon would read as part of the summit.
    const besideSummit = summitLeaders.some((leader) => Math.abs(leader - at) < DOT_CLEARANCE);
    const side: Side =
      item.content.kind === 'summit' || item.content.kind === 'end'
        ? 'left'
        : besideSummit ||
            Math.max(at, lastOnSide.right + PITCH) <= Math.max(at, lastOnSide.left + PITCH)
          ? 'right'
          : 'left';
    lastOnSide[side] = Math.max(at, lastOnSide[side] + PITCH);
    rows.push({ ...item, y: at, side, centre: at });
  }
  // Longer names (Ukrainian ones, say) can make a busy day too wide for its side: shrink its captions.
  for (const row of rows) {
    const room =
      row.side === 'right'
        ? WIDTH - EDGE - (RIBBON.right + LEADER.total)
        : RIBBON.left - LEADER.total - EDGE;
    const { content } = row;
    if (content.kind === 'agreements') {
      const agreementsOfRow = content.pills.map((pill) => pill.agreement);
      for (let font: number = FONT.pill; rowWidth(row) > room && font > MIN_PILL_FONT;) {
        font = Math.max(MIN_PILL_FONT, font - 0.5);
        content.pills = agreementsOfRow.map((a) => toPill(a, strings, font));
      }
    } else if (content.kind === 'later') {
      const recordsOfRow = content.pills.map((pill) => pill.record);
      for (let font: number = FONT.pill; rowWidth(row) > room && font > MIN_PILL_FONT;) {
        font = Math.max(MIN_PILL_FONT, font - 0.5);
        content.pills = recordsOfRow.map((r) => toLaterPill(r, strings, font));
      }
    }
  }
  const bounds = { min: PLOT_TOP - RIBBON_PADDING, max: PLOT_TOP + plotLength + RIBBON_PADDING };
  for (const side of ['left', 'right'] as const) {
    const onSide = rows.filter((row) => row.side === side);
    const centres = spreadLabels(
      onSide.map((row) => row.y),
      PITCH,
      bounds,
    );
    onSide.forEach((row, index) => (row.centre = centres[index]!));
  }
  const plotBottom = PLOT_TOP + plotLength;
  return {
    width: WIDTH,
    height: plotBottom + RIBBON_PADDING + 20,
    plotTop: PLOT_TOP,
    plotBottom,
    y,
    rows,
    from,
    to,
    axisLabels: layoutAxisLabels(from, to, y, strings),
  };
}

function toPill(agreement: Agreement, strings: Strings, font: number = FONT.pill): Pill {
  const name = pictureName(agreement, strings);
  const label =
    agreement.status === 'disputed' ? strings.pictures.timeline.disputedPill(name) : name;
  return { agreement, label, font, width: textWidth(label, font, true) + 2 * PILL.padX };
}

function toLaterPill(record: LaterRecord, strings: Strings, font: number = FONT.pill): LaterPill {
  const t = strings.pictures.timeline;
  const name = pick(record.shortName, strings.language);
  // Only a document never signed says so on its pill; the others are signed or founded that day.
  const label = record.status === 'drafted' ? t.draftedPill(name) : name;
  return { record, label, font, width: textWidth(label, font, true) + 2 * PILL.padX };
}

/** The later records the chart draws, by the day each stands at, oldest first. */
function groupLaterByDay(records: readonly LaterRecord[]): [string, LaterRecord[]][] {
  const byDate = new Map<string, LaterRecord[]>();
  for (const record of records) {
    const day = laterRecordDay(record);
    if (day !== null) byDate.set(day, [...(byDate.get(day) ?? []), record]);
  }
  return [...byDate].sort(([a], [b]) => a.localeCompare(b));
}

function groupByDay(agreements: readonly Agreement[]): [string, Agreement[]][] {
  const byDate = new Map<string, Agreement[]>();
  const ordered = [...agreements].sort(
    (a, b) => a.signed.localeCompare(b.signed) || a.id.localeCompare(b.id),
  );
  for (const agreement of ordered) {
    byDate.set(agreement.signed, [...(byDate.get(agreement.signed) ?? []), agreement]);
  }
  return [...byDate];
}

/** The boxes a row draws, left to right, for layout checks. */
export function rowExtent(row: Row): { left: number; right: number; top: number; bottom: number } {
  const width = rowWidth(row);
  const near = row.side === 'right' ? RIBBON.right + LEADER.total : RIBBON.left - LEADER.total;
  return {
    left: row.side === 'right' ? near : near - width,
    right: row.side === 'right' ? near + width : near,
    top: row.centre - PILL.height / 2,
    bottom: row.centre + PILL.height / 2,
  };
}

function rowWidth(row: Row): number {
  if (row.content.kind === 'summit') return textWidth(row.content.label, FONT.legend, true);
  if (row.content.kind === 'end') return textWidth(row.content.label, FONT.legend, true);
  const pills = row.content.pills.reduce((sum, pill) => sum + pill.width + PILL.gap, 0);
  return textWidth(row.dateLabel, dateFont(row)) + 8 + pills - PILL.gap;
}

/** A row's date: FONT.date, or the size of its captions where a crowded row shrank them below it. */
function dateFont(row: Row): number {
  if (row.content.kind !== 'agreements' && row.content.kind !== 'later') return FONT.date;
  return Math.min(FONT.date, ...row.content.pills.map((pill) => pill.font));
}

/** "NATO Vilnius 11–12 Jul 2023" */
function summitLabel(summit: Summit, strings: Strings): string {
  const p = strings.pictures;
  return `${p.summitLabels[summit.id]} ${dayRange(summit.start, summit.end, p)}`;
}

/** The title and subtitle: what a reader sees before anything else, so checked to fit. */
export function timelineHeadings(
  data: Dataset,
  locale = 'en',
): { title: string; subtitle: string } {
  const p = stringsFor(locale).pictures;
  const first = data.agreements[0];
  const last = data.agreements.at(-1);
  const later = groupLaterByDay(data.records).flatMap(([, inDay]) => inDay).length;
  const subtitle =
    first && last
      ? p.timeline.subtitle(
          data.agreements.length,
          shortDate(first.signed, p),
          shortDate(last.signed, p),
        )
      : p.timeline.empty;
  return {
    title: p.timeline.title,
    subtitle: later > 0 ? `${subtitle}${p.timeline.subtitleLater(later)}` : subtitle,
  };
}

export function timelineSvg(data: Dataset, options: TimelineOptions = {}): string {
  const theme = THEMES[options.theme ?? 'light'];
  const strings = stringsFor(options.locale ?? 'en');
  const layout = layoutTimeline(data.agreements, options.locale, laterOf(data));
  const headings = timelineHeadings(data, options.locale);
  const parts: string[] = [
    text(40, 56, headings.title, {
      size: FONT.title,
      fill: theme.ink,
      bold: true,
    }),
    text(40, 92, headings.subtitle, { size: FONT.subtitle, fill: theme.muted }),
    legend(theme, 40, 140, strings),
    laterLegend(theme, 40, 176, strings),
    ribbon(layout, theme),
    ...NATO_SUMMITS.map((summit) => summitBand(summit, layout, theme)),
    ribbonScale(layout, theme),
    ...layout.rows.map((row) => drawRow(row, theme)),
  ];
  return svgDocument(layout.width, layout.height, theme.card, parts.join('\n'));
}

/** The later records and the data's end, as the chart draws them. */
function laterOf(data: Dataset): LaterOnTimeline {
  return { records: data.records, dataRunsTo: data.dataRunsTo };
}

/**
 * Where a summit's band lies on the time axis: from its first day to the end of its last. It
 * spans the ribbon between the signing dots on its edges, never under them: a dot the day before
 * a summit (Poland, 8 July 2024) must not look as if it were signed during it.
 */
export function bandOf(
  summit: Summit,
  y: (isoDate: string) => number,
): { top: number; bottom: number; middle: number; left: number; right: number } {
  const top = y(summit.start);
  const bottom = Math.max(top + 4, y(nextDay(summit.end)));
  return {
    top,
    bottom,
    middle: (top + bottom) / 2,
    left: RIBBON.left + DOT_CLEARANCE,
    right: RIBBON.right - DOT_CLEARANCE,
  };
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A summit is a band across the ribbon; its label sits with the others on the left. */
function summitBand(summit: Summit, layout: TimelineLayout, theme: Theme): string {
  const band = bandOf(summit, layout.y);
  if (band.bottom < layout.plotTop || band.top > layout.plotBottom) return '';
  return (
    element('rect', {
      x: band.left,
      y: band.top,
      width: band.right - band.left,
      height: band.bottom - band.top,
      fill: theme.summit,
      'fill-opacity': 0.25,
    }) +
    element('line', {
      x1: band.left,
      y1: band.middle,
      x2: band.right,
      y2: band.middle,
      stroke: theme.summit,
      'stroke-width': 2.5,
      'stroke-dasharray': '8 5',
    })
  );
}

function ribbon(layout: TimelineLayout, theme: Theme): string {
  return element('rect', {
    x: RIBBON.left,
    y: layout.plotTop - RIBBON_PADDING,
    width: RIBBON.right - RIBBON.left,
    height: layout.plotBottom - layout.plotTop + 2 * RIBBON_PADDING,
    rx: 8,
    fill: theme.grid,
  });
}

/** A month label's size: FONT.axis, or less where the label ("лист. 2024") is wider than the ribbon. */
export function axisFont(label: string, bold: boolean): number {
  const room = RIBBON.right - RIBBON.left - 10;
  const width = textWidth(label, FONT.axis, bold);
  return width <= room ? FONT.axis : Math.floor((FONT.axis * room) / width);
}

function ribbonScale(layout: TimelineLayout, theme: Theme): string {
  const centre = (RIBBON.left + RIBBON.right) / 2;
  const parts: string[] = [];
  for (let offset = 0; ; offset++) {
    const month = monthStart(layout.from, offset);
    if (month > layout.to) break;
    const y = layout.y(month);
    const monthIndex = Number(month.slice(5, 7)) - 1;
    const quarter = monthIndex % 3 === 0;
    const tick = quarter ? 12 : 6;
    parts.push(
      element('line', {
        x1: RIBBON.left,
        y1: y,
        x2: RIBBON.left + tick,
        y2: y,
        stroke: theme.axis,
        'stroke-width': 1.5,
      }),
      element('line', {
        x1: RIBBON.right - tick,
        y1: y,
        x2: RIBBON.right,
        y2: y,
        stroke: theme.axis,
        'stroke-width': 1.5,
      }),
    );
  }
  for (const label of layout.axisLabels) {
    parts.push(
      text(centre, label.centre + label.size * 0.36, label.text, {
        size: label.size,
        fill: theme.ink,
        bold: label.bold,
        anchor: 'middle',
        halo: theme.grid,
      }),
    );
  }
  return `<g>${parts.join('')}</g>`;
}

function drawRow(row: Row, theme: Theme): string {
  const right = row.side === 'right';
  const edge = right ? RIBBON.right : RIBBON.left;
  const direction = right ? 1 : -1;
  const isSummit = row.content.kind === 'summit';
  const colour = isSummit ? theme.summit : theme.axis;
  if (row.content.kind === 'end') return drawEnd(row, row.content.label, theme);
  // A summit's leader leaves from its band, which stops short of the dots on the ribbon's edge.
  const start = isSummit ? edge - direction * DOT_CLEARANCE : edge;
  const leader = element('path', {
    d: `M${start} ${row.y.toFixed(1)}H${edge + direction * LEADER.straight}L${edge + direction * (LEADER.total - 6)} ${row.centre.toFixed(1)}h${direction * 6}`,
    fill: 'none',
    stroke: colour,
    'stroke-width': 1.5,
    'stroke-dasharray': isSummit ? '4 3' : undefined,
  });
  const extent = rowExtent(row);
  const baseline = row.centre + FONT.pill * 0.36;
  if (row.content.kind === 'summit') {
    return `<g>${leader}${text(right ? extent.left : extent.right, baseline, row.content.label, {
      size: FONT.legend,
      fill: theme.summit,
      bold: true,
      anchor: right ? 'start' : 'end',
      halo: theme.card,
    })}</g>`;
  }
  // The date sits next to the leader, the pills beyond it.
  const date = row.dateLabel;
  const dateSize = dateFont(row);
  const dateWidth = textWidth(date, dateSize) + 8;
  const parts: string[] = [leader];
  let cursor = right ? extent.left + dateWidth : extent.left;
  parts.push(
    text(right ? extent.left : extent.right, row.centre + dateSize * 0.36, date, {
      size: dateSize,
      fill: theme.muted,
      anchor: right ? 'start' : 'end',
      halo: theme.card,
    }),
  );
  if (row.content.kind === 'later') {
    for (const { record, label, font, width } of row.content.pills) {
      parts.push(
        laterPill(cursor, row.centre - PILL.height / 2, width, label, font, record, theme),
      );
      cursor += width + PILL.gap;
    }
    // A hollow dot: on the ribbon, but not one of the 28 or the frameworks.
    const kind = laterKind(row.content.pills[0]!.record);
    parts.push(
      element('circle', {
        cx: edge,
        cy: row.y,
        r: DOT.radius - 1,
        fill: theme.card,
        stroke: theme.kinds[kind].fill,
        'stroke-width': 3,
      }),
    );
    return `<g>${parts.join('')}</g>`;
  }
  for (const { agreement, label, font, width } of row.content.pills) {
    parts.push(
      pill(
        cursor,
        row.centre - PILL.height / 2,
        width,
        label,
        font,
        pictureKind(agreement),
        agreement.status === 'disputed',
        theme,
      ),
    );
    cursor += width + PILL.gap;
  }
  const dotKind = pictureKind(row.content.pills[0]!.agreement);
  parts.push(
    element('circle', {
      cx: edge,
      cy: row.y,
      r: DOT.radius,
      fill: theme.kinds[dotKind].fill,
      stroke: theme.card,
      'stroke-width': DOT.ring,
    }),
  );
  return `<g>${parts.join('')}</g>`;
}

/** A later record's colour: bilateral or multilateral, as the 31 are coloured. */
function laterKind(record: LaterRecord): PictureKind {
  return record.kind === 'multilateral' ? 'multilateral' : 'bilateral';
}

/** An outlined pill in the record's kind colour: a later document, kept apart from the 31. */
function laterPill(
  x: number,
  y: number,
  width: number,
  label: string,
  font: number,
  record: LaterRecord,
  theme: Theme,
): string {
  const colour = theme.kinds[laterKind(record)];
  return (
    element('rect', {
      x: x + 1.25,
      y: y + 1.25,
      width: width - 2.5,
      height: PILL.height - 2.5,
      rx: PILL.radius,
      fill: theme.card,
      stroke: colour.fill,
      'stroke-width': 2.5,
    }) +
    text(x + PILL.padX, y + PILL.height / 2 + font * 0.36, label, {
      size: font,
      fill: theme.ink,
      bold: true,
    })
  );
}

/** The data's end: a solid line across the ribbon, its label on the left with the summits. */
function drawEnd(row: Row, label: string, theme: Theme): string {
  const edge = RIBBON.left;
  const line = element('line', {
    x1: RIBBON.left + DOT_CLEARANCE,
    y1: row.y,
    x2: RIBBON.right - DOT_CLEARANCE,
    y2: row.y,
    stroke: theme.muted,
    'stroke-width': 2.5,
  });
  const leader = element('path', {
    d: `M${edge + DOT_CLEARANCE} ${row.y.toFixed(1)}H${edge - LEADER.straight}L${edge - (LEADER.total - 6)} ${row.centre.toFixed(1)}h-6`,
    fill: 'none',
    stroke: theme.muted,
    'stroke-width': 1.5,
  });
  const extent = rowExtent(row);
  return `<g>${line}${leader}${text(extent.right, row.centre + FONT.pill * 0.36, label, {
    size: FONT.legend,
    fill: theme.muted,
    bold: true,
    anchor: 'end',
    halo: theme.card,
  })}</g>`;
}

/** The legend's second row: how a later document looks. */
function laterLegend(theme: Theme, left: number, y: number, strings: Strings): string {
  return (
    element('rect', {
      x: left + 1.25,
      y: y - 11 + 1.25,
      width: 28 - 2.5,
      height: 24 - 2.5,
      rx: 6,
      fill: theme.card,
      stroke: theme.kinds.bilateral.fill,
      'stroke-width': 2.5,
    }) +
    text(left + 36, y + 8, strings.pictures.timeline.later, { size: FONT.legend, fill: theme.ink })
  );
}

/** Where the legend's second row ends, for the check that it fits. */
export function laterLegendRight(locale = 'en', left = 40): number {
  return left + 36 + textWidth(stringsFor(locale).pictures.timeline.later, FONT.legend);
}

function pill(
  x: number,
  y: number,
  width: number,
  label: string,
  font: number,
  kind: PictureKind,
  disputed: boolean,
  theme: Theme,
): string {
  const colour = theme.kinds[kind];
  const box = element('rect', {
    x,
    y,
    width,
    height: PILL.height,
    rx: PILL.radius,
    fill: disputed ? theme.card : colour.fill,
    stroke: disputed ? colour.fill : undefined,
    'stroke-width': disputed ? 2.5 : undefined,
    'stroke-dasharray': disputed ? '6 4' : undefined,
  });
  const caption = text(x + PILL.padX, y + PILL.height / 2 + font * 0.36, label, {
    size: font,
    fill: disputed ? theme.ink : colour.ink,
    bold: true,
  });
  return box + caption;
}

/** The legend's entries, left to right: their labels are what must fit across the chart. */
export function legendLabels(locale = 'en'): string[] {
  const t = stringsFor(locale).pictures;
  return [
    t.kinds.bilateral,
    t.kinds.eu,
    t.kinds.multilateral,
    t.timeline.disputed,
    t.timeline.summit,
  ];
}

/** Where the legend ends, for the check that it fits. */
export function legendRight(locale = 'en', left = 40): number {
  return (
    legendLabels(locale).reduce((x, label) => x + 36 + textWidth(label, FONT.legend) + 28, left) -
    28
  );
}

function legend(theme: Theme, left: number, y: number, strings: Strings): string {
  const t = strings.pictures;
  const parts: string[] = [];
  let x = left;
  const entry = (swatch: string, label: string): void => {
    parts.push(swatch, text(x + 36, y + 8, label, { size: FONT.legend, fill: theme.ink }));
    x += 36 + textWidth(label, FONT.legend) + 28;
  };
  const swatch = (fill: string, dashed = false): string =>
    element('rect', {
      x,
      y: y - 11,
      width: 28,
      height: 24,
      rx: 6,
      fill: dashed ? theme.card : fill,
      stroke: dashed ? fill : undefined,
      'stroke-width': dashed ? 2.5 : undefined,
      'stroke-dasharray': dashed ? '6 4' : undefined,
    });
  for (const kind of ['bilateral', 'eu', 'multilateral'] as const) {
    entry(swatch(theme.kinds[kind].fill), t.kinds[kind]);
  }
  entry(swatch(theme.kinds.bilateral.fill, true), t.timeline.disputed);
  entry(
    element('rect', {
      x,
      y: y - 5,
      width: 28,
      height: 12,
      fill: theme.summit,
      'fill-opacity': 0.25,
    }) +
      element('line', {
        x1: x,
        y1: y + 1,
        x2: x + 28,
        y2: y + 1,
        stroke: theme.summit,
        'stroke-width': 2.5,
        'stroke-dasharray': '8 5',
      }),
    t.timeline.summit,
  );
  return `<g>${parts.join('')}</g>`;
}

/** What the picture shows, in words, for screen readers (Discord shows it as the image's alt). */
export function timelineAlt(data: Dataset, locale = 'en'): string {
  const strings = stringsFor(locale);
  const p = strings.pictures;
  const t = p.timeline;
  const all = data.agreements;
  const first = all[0];
  const last = all.at(-1);
  if (!first || !last) return t.altEmpty;
  const name = (a: Agreement) => nameInPicture(a, strings);
  const count = (kind: PictureKind): number => all.filter((a) => pictureKind(a) === kind).length;
  const disputed = all.filter((a) => a.status === 'disputed');
  // Days by year ("2024: 12 Jan United Kingdom; 16 Feb Germany, France…"): the later records
  // must fit beside the 31 in Discord's 1024 characters of alt text.
  // The days as a list by year, each with its date where the 1024 characters allow, else without.
  const byYear = (withDay: boolean): string => {
    const years = new Map<string, string[]>();
    for (const [date, inDay] of groupByDay(all)) {
      const year = date.slice(0, 4);
      const names = inDay.map(name).join(', ');
      years.set(year, [
        ...(years.get(year) ?? []),
        withDay ? `${shortDay(date, p)} ${names}` : names,
      ]);
    }
    return `${[...years].map(([year, inYear]) => `${year}: ${inYear.join('; ')}`).join('. ')}.`;
  };
  const laterDays = groupLaterByDay(data.records).map(([date, inDay]) => {
    const names = inDay.map((r) => {
      const label = pick(r.shortName, strings.language);
      return r.status === 'drafted' ? `${label} (${t.altDrafted})` : label;
    });
    return `${shortDate(date, p)} ${names.join(', ')}`;
  });
  const laterCount =
    laterDays.length === 0 ? 0 : groupLaterByDay(data.records).flatMap(([, r]) => r).length;
  const summits = NATO_SUMMITS.map(
    (s) => `${p.summitPlaces[s.id]} (${dayRange(s.start, s.end, p, true)})`,
  );
  const sentences = [
    t.altRange(
      all.length,
      name(first),
      longDate(first.signed, p),
      name(last),
      longDate(last.signed, p),
    ),
    t.altKinds(count('bilateral'), count('eu'), count('multilateral')),
    disputed.length > 0 ? t.altDisputed(disputed.map(name).join(', ')) : '',
    t.altSummits(summits.join(t.and)),
  ];
  const tail = [
    laterCount > 0 ? t.altLater(laterCount, laterDays.join('; ')) : '',
    laterCount > 0 ? t.altDataEnd(shortDate(data.dataRunsTo, p)) : '',
  ];
  const withDays = [...sentences, byYear(true), ...tail].filter(Boolean).join(' ');
  if (withDays.length <= ALT_TEXT_MAX) return withDays;
  // Every day is in the reply's text beside the picture; the alt keeps the order by year.
  return [...sentences, byYear(false), ...tail].filter(Boolean).join(' ');
}

const cache = new PictureCache<Dataset>();

/** The `/timeline` picture. Cached per dataset, theme and language: a second call costs nothing. */
export async function renderTimelinePng(
  data: Dataset,
  options: TimelineOptions = {},
): Promise<Picture> {
  const theme = options.theme ?? 'light';
  const language = languageOf(options.locale ?? 'en');
  const picture = await cache.get(data, `timeline:${theme}:${language}`, () =>
    rasterise(timelineSvg(data, { theme, locale: language }), {
      alt: timelineAlt(data, language),
      fileName: 'timeline.png',
    }),
  );
  return picture!;
}
