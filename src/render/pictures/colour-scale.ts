import { dayNumber } from './dates.js';

/**
 * Viridis from 0 to 0.8 (matplotlib's values): dark purple for the first signings, green for the
 * latest. Perceptually even and readable by colour-blind readers, and cut before its yellow end so
 * that Ukraine's own yellow means only Ukraine.
 */
const STOPS = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
];

export interface DateScale {
  from: string;
  to: string;
  colour: (isoDate: string) => string;
  /** Position in [0, 1] of a date on the scale. */
  position: (isoDate: string) => number;
  stops: readonly string[];
}

export function dateScale(from: string, to: string): DateScale {
  const start = dayNumber(from);
  const span = Math.max(1, dayNumber(to) - start);
  const position = (isoDate: string): number =>
    Math.min(1, Math.max(0, (dayNumber(isoDate) - start) / span));
  return { from, to, position, colour: (isoDate) => colourAt(position(isoDate)), stops: STOPS };
}

export function colourAt(t: number): string {
  const scaled = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const index = Math.min(STOPS.length - 2, Math.floor(scaled));
  const [a, b] = [rgb(STOPS[index]!), rgb(STOPS[index + 1]!)];
  const f = scaled - index;
  return hex(a.map((channel, i) => channel + (b[i]! - channel) * f) as [number, number, number]);
}

export function rgb(colour: string): [number, number, number] {
  const value = Number.parseInt(colour.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function hex(channels: [number, number, number]): string {
  return `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance (WCAG): which way a shade runs on the scale. */
export function luminance([r, g, b]: readonly number[]): number {
  const linear = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}
