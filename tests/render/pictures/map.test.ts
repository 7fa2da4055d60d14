import { geoCentroid, geoContains } from 'd3-geo';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadData } from '../../../src/data/load.js';
import { rgb, luminance } from '../../../src/render/pictures/colour-scale.js';
import { countryForIso2, mainland } from '../../../src/render/pictures/geo.js';
import { isLand, landUnder } from '../../../src/render/pictures/country-mask.js';
import {
  boxOf,
  LAST_RESORT_VISIBLE_SHARE,
  MIN_VISIBLE_SHARE,
} from '../../../src/render/pictures/map-labels.js';
import { pictureName } from '../../../src/render/pictures/kinds.js';
import { en } from '../../../src/i18n/en.js';
import {
  layoutMap,
  mapFileName,
  europeMask,
  FRAME,
  INSET,
  mapSvg,
  renderMapPng,
  SIDE,
  type MapFilter,
  type MapLayout,
} from '../../../src/render/pictures/map.js';
import type { Picture } from '../../../src/render/pictures/picture.js';
import { THEMES } from '../../../src/render/pictures/theme.js';
import { colourDistance, decodePng, readHeader, type DecodedPng } from './png.js';

const data = loadData();

/**
 * A pixel well inside a country's mainland, clear of every label and leader: the nearest such
 * point to its projected centroid, found by a spiral search.
 */
function probe(layout: MapLayout, iso2: string): [number, number] {
  const land = mainland(countryForIso2(iso2)!);
  const [cx, cy] = layout.projection(geoCentroid(land))!;
  const labels = [...layout.labels, layout.ukraineLabel];
  const inside = (x: number, y: number): boolean => {
    const lonLat = layout.projection.invert!([x, y]);
    return lonLat !== null && geoContains(land, lonLat);
  };
  const clear = (x: number, y: number): boolean =>
    labels.every((label) => {
      const inBox =
        Math.abs(x - label.x) < label.width / 2 + 5 && Math.abs(y - label.y) < label.height / 2 + 5;
      const nearLeader =
        label.anchor !== null && distanceToSegment([x, y], label.anchor, [label.x, label.y]) < 6;
      return !inBox && !nearLeader;
    });
  for (let radius = 0; radius < 60; radius += 2) {
    for (let step = 0; step < Math.max(1, radius * 3); step++) {
      const angle = (step / Math.max(1, radius * 3)) * 2 * Math.PI;
      const x = Math.round(cx + radius * Math.cos(angle));
      const y = Math.round(cy + radius * Math.sin(angle));
      const margin = [
        [0, 0],
        [4, 0],
        [-4, 0],
        [0, 4],
        [0, -4],
      ];
      if (margin.every(([dx, dy]) => inside(x + dx!, y + dy!)) && clear(x, y)) return [x, y];
    }
  }
  throw new Error(`no clear pixel inside ${iso2}`);
}

function distanceToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)),
  );
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

