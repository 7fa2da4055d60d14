/**
 * Render time and memory of each picture: `npx tsx bench/pictures.ts`.
 * `--write-docs` also writes docs/timeline.png and docs/map.png (the pictures the README shows).
 *
 * Cold is the first render in this process (for the first map that includes reading the atlas);
 * cached is the mean of later calls with the same inputs. Peak RSS is the process high-water mark,
 * sampled every 2 ms while the picture renders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadData } from '../src/data/load.js';
import { renderMapPng, renderTimelinePng } from '../src/render/pictures/index.js';
import type { Picture } from '../src/render/pictures/index.js';

const data = loadData();
const CACHED_RUNS = 200;

const cases: [string, () => Promise<Picture>][] = [
  ['timeline', () => renderTimelinePng(data)],
  ['timeline (dark)', () => renderTimelinePng(data, { theme: 'dark' })],
  ['map', () => renderMapPng(data)],
  ['map 2024', () => renderMapPng(data, { filter: { year: 2024 } })],
  ['map 2025', () => renderMapPng(data, { filter: { year: 2025 } })],
  ['map DW 21', () => renderMapPng(data, { filter: { dw21: true } })],
  ['map, locator for Poland', () => renderMapPng(data, { filter: { partner: 'pl' } })],
  ['map, locator for Luxembourg', () => renderMapPng(data, { filter: { partner: 'lu' } })],
  ['map, locator for Japan', () => renderMapPng(data, { filter: { partner: 'jp' } })],
  ['map, locator for the US', () => renderMapPng(data, { filter: { partner: 'us' } })],
  ['map (Ukrainian)', () => renderMapPng(data, { locale: 'uk' })],
];

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 2);

const rows: string[][] = [];
const rendered = new Map<string, Picture>();
for (const [name, render] of cases) {
  const started = performance.now();
  const picture = await render();
  const cold = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  const cachedStart = performance.now();
  for (let i = 0; i < CACHED_RUNS; i++) await render();
  const cached = (performance.now() - cachedStart) / CACHED_RUNS;
  rendered.set(name, picture);
  rows.push([
    name,
    `${picture.width}×${picture.height}`,
    `${(picture.png.length / 1024).toFixed(0)} KiB`,
    `${cold.toFixed(0)} ms`,
    `${(cached * 1000).toFixed(1)} µs`,
    `${(peak / 1024 / 1024).toFixed(0)} MiB`,
  ]);
}
clearInterval(sampler);

const header = ['picture', 'size', 'PNG', 'cold', 'cached', 'peak RSS so far'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]): string =>
  `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const row of rows) console.log(line(row));
console.log(`\nNode ${process.version}, ${CACHED_RUNS} cached calls each.`);

if (process.argv.includes('--write-docs')) {
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/timeline.png', rendered.get('timeline')!.png);
  writeFileSync('docs/map.png', rendered.get('map')!.png);
  console.log('Wrote docs/timeline.png and docs/map.png.');
}
