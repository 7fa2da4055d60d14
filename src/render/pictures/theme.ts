/**
 * Colours. Pictures sit on a solid card of their own, so they read the same in Discord's dark and
 * light themes. Kind colours are from the Okabe–Ito palette, which colour-blind readers can tell apart.
 */
export type ThemeName = 'light' | 'dark';

export interface Theme {
  card: string;
  ink: string;
  muted: string;
  grid: string;
  axis: string;
  summit: string;
  kinds: Record<PictureKind, { fill: string; ink: string }>;
  /** Map colours. */
  sea: string;
  land: string;
  border: string;
  ukraine: string;
  ukraineBorder: string;
  halo: string;
}

/** How a picture groups agreements: the EU is a union of states, neither bilateral nor a forum. */
export type PictureKind = 'bilateral' | 'eu' | 'multilateral';

export const THEMES: Record<ThemeName, Theme> = {
  light: {
    card: '#f7f5f0',
    ink: '#1d232b',
    muted: '#5b6570',
    grid: '#e2ded5',
    axis: '#39424d',
    summit: '#b0412e',
    kinds: {
      bilateral: { fill: '#0072b2', ink: '#ffffff' },
      eu: { fill: '#e69f00', ink: '#1d232b' },
      multilateral: { fill: '#009e73', ink: '#ffffff' },
    },
    sea: '#e3ecf2',
    land: '#d9d5cc',
    border: '#f7f5f0',
    ukraine: '#ffd500',
    ukraineBorder: '#0057b7',
    halo: '#f7f5f0',
  },
  dark: {
    card: '#1f2329',
    ink: '#eef1f4',
    muted: '#a9b3bd',
    grid: '#343a42',
    axis: '#c9d1d9',
    summit: '#ff8a70',
    kinds: {
      bilateral: { fill: '#3a9ee0', ink: '#0d1117' },
      eu: { fill: '#e69f00', ink: '#0d1117' },
      multilateral: { fill: '#2bbf94', ink: '#0d1117' },
    },
    sea: '#2a323c',
    land: '#4a525c',
    border: '#1f2329',
    ukraine: '#ffd500',
    ukraineBorder: '#4f9bff',
    halo: '#1f2329',
  },
};