describe('renderMapPng', () => {
  const filters: [string, MapFilter][] = [
    ['no filter', {}],
    ['year 2024', { year: 2024 }],
    ['year 2025', { year: 2025 }],
    ["DW's first 21", { dw21: true }],
  ];
  const pictures = new Map<string, Picture>();
  beforeAll(async () => {
    for (const [name, filter] of filters) pictures.set(name, await renderMapPng(data, { filter }));
  });

  test.each(filters)('GIVEN %s WHEN rendered THEN it is a valid PNG of the stated size', (name) => {
    const picture = pictures.get(name)!;
    const header = readHeader(picture.png);
    expect([header.width, header.height]).toEqual([picture.width, picture.height]);
    expect(picture.width).toBe(1200);
    expect(picture.height).toBe(900);
    expect(picture.png.length).toBeGreaterThan(20_000);
    expect(picture.png.length).toBeLessThan(1_500_000);
    expect(picture.alt.length).toBeGreaterThan(100);
    expect(picture.alt.length).toBeLessThanOrEqual(1024);
  });

  test.each(filters)(
    'GIVEN %s WHEN rendered THEN Ukraine is yellow at its centroid',
    (name, filter) => {
      const png = decodePng(pictures.get(name)!.png);
      const layout = layoutMap(data, filter);
      const ukraine = countryForIso2('UA')!;
      const [x, y] = layout.projection(geoCentroid(mainland(ukraine)))!;
      expect(colourDistance(png.pixel(x, y), rgb(THEMES.light.ukraine))).toBeLessThanOrEqual(3);
    },
  );

  describe('GIVEN every agreement', () => {
    let png: DecodedPng;
    let layout: MapLayout;
    beforeAll(() => {
      png = decodePng(pictures.get('no filter')!.png);
      layout = layoutMap(data);
    });

    test.each(['DE', 'AL', 'GB', 'PL', 'FI'])(
      'WHEN rendered THEN %s wears the shade of its date',
      (iso2) => {
        const partner = layout.partners.find((p) => p.iso2 === iso2)!;
        const [x, y] = probe(layout, iso2);
        expect(
          colourDistance(png.pixel(x, y), rgb(layout.scale.colour(partner.agreement.signed))),
        ).toBeLessThanOrEqual(3);
      },
    );

    test('WHEN rendered THEN Germany (Feb 2024) is darker than Albania (Jan 2025)', () => {
      const germany = png.pixel(...probe(layout, 'DE'));
      const albania = png.pixel(...probe(layout, 'AL'));
      expect(luminance(germany)).toBeLessThan(luminance(albania) - 0.2);
    });

    test('WHEN laid out THEN every label lies inside the image and none overlaps another', () => {
      const labels = [...layout.labels, layout.ukraineLabel];
      for (const label of labels) {
        expect(label.x - label.width / 2).toBeGreaterThan(0);
        expect(label.x + label.width / 2).toBeLessThan(layout.width);
        expect(label.y - label.height / 2).toBeGreaterThan(0);
        expect(label.y + label.height / 2).toBeLessThan(layout.height);
      }
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1)) {
          const apart =
            Math.abs(a.x - b.x) * 2 >= a.width + b.width ||
            Math.abs(a.y - b.y) * 2 >= a.height + b.height;
          expect(apart, `${a.text} overlaps ${b.text}`).toBe(true);
        }
      }
      const european = layout.partners.filter((p) => !['US', 'CA', 'JP'].includes(p.iso2));
      expect(layout.labels.map((l) => l.text).sort()).toEqual(european.map((p) => p.iso2).sort());
    });
  });

  test('GIVEN only 2025 WHEN rendered THEN Germany is not shaded as a partner', () => {
    const png = decodePng(pictures.get('year 2025')!.png);
    const layout = layoutMap(data, { year: 2025 });
    expect(
      colourDistance(png.pixel(...probe(layout, 'DE')), rgb(THEMES.light.land)),
    ).toBeLessThanOrEqual(3);
    expect(layout.partners.filter((p) => p.selected).map((p) => p.iso2)).toEqual(['AL']);
  });

  test("GIVEN DW's first 21 WHEN laid out THEN only partners counted by DW are selected", () => {
    const layout = layoutMap(data, { dw21: true });
    expect(layout.partners.filter((p) => p.selected).every((p) => p.agreement.inDw21)).toBe(true);
    expect(layout.selected).toHaveLength(data.agreements.filter((a) => a.inDw21).length);
  });

  test('GIVEN the same inputs WHEN rendered twice THEN the cached picture comes back', async () => {
    const again = await renderMapPng(data, { filter: {} });
    expect(again).toBe(pictures.get('no filter'));
  });

  test.each([
    [{}, 'map.png'],
    [{ year: 2024 }, 'map-2024.png'],
    [{ dw21: true }, 'map-dw21.png'],
    [{ year: 2024, dw21: true }, 'map-2024-dw21.png'],
    [{ partner: 'de' }, 'map-de.png'],
    [{ partner: 'g7-declaration' }, 'map-g7-declaration.png'],
  ])('GIVEN filter %o WHEN named THEN the file is %s', (filter, name) => {
    expect(mapFileName(filter)).toBe(name);
  });
});

