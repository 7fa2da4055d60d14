import type { Agreement, Commitment } from '../../data/schema.js';
import { stringsFor, type Strings } from '../../i18n/index.js';
import { commitmentFigure } from '../compare.js';
import { formatAmount } from '../format.js';
import { periodText } from '../agreement.js';
import { pictureKind, pictureName } from './kinds.js';
import { rasterise, type Picture } from './picture.js';
import { element, svgDocument, text } from './svg.js';
import { textWidth } from './text-width.js';
import { THEMES } from './theme.js';

/**
 * `/compare … picture:true`: the commitments that state an amount, by year, side by side. A bar's
 * length compares amounts in one currency only: the sources give euros, pounds and dollars, and
 * converting them would need a rate and a date that no source states.
 */
const WIDTH = 1200;
const MARGIN = 40;
const GAP = 40;
const COLUMN = (WIDTH - 2 * MARGIN - GAP) / 2;
const TOP = 180;
const ROW = 88;
const FONT = { title: 32, note: 19, heading: 26, figure: 21, text: 17 } as const;

interface Row {
  label: string;
  amount: number;
  currency: string;
  text: string;
}

/** The commitments with an amount, earliest year first (undated last), larger first within one. */
function rowsOf(agreement: Agreement, strings: Strings): Row[] {
  return agreement.commitments
    .filter(
      (c): c is Commitment & { amount: number; currency: string } =>
        c.amount !== null && c.currency !== null,
    )
    .sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || b.amount - a.amount)
    .map((c) => ({
      label: `${c.period !== null ? periodText(c.period, strings) : (c.year ?? strings.compare.chart.noYear)} · ${formatAmount(c.amount, c.currency, strings)}`,
      amount: c.amount,
      currency: c.currency,
      text: c.text,
    }));
}

/** Text cut to a width in pixels, with an ellipsis where it was cut. */
function fitWidth(content: string, width: number, size: number, bold = false): string {
  if (textWidth(content, size, bold) <= width) return content;
  const chars = Array.from(content);
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size, bold) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

export function compareSvg(first: Agreement, second: Agreement, locale = 'en'): string {
  const strings = stringsFor(locale);
  const theme = THEMES.light;
  const sides = [first, second].map((agreement) => ({
    agreement,
    rows: rowsOf(agreement, strings),
  }));
  const largest = new Map<string, number>();
  for (const row of sides.flatMap((side) => side.rows)) {
    largest.set(row.currency, Math.max(largest.get(row.currency) ?? 0, row.amount));
  }
  const rows = Math.max(1, ...sides.map((side) => side.rows.length));
  const height = TOP + rows * ROW + MARGIN;
  const parts: string[] = [
    text(MARGIN, 58, fitWidth(strings.compare.chart.title, WIDTH - 2 * MARGIN, FONT.title, true), {
      size: FONT.title,
      fill: theme.ink,
      bold: true,
    }),
    text(MARGIN, 94, fitWidth(strings.compare.chart.note, WIDTH - 2 * MARGIN, FONT.note), {
      size: FONT.note,
      fill: theme.muted,
    }),
  ];
  sides.forEach(({ agreement, rows: sideRows }, column) => {
    const left = MARGIN + column * (COLUMN + GAP);
    const colour = theme.kinds[pictureKind(agreement)];
    const name = `${pictureName(agreement, strings)}`;
    parts.push(
      text(left, 146, fitWidth(name, COLUMN, FONT.heading, true), {
        size: FONT.heading,
        fill: theme.ink,
        bold: true,
      }),
      element('rect', { x: left, y: 158, width: COLUMN, height: 2, fill: theme.grid }),
    );
    if (sideRows.length === 0) {
      parts.push(
        text(left, TOP + 30, fitWidth(strings.compare.chart.none, COLUMN, FONT.figure), {
          size: FONT.figure,
          fill: theme.muted,
        }),
      );
    }
    sideRows.forEach((row, i) => {
      const y = TOP + i * ROW;
      const share = row.amount / (largest.get(row.currency) ?? row.amount);
      parts.push(
        text(left, y + 22, fitWidth(row.label, COLUMN, FONT.figure, true), {
          size: FONT.figure,
          fill: theme.ink,
          bold: true,
        }),
        element('rect', {
          x: left,
          y: y + 32,
          width: Math.max(4, share * COLUMN),
          height: 14,
          rx: 3,
          fill: colour.fill,
        }),
        text(left, y + 66, fitWidth(row.text, COLUMN, FONT.text), {
          size: FONT.text,
          fill: theme.muted,
        }),
      );
    });
  });
  return svgDocument(WIDTH, height, theme.card, parts.join('\n'));
}

/** What the chart shows, in words: each side's amounts with their years. */
export function compareAlt(first: Agreement, second: Agreement, locale = 'en'): string {
  const strings = stringsFor(locale);
  const chart = strings.compare.chart;
  const side = (agreement: Agreement) => {
    const name = pictureName(agreement, strings);
    const figures = agreement.commitments
      .filter((c) => c.amount !== null && c.currency !== null)
      .map((c) => commitmentFigure(c, strings))
      .filter((figure): figure is string => figure !== null);
    return figures.length > 0 ? chart.altSide(name, figures.join('; ')) : chart.altNone(name);
  };
  return [
    chart.alt(pictureName(first, strings), pictureName(second, strings)),
    side(first),
    side(second),
  ].join(' ');
}

export function renderComparePng(
  first: Agreement,
  second: Agreement,
  locale = 'en',
): Promise<Picture> {
  return rasterise(compareSvg(first, second, locale), {
    alt: compareAlt(first, second, locale),
    fileName: 'compare.png',
  });
}
