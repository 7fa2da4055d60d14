export type { Picture } from './picture.js';
export type { ThemeName } from './theme.js';
export { renderTimelinePng, type TimelineOptions } from './timeline.js';
export { renderMapPng, type MapFilter, type MapOptions } from './map.js';