describe('a locator for one partner', () => {
  let png: DecodedPng;
  let layout: MapLayout;
  let picture: Picture;
  beforeAll(async () => {
    picture = await renderMapPng(data, { filter: { partner: 'de' } });
    png = decodePng(picture.png);
    layout = layoutMap(data, { partner: 'de' });
  });

  test('GIVEN Germany THEN only Germany is selected, and only it is labelled beside Ukraine', () => {
    expect(layout.selected.map((a) => a.id)).toEqual(['de']);
    expect(layout.partners.filter((p) => p.selected).map((p) => p.iso2)).toEqual(['DE']);
    expect(layout.labels.map((l) => l.text)).toEqual(['DE']);
  });

  test('GIVEN Germany WHEN rendered THEN Germany wears its date shade, France and Poland plain land', () => {
    const germany = layout.partners.find((p) => p.iso2 === 'DE')!;
    expect(
      colourDistance(png.pixel(...probe(layout, 'DE')), rgb(germany.fill)),
    ).toBeLessThanOrEqual(3);
    for (const other of ['FR', 'PL']) {
      expect(
        colourDistance(png.pixel(...probe(layout, other)), rgb(THEMES.light.land)),
      ).toBeLessThanOrEqual(3);
    }
  });

  test('GIVEN Germany WHEN rendered THEN Ukraine is still yellow', () => {
    const [x, y] = layout.projection(geoCentroid(mainland(countryForIso2('UA')!)))!;
    expect(colourDistance(png.pixel(x, y), rgb(THEMES.light.ukraine))).toBeLessThanOrEqual(3);
  });

  test('GIVEN Germany THEN the alt text names it and its date, and a file of its own', () => {
    expect(picture.fileName).toBe('map-de.png');
    expect(picture.alt).toContain('Germany');
    expect(picture.alt).toContain('16 February 2024');
    expect(picture.alt).not.toContain('Canada');
  });

  test.each(['jp', 'us', 'ca'])(
    'GIVEN %s, beyond Europe, WHEN located THEN the view runs from Ukraine to it: both drawn, both labelled',
    async (id) => {
      const layout = layoutMap(data, { partner: id });
      const partner = layout.partners.find((p) => p.selected)!;
      expect(layout.view).toEqual({ kind: 'route', iso2: partner.iso2 });
      expect(layout.labels.map((l) => l.text)).toEqual([partner.agreement.partner.shortName.en]);
      const picture = await renderMapPng(data, { filter: { partner: id } });
      const png = decodePng(picture.png);
      expect(
        colourDistance(png.pixel(...probe(layout, 'UA')), rgb(THEMES.light.ukraine)),
      ).toBeLessThanOrEqual(3);
      expect(
        colourDistance(png.pixel(...probe(layout, partner.iso2)), rgb(partner.fill)),
      ).toBeLessThanOrEqual(3);
      expect(picture.alt).toContain('Map from Ukraine to');
    },
  );

  test('GIVEN a partner and a year THEN the partner wins: the filter is one or the other', async () => {
    const both = await renderMapPng(data, { filter: { partner: 'de', year: 2025 } });
    expect(both).toBe(picture);
  });
});

describe('the map projection', () => {
  test('GIVEN the Europe view WHEN Crimea is projected THEN it falls inside Ukraine', () => {
    const ukraine = countryForIso2('UA')!;
    expect(geoContains(ukraine, [34.1, 45.0])).toBe(true);
    expect(geoContains(ukraine, [30.5, 50.45])).toBe(true);
  });
});

