import { beforeAll, describe, expect, test } from 'vitest';
import { loadData } from '../../../src/data/load.js';
import { rgb } from '../../../src/render/pictures/colour-scale.js';
import type { Picture } from '../../../src/render/pictures/picture.js';
import { THEMES } from '../../../src/render/pictures/theme.js';
import {
  axisLabelBox,
  bandOf,
  DOT,
  DOT_CLEARANCE,
  laterRecordDay,
  layoutTimeline,
  RIBBON,
  NATO_SUMMITS,
  renderTimelinePng,
  rowExtent,
  timelineAlt,
  timelineSvg,
} from '../../../src/render/pictures/timeline.js';
import { textWidth } from '../../../src/render/pictures/text-width.js';
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
    // As drawn: the later records share the chart.
    const layout = layoutTimeline(data.agreements, 'en', {
      records: data.records,
      dataRunsTo: data.dataRunsTo,
    });
    const row = layout.rows.find(
      (r) => r.content.kind === 'agreements' && r.date === data.agreementById.get('al')!.signed,
    )!;
    const extent = rowExtent(row);
    // The pill's outer end, padding only: its right end on the right of the axis, its left on the left.
    const x = row.side === 'right' ? extent.right - 4 : extent.left + 4;
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

describe('the NATO summit bands', () => {
  const layout = layoutTimeline(data.agreements);
  const bands = NATO_SUMMITS.map((summit) => ({ summit, band: bandOf(summit, layout.y) }));
  const dots = layout.rows
    .filter((row) => row.content.kind === 'agreements')
    .map((row) => ({ row, x: row.side === 'right' ? RIBBON.right : RIBBON.left, y: row.y }));

  test('GIVEN every signing dot WHEN laid out THEN no summit band reaches under it', () => {
    const reach = DOT.radius + DOT.ring;
    for (const { band, summit } of bands) {
      for (const dot of dots) {
        const nearestX = Math.max(band.left, Math.min(dot.x, band.right));
        const nearestY = Math.max(band.top, Math.min(dot.y, band.bottom));
        expect(
          Math.hypot(dot.x - nearestX, dot.y - nearestY),
          `${summit.id} and ${dot.row.date}`,
        ).toBeGreaterThan(reach);
      }
    }
  });

  test('GIVEN Poland, signed the day before the Washington summit, WHEN laid out THEN its dot is not where the summit’s leader leaves the ribbon', () => {
    const summitRows = layout.rows.filter((row) => row.content.kind === 'summit');
    const poland = dots.find((dot) => dot.row.date === data.agreementById.get('pl')!.signed)!;
    for (const summit of summitRows) {
      for (const dot of dots.filter((d) => d.row.side === summit.side)) {
        expect(Math.abs(dot.y - summit.y), dot.row.date).toBeGreaterThanOrEqual(DOT_CLEARANCE);
      }
    }
    expect(poland.row.side).not.toBe(summitRows[0]!.side);
  });

  test('GIVEN the month labels WHEN laid out THEN none is crossed by a summit band', () => {
    expect(layout.axisLabels.map((label) => label.text)).toContain('Jul');
    for (const label of layout.axisLabels) {
      const box = axisLabelBox(label);
      for (const { band, summit } of bands) {
        const apart = box.bottom <= band.top || box.top >= band.bottom;
        expect(apart, `${label.month} and ${summit.id}`).toBe(true);
      }
    }
  });

  test.each(['light', 'dark'] as const)(
    'GIVEN the %s theme WHEN rendered THEN no summit colour shows where the “Jul” label is drawn',
    async (theme) => {
      const png = decodePng((await renderTimelinePng(data, { theme })).png);
      const label = layout.axisLabels.find((l) => l.month === '2024-07-01')!;
      const box = axisLabelBox(label);
      const half = textWidth(label.text, label.size) / 2;
      const centre = (RIBBON.left + RIBBON.right) / 2;
      const summit = rgb(THEMES[theme].summit);
      for (let y = Math.ceil(box.top); y <= Math.floor(box.bottom); y++) {
        for (let x = Math.round(centre - half); x <= centre + half; x++) {
          expect(colourDistance(png.pixel(x, y), summit), `${x},${y}`).toBeGreaterThan(40);
        }
      }
    },
  );
});

describe('the later records on the timeline (issue 12)', () => {
  const later = { records: data.records, dataRunsTo: data.dataRunsTo };
  const layout = layoutTimeline(data.agreements, 'en', later);
  const drawn = data.records.filter((r) => laterRecordDay(r) !== null);

  test('GIVEN the later records WHEN laid out THEN each document appears once, at its date; no partner without one does', () => {
    const rows = layout.rows.flatMap((row) =>
      row.content.kind === 'later' ? row.content.pills.map((p) => [p.record.id, row.date]) : [],
    );
    expect(rows.map(([id]) => id).sort()).toEqual(
      data.records
        .filter((r) => r.kind !== 'no-agreement')
        .map((r) => r.id)
        .sort(),
    );
    for (const [id, date] of rows) {
      const record = data.recordById.get(id!)!;
      expect(date).toBe(
        record.date?.value ?? record.timeline.find((s) => s.status === 'drafted')?.date,
      );
    }
    expect(drawn.some((r) => r.kind === 'no-agreement')).toBe(false);
  });

  test('GIVEN the data WHEN laid out THEN the axis runs past the last record to where the data ends, marked', () => {
    const end = layout.rows.find((row) => row.content.kind === 'end')!;
    expect(end.date).toBe(data.dataRunsTo);
    expect(layout.to > data.dataRunsTo).toBe(true);
    expect(layout.y(data.dataRunsTo)).toBeLessThanOrEqual(layout.plotBottom);
    for (const record of drawn) expect(layout.y(laterRecordDay(record)!)).toBeLessThan(end.y);
    expect(timelineSvg(data)).toContain('Our data runs to 22 Apr 2026');
  });

  test('GIVEN every row with the later records WHEN laid out THEN inside the image and apart', () => {
    const boxes = layout.rows.map(rowExtent);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(layout.width);
      expect(box.bottom).toBeLessThanOrEqual(layout.height);
    }
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
        ).toBe(true);
      }
    }
  });

  test('GIVEN the US guarantee document, never signed, WHEN drawn THEN its pill says drafted', () => {
    expect(timelineSvg(data)).toContain('US security guarantees (drafted)');
    expect(timelineSvg(data, { locale: 'uk' })).toContain('(проєкт)');
  });

  test.each(['en', 'uk'])(
    'GIVEN %s WHEN described THEN the alt text names every later document and the data’s end, within 1024',
    (locale) => {
      const alt = timelineAlt(data, locale);
      expect(alt.length).toBeLessThanOrEqual(1024);
      for (const record of drawn) {
        expect(alt).toContain(locale === 'uk' ? record.shortName.uk : record.shortName.en);
      }
      expect(alt).toContain(
        locale === 'uk' ? 'Наші дані сягають 22 квіт. 2026' : 'Our data runs to 22 Apr 2026',
      );
      // The 31 are all still named.
      expect(alt).toContain(locale === 'uk' ? 'Албанія' : 'Albania');
      expect(alt).toContain(locale === 'uk' ? 'Велика Британія' : 'United Kingdom');
    },
  );
});
