import type { DateScale } from './colour-scale.js';
import { monthName, monthStart, type PictureStrings } from './dates.js';
import { element, text } from './svg.js';
import { textWidth } from './text-width.js';
import type { Theme } from './theme.js';

export const BAR = { height: 24, font: 18, arrow: 16 } as const;
/** At most this many month labels under the bar: more would run into each other. */
const MAX_MONTH_LABELS = 5;

export interface ColourBar {
  svg: string;
  /** Where the bar's colours start and end: left of `left` is the arrow for earlier dates. */
  left: number;
  right: number;
  /** How far the bar and its labels reach down from `y`. */
  height: number;
}

/** Months between two month starts. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** Every how many months a label goes: the smallest step that keeps the labels few. */
export function monthStep(from: string, to: string): number {
  const months = monthsBetween(from, to);
  return [1, 2, 3, 6, 12].find((step) => Math.floor(months / step) + 1 <= MAX_MONTH_LABELS) ?? 12;
}

/** The months the bar labels, from the scale's first month to its end. */
export function monthTicks(scale: DateScale): string[] {
  const step = monthStep(scale.from, scale.to);
  const ticks: string[] = [];
  for (let month = scale.from; month <= scale.to; month = monthStart(month, step)) {
    ticks.push(month);
  }
  return ticks;
}

/**
 * The gradient of signing dates, a tick for each date shaded, and month labels under it. Where
 * the selection lists something signed before the scale starts (the G7 declaration of July 2023
 * beside countries from January 2024), the bar opens with an arrow in its first colour, as colour
 * bars mark "and earlier": that item's swatch wears the first colour and its label gives the date.
 */
export function colourBar(
  scale: DateScale,
  ticks: readonly string[],
  options: { x: number; y: number; width: number; earlier: boolean },
  theme: Theme,
  p: PictureStrings,
): ColourBar {
  const { x, y, earlier } = options;
  const left = x + (earlier ? BAR.arrow : 0);
  const right = x + options.width;
  const at = (isoDate: string): number => left + scale.position(isoDate) * (right - left);
  const stops = scale.stops
    .map((stop, i) => element('stop', { offset: i / (scale.stops.length - 1), 'stop-color': stop }))
    .join('');
  const parts = [
    `<defs><linearGradient id="dates" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient></defs>`,
    element('rect', {
      x: left,
      y,
      width: right - left,
      height: BAR.height,
      rx: 4,
      fill: 'url(#dates)',
    }),
  ];
  if (earlier) {
    parts.push(
      element('path', {
        d: `M${x} ${y + BAR.height / 2}L${left + 1} ${y}V${y + BAR.height}Z`,
        fill: scale.stops[0],
      }),
    );
  }
  for (const date of ticks) {
    const tickX = at(date);
    parts.push(
      element('line', {
        x1: tickX,
        y1: y + BAR.height,
        x2: tickX,
        y2: y + BAR.height + 7,
        stroke: theme.ink,
        'stroke-width': 1.5,
      }),
    );
  }
  const months = monthTicks(scale);
  months.forEach((month, index) => {
    const label = monthName(month, p);
    const year = month.slice(0, 4);
    // Centred on its month, but never past the bar's ends.
    const place = (words: string): number => {
      const half = textWidth(words, BAR.font) / 2;
      return Math.min(right - half, Math.max(x + half, at(month)));
    };
    parts.push(
      text(place(label), y + BAR.height + 30, label, {
        size: BAR.font,
        fill: theme.ink,
        anchor: 'middle',
      }),
    );
    const withYear = index === 0 || index === months.length - 1 || month.endsWith('-01-01');
    if (withYear) {
      parts.push(
        text(place(year), y + BAR.height + 52, year, {
          size: BAR.font,
          fill: theme.muted,
          anchor: 'middle',
        }),
      );
    }
  });
  return { svg: parts.join(''), left, right, height: BAR.height + 50 };
}
