import { beforeAll, describe, expect, test } from 'vitest';
import { loadData } from '../../../src/data/load.js';
import { rgb } from '../../../src/render/pictures/colour-scale.js';
import type { Picture } from '../../../src/render/pictures/picture.js';
import { THEMES } from '../../../src/render/pictures/theme.js';
import {
  layoutTimeline,
  NATO_SUMMITS,
  renderTimelinePng,
  rowExtent,
  timelineAlt,
  timelineSvg,
} from '../../../src/render/pictures/timeline.js';
import { colourDistance, decodePng, readHeader } from './png.js';

const data = loadData();

describe('renderTimelinePng', () => {
  const pictures = new Map<string, Picture>();
  beforeAll(async () => {
    for (const theme of ['light', 'dark'] as const)
      pictures.set(theme, await renderTimelinePng(data, { theme }));
  });

  test.each(['light', 'dark'] as const)(
    'GIVEN the %s theme WHEN rendered THEN it is a valid PNG of sane size',
    (theme) => {
      const picture = pictures.get(theme)!;
      const header = readHeader(picture.png);
      expect([header.width, header.height]).toEqual([picture.width, picture.height]);
      expect(picture.width).toBe(1200);
      expect(picture.height).toBeGreaterThan(600);
      expect(picture.height).toBeLessThan(1400);
      expect(picture.png.length).toBeGreaterThan(20_000);
      expect(picture.png.length).toBeLessThan(1_000_000);
      expect(picture.fileName).toBe('timeline.png');
    },
  );

  test.each(['light', 'dark'] as const)(
    'GIVEN the %s theme WHEN rendered THEN the corners are the solid card',
    (theme) => {
      const png = decodePng(pictures.get(theme)!.png);
      for (const [x, y] of [
        [2, 2],
        [png.width - 3, png.height - 3],
      ] as const) {
        const pixel = png.pixel(x, y);
        expect(pixel[3]).toBe(255);
        expect(colourDistance(pixel, rgb(THEMES[theme].card))).toBeLessThanOrEqual(1);
      }
    },
  );

  test('GIVEN the light theme WHEN rendered THEN a bilateral pill is drawn in the bilateral colour', () => {
    const png = decodePng(pictures.get('light')!.png);
    const layout = layoutTimeline(data.agreements);
    const row = layout.rows.find(
      (r) => r.content.kind === 'agreements' && r.date === data.agreementById.get('al')!.signed,
    )!;
    const extent = rowExtent(row);
    // The pill's right end, padding only, on the right side of the axis.
    const x = row.side === 'right' ? extent.right - 4 : extent.left + 80;
    expect(
      colourDistance(png.pixel(x, row.centre), rgb(THEMES.light.kinds.bilateral.fill)),
    ).toBeLessThanOrEqual(3);
  });

  test('GIVEN a second call WHEN rendered THEN the cached picture comes back', async () => {
    expect(await renderTimelinePng(data, { theme: 'light' })).toBe(pictures.get('light'));
  });
});

describe('layoutTimeline', () => {
  const layout = layoutTimeline(data.agreements);

  test('GIVEN every agreement WHEN laid out THEN each appears in exactly one row', () => {
    const ids = layout.rows.flatMap((row) =>
      row.content.kind === 'agreements' ? row.content.pills.map((p) => p.agreement.id) : [],
    );
    expect(ids.sort()).toEqual(data.agreements.map((a) => a.id).sort());
  });

  test('GIVEN signings on one day WHEN laid out THEN they share a row', () => {
    const row = layout.rows.find((r) => r.date === '2024-06-27')!;
    expect(
      row.content.kind === 'agreements' && row.content.pills.map((p) => p.agreement.id).sort(),
    ).toEqual(['ee', 'eu', 'lt']);
  });

  test('GIVEN every row WHEN laid out THEN it lies inside the image and overlaps no other', () => {
    const boxes = layout.rows.map(rowExtent);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(layout.width);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(layout.height);
    }
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart).toBe(true);
      }
    }
  });

  test('GIVEN the NATO summits WHEN laid out THEN both are marked, in date order with the agreements', () => {
    const summits = layout.rows.filter((r) => r.content.kind === 'summit');
    expect(summits.map((r) => r.date)).toEqual(NATO_SUMMITS.map((s) => s.start));
    expect(layout.y('2023-07-11')).toBeLessThan(layout.y('2023-07-12'));
    expect(layout.y('2024-07-09')).toBeLessThan(layout.y(data.agreementById.get('ro')!.signed));
  });

  test('GIVEN the disputed Croatia WHEN drawn THEN it is labelled as disputed', () => {
    expect(timelineSvg(data)).toContain('Croatia (disputed)');
  });
});

describe('timelineAlt', () => {
  test('GIVEN the data WHEN described THEN it names the range, kinds, summits and stays within 1024', () => {
    const alt = timelineAlt(data);
    expect(alt.length).toBeLessThanOrEqual(1024);
    expect(alt).toContain('12 July 2023');
    expect(alt).toContain('Vilnius');
    expect(alt).toContain('Washington');
    expect(alt).toMatch(/disputed: Croatia/);
  });
});