describe('the colour scale', () => {
  test("GIVEN DW's count WHEN shaded THEN the scale runs over its own months, so its first and last partner differ as much as on the whole map", async () => {
    const layout = layoutMap(data, { dw21: true });
    const dated = layout.partners.filter((p) => p.selected).map((p) => p.agreement.signed);
    expect(layout.scale.from).toBe('2024-01-01');
    expect(layout.scale.to).toBe('2024-08-01');
    expect(layout.scale.position(dated.sort().at(-1)!)).toBeGreaterThan(0.8);
    const png = decodePng((await renderMapPng(data, { filter: { dw21: true } })).png);
    const britain = luminance(png.pixel(...probe(layout, 'GB')));
    const poland = luminance(png.pixel(...probe(layout, 'PL')));
    expect(poland - britain).toBeGreaterThan(0.35);
  });

  test('GIVEN one year WHEN shaded THEN the scale covers that year’s signings only', () => {
    expect(layoutMap(data, { year: 2025 }).scale).toMatchObject({
      from: '2025-01-01',
      to: '2025-02-01',
    });
    expect(layoutMap(data, { year: 2024 }).scale.from).toBe('2024-01-01');
  });

  test('GIVEN a locator WHEN shaded THEN it keeps the scale of every agreement, to place its date in the whole run', () => {
    expect(layoutMap(data, { partner: 'pl' }).scale).toEqual(
      expect.objectContaining({ from: layoutMap(data).scale.from, to: layoutMap(data).scale.to }),
    );
  });
});

describe('the side list of what is not a country', () => {
  /** Each listed item's swatch, by the words beside it: its box and fill. */
  function swatches(svg: string): Map<string, { y: number; fill: string }> {
    const found = new Map<string, { y: number; fill: string }>();
    const pattern =
      /<rect x="884" y="([\d.]+)" width="28" height="20" rx="3" fill="(#[0-9a-f]{6})"\/><text x="922" y="[\d.]+" [^>]*>([^<]+)<\/text>/g;
    for (const [, y, fill, words] of svg.matchAll(pattern)) {
      found.set(words!, { y: Number(y), fill: fill! });
    }
    return found;
  }

  test.each(['light', 'dark'] as const)(
    'GIVEN every agreement in the %s theme WHEN drawn THEN the G7 declaration, the EU and the Compact each have a swatch of their date',
    async (theme) => {
      const layout = layoutMap(data);
      const listed = swatches(mapSvg(data, { theme }));
      const png = decodePng((await renderMapPng(data, { theme })).png);
      expect(layout.notMapped.map((a) => a.id).sort()).toEqual([
        'eu',
        'g7-declaration',
        'ukraine-compact',
      ]);
      for (const agreement of layout.notMapped) {
        const swatch = [...listed].find(([words]) =>
          words.startsWith(pictureName(agreement, en as never)),
        )?.[1];
        expect(swatch, agreement.id).toBeDefined();
        expect(swatch!.fill).toBe(layout.scale.colour(agreement.signed));
        expect(
          colourDistance(png.pixel(SIDE.left + 14, swatch!.y + 10), rgb(swatch!.fill)),
        ).toBeLessThanOrEqual(3);
      }
    },
  );

  test('GIVEN the G7 declaration, signed before the scale starts, WHEN drawn THEN the bar opens with an arrow in its first colour', () => {
    const layout = layoutMap(data);
    expect(data.agreementById.get('g7-declaration')!.signed < layout.scale.from).toBe(true);
    expect(mapSvg(data)).toMatch(
      new RegExp(`<path d="M884 [^"]+Z" fill="${layout.scale.stops[0]}"/>`),
    );
    // DW's count lists only the EU, signed inside the scale: no arrow.
    expect(mapSvg(data, { filter: { dw21: true } })).not.toMatch(/<path d="M884 [^"]+Z"/);
  });
});

describe('small countries stay in sight', () => {
  /** The share of a country's pixels that show its own shade in the rendered picture. */
  function visibleShare(png: DecodedPng, layout: MapLayout, iso2: string): number {
    const mask = europeMask(iso2)!;
    const fill = rgb(layout.partners.find((p) => p.iso2 === iso2)!.fill);
    let [land, shown] = [0, 0];
    for (let y = Math.floor(mask.bounds.top); y <= mask.bounds.bottom; y++) {
      for (let x = Math.floor(mask.bounds.left); x <= mask.bounds.right; x++) {
        if (!isLand(mask, x + 0.5, y + 0.5)) continue;
        land++;
        if (colourDistance(png.pixel(x, y), fill) <= 24) shown++;
      }
    }
    return shown / land;
  }
  const SMALL = ['LU', 'SI', 'BE', 'EE'];

  test.each(['en', 'uk'])(
    'GIVEN every agreement in %s WHEN rendered THEN Luxembourg, Slovenia, Belgium and Estonia each show at least 40% of their land',
    async (locale) => {
      const png = decodePng((await renderMapPng(data, { locale })).png);
      const layout = layoutMap(data, {}, locale);
      for (const iso2 of SMALL) {
        expect(visibleShare(png, layout, iso2), iso2).toBeGreaterThanOrEqual(0.4);
      }
    },
  );

  test.each(['en', 'uk'])(
    'GIVEN every agreement in %s WHEN laid out THEN every European partner is labelled and no label hides most of any partner',
    (locale) => {
      const layout = layoutMap(data, {}, locale);
      const european = layout.partners.filter((p) => !['US', 'CA', 'JP'].includes(p.iso2));
      expect(layout.labels).toHaveLength(european.length);
      const boxes = [...layout.labels, layout.ukraineLabel].map(boxOf);
      for (const partner of european) {
        const mask = europeMask(partner.iso2)!;
        const hidden = boxes.reduce((sum, box) => sum + landUnder(mask, box), 0);
        expect(1 - hidden / mask.area, partner.iso2).toBeGreaterThanOrEqual(
          SMALL.includes(partner.iso2) ? MIN_VISIBLE_SHARE : LAST_RESORT_VISIBLE_SHARE,
        );
      }
    },
  );

  test.each(['lu', 'si', 'be', 'ee'])(
    'GIVEN a locator for %s WHEN rendered THEN the country shows, its label points to it, and an inset draws it close up',
    async (id) => {
      const layout = layoutMap(data, { partner: id });
      const iso2 = id.toUpperCase();
      const png = decodePng((await renderMapPng(data, { filter: { partner: id } })).png);
      expect(visibleShare(png, layout, iso2)).toBeGreaterThanOrEqual(0.4);
      const [label] = layout.labels;
      expect(label!.anchor).not.toBeNull();
      // The inset's frame on the main map surrounds the country.
      const mask = europeMask(iso2)!;
      expect(layout.inset?.iso2).toBe(iso2);
      const frame = layout.inset!.onMap;
      expect(frame.left).toBeLessThan(mask.bounds.left);
      expect(frame.right).toBeGreaterThan(mask.bounds.right);
      expect(frame.top).toBeLessThan(mask.bounds.top);
      expect(frame.bottom).toBeGreaterThan(mask.bounds.bottom);
      // The inset, in the side column, shows the country large, in its shade.
      const fill = rgb(layout.partners.find((p) => p.iso2 === iso2)!.fill);
      let shaded = 0;
      for (let y = FRAME.top; y < FRAME.top + INSET.height + 300; y += 2) {
        for (let x = SIDE.left; x < SIDE.right; x += 2) {
          if (colourDistance(png.pixel(x, y), fill) <= 3) shaded++;
        }
      }
      expect(shaded * 4).toBeGreaterThan(mask.area * 4);
    },
  );

  test('GIVEN a locator for a large country WHEN laid out THEN it needs no inset', () => {
    expect(layoutMap(data, { partner: 'de' }).inset).toBeNull();
    expect(layoutMap(data, { partner: 'pl' }).inset).toBeNull();
  });
});
