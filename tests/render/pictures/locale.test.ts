import { geoCentroid } from 'd3-geo';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadData } from '../../../src/data/load.js';
import { en } from '../../../src/i18n/en.js';
import { stringsFor } from '../../../src/i18n/index.js';
import { uk } from '../../../src/i18n/uk.js';
import { partnerName } from '../../../src/render/agreement.js';
import { rgb } from '../../../src/render/pictures/colour-scale.js';
import { shortDate } from '../../../src/render/pictures/dates.js';
import { countryForIso2, mainland } from '../../../src/render/pictures/geo.js';
import {
  FONT as MAP_FONT,
  FRAME,
  layoutMap,
  listedLines,
  mapHeadings,
  mapSvg,
  renderMapPng,
  SIDE,
  type MapFilter,
} from '../../../src/render/pictures/map.js';
import type { Picture } from '../../../src/render/pictures/picture.js';
import { textWidth } from '../../../src/render/pictures/text-width.js';
import { THEMES } from '../../../src/render/pictures/theme.js';
import {
  axisFont,
  FONT,
  layoutTimeline,
  legendRight,
  MIN_PILL_FONT,
  renderTimelinePng,
  rowExtent,
  laterLegendRight,
  timelineHeadings,
  timelineSvg,
  WIDTH,
} from '../../../src/render/pictures/timeline.js';
import { colourDistance, decodePng, readHeader } from './png.js';

const data = loadData();
/** What the drawn timeline shows after the 31: the later records and the data's end. */
const later = { records: data.records, dataRunsTo: data.dataRunsTo };
const LOCALES = ['en-US', 'uk'] as const;
/** Words of the English pictures that must not show in the Ukrainian ones. */
const ENGLISH =
  /\b(Jan|Feb|Apr|Jul|Oct|NATO|disputed|Disputed|Bilateral|Multilateral|UKRAINE|Date signed|Not a partner|agreements?|countries|of|and|the|by)\b/;
const MARGIN = 8;

/** The words a picture shows: its text nodes, not its ids and attributes ("url(#disputed)"). */
function shownWords(svg: string): string {
  return [...svg.matchAll(/>([^<]+)</g)].map((m) => m[1]).join('\n');
}

describe('pictures in Ukrainian', () => {
  const pictures = new Map<string, Picture>();
  beforeAll(async () => {
    pictures.set('timeline', await renderTimelinePng(data, { locale: 'uk' }));
    pictures.set('map', await renderMapPng(data, { locale: 'uk' }));
  });

  test.each(['timeline', 'map'])(
    'GIVEN the uk %s WHEN rendered THEN it is a valid PNG, apart from the English one, with Ukrainian alt text',
    async (name) => {
      const picture = pictures.get(name)!;
      const header = readHeader(picture.png);
      expect([header.width, header.height]).toEqual([picture.width, picture.height]);
      expect(picture.width).toBe(1200);
      const english =
        name === 'timeline' ? await renderTimelinePng(data) : await renderMapPng(data);
      expect(picture.png.equals(english.png)).toBe(false);
      expect(picture.alt).toMatch(/^\p{Script=Cyrillic}/u);
      expect(picture.alt).not.toMatch(ENGLISH);
      expect(picture.alt.length).toBeLessThanOrEqual(1024);
      expect(english.alt).not.toMatch(/\p{Script=Cyrillic}/u);
    },
  );

  test('GIVEN uk and uk-UA WHEN rendered THEN they share one cached picture, and English stays the default', async () => {
    expect(await renderTimelinePng(data, { locale: 'uk-UA' })).toBe(pictures.get('timeline'));
    expect(await renderMapPng(data, { locale: 'uk-UA' })).toBe(pictures.get('map'));
    expect(await renderTimelinePng(data, { locale: 'en-GB' })).toBe(await renderTimelinePng(data));
  });

  test('GIVEN the uk map WHEN rendered THEN Ukraine is still yellow at its centroid', () => {
    const png = decodePng(pictures.get('map')!.png);
    const [x, y] = layoutMap(data, {}, 'uk').projection(
      geoCentroid(mainland(countryForIso2('UA')!)),
    )!;
    expect(colourDistance(png.pixel(x, y), rgb(THEMES.light.ukraine))).toBeLessThanOrEqual(3);
  });

  test('GIVEN the uk timeline WHEN drawn THEN its labels are Ukrainian, with the data’s Ukrainian names', () => {
    const svg = timelineSvg(data, { locale: 'uk' });
    expect(svg).toContain('Хорватія (спірна)');
    expect(svg).toContain('НАТО Вільнюс 11–12 лип. 2023');
    expect(svg).toContain('Європейський Союз');
    expect(svg).toContain('>ЄС<');
    expect(shownWords(svg)).not.toMatch(ENGLISH);
    expect(shownWords(timelineSvg(data))).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  test('GIVEN the uk map WHEN drawn THEN its labels are Ukrainian', () => {
    const svg = mapSvg(data, { locale: 'uk' });
    for (const text of [
      uk.pictures.map.title,
      'УКРАЇНА',
      'Дата підписання',
      'США, 13 черв. 2024',
    ]) {
      expect(svg).toContain(text);
    }
    expect(shownWords(svg)).not.toMatch(ENGLISH);
    expect(shownWords(mapSvg(data))).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  test.each(['map', 'timeline'])(
    'GIVEN the uk %s WHEN drawn and described THEN the Ukraine Compact has its Ukrainian name, in the picture and in its alt text',
    (name) => {
      const svg =
        name === 'map' ? mapSvg(data, { locale: 'uk' }) : timelineSvg(data, { locale: 'uk' });
      const picture = pictures.get(name)!;
      expect(shownWords(svg)).not.toContain('Compact');
      expect(picture.alt).not.toContain('Compact');
      expect(shownWords(svg)).toContain('Український компакт');
      expect(picture.alt).toContain('Український компакт');
      // English keeps the data's name.
      const english = name === 'map' ? mapSvg(data) : timelineSvg(data);
      expect(shownWords(english)).toContain('Ukraine Compact');
    },
  );
});

describe('labels fit, in both languages', () => {
  test.each(LOCALES)(
    'GIVEN %s WHEN the timeline is laid out as drawn, later records and all, THEN every row is inside the image and none overlaps',
    (locale) => {
      const layout = layoutTimeline(data.agreements, locale, later);
      expect(layout.rows.some((row) => row.content.kind === 'later')).toBe(true);
      const boxes = layout.rows.map(rowExtent);
      for (const box of boxes) {
        expect(box.left).toBeGreaterThanOrEqual(MARGIN);
        expect(box.right).toBeLessThanOrEqual(layout.width - MARGIN);
      }
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart =
            a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart).toBe(true);
        }
      }
      for (const row of layout.rows) {
        if (row.content.kind !== 'agreements' && row.content.kind !== 'later') continue;
        for (const pill of row.content.pills)
          expect(pill.font).toBeGreaterThanOrEqual(MIN_PILL_FONT);
      }
    },
  );

  test('GIVEN English WHEN laid out THEN no caption had to shrink (the committed pictures stay as they are)', () => {
    // The 31 as drawn beside the later records (whose long names may shrink, to MIN_PILL_FONT at most).
    const fonts = layoutTimeline(data.agreements, 'en', later).rows.flatMap((row) =>
      row.content.kind === 'agreements' ? row.content.pills.map((p) => p.font) : [],
    );
    expect(new Set(fonts)).toEqual(new Set([FONT.pill]));
    // Quarter months in regular type; January (and the first month, July 2023) bold with the year.
    for (const month of en.pictures.monthsShort) expect(axisFont(month, false)).toBe(FONT.axis);
    for (const label of ['Jan 2024', 'Jan 2025', 'Jul 2023']) {
      expect(axisFont(label, true)).toBe(FONT.axis);
    }
  });

  test.each(LOCALES)(
    'GIVEN %s WHEN the timeline’s headings and legend are measured THEN they fit across',
    (locale) => {
      const { title, subtitle } = timelineHeadings(data, locale);
      expect(40 + textWidth(title, FONT.title, true)).toBeLessThanOrEqual(WIDTH - MARGIN);
      expect(40 + textWidth(subtitle, FONT.subtitle)).toBeLessThanOrEqual(WIDTH - MARGIN);
      expect(legendRight(locale)).toBeLessThanOrEqual(WIDTH - MARGIN);
      expect(laterLegendRight(locale)).toBeLessThanOrEqual(WIDTH - MARGIN);
    },
  );

  const filters: MapFilter[] = [
    {},
    { year: 2024 },
    { year: 2025 },
    { dw21: true },
    { year: 2024, dw21: true },
    // Locators: the longest partner names.
    ...data.agreements.map((a) => ({ partner: a.id })),
  ];
  test.each(LOCALES.flatMap((locale) => filters.map((filter) => [locale, filter] as const)))(
    'GIVEN %s and filter %o WHEN the map’s headings are measured THEN they fit across',
    (locale, filter) => {
      const { title, subtitle } = mapHeadings(data, filter, locale);
      expect(FRAME.left + textWidth(title, MAP_FONT.title, true)).toBeLessThanOrEqual(
        1200 - MARGIN,
      );
      expect(FRAME.left + textWidth(subtitle, MAP_FONT.subtitle)).toBeLessThanOrEqual(
        1200 - MARGIN,
      );
    },
  );

  test.each(LOCALES)(
    'GIVEN %s WHEN the map’s side panel is measured THEN every label fits its column',
    (locale) => {
      const strings = stringsFor(locale);
      const m = strings.pictures.map;
      // The column's right edge, or at worst the image's: nothing may be cut off.
      const right = 1200 - MARGIN;
      const fits = (offset: number, label: string, size: number, bold = false) =>
        expect(SIDE.left + offset + textWidth(label, size, bold), label).toBeLessThanOrEqual(right);
      fits(0, m.dateSigned, MAP_FONT.side, true);
      for (const label of [
        m.ukraine,
        m.hatched,
        m.notPartnerHere,
        m.notPartner,
        m.otherCountries,
      ]) {
        fits(38, label, MAP_FONT.small);
      }
      fits(0, m.notCountries, MAP_FONT.small);
      const layout = layoutMap(data, {}, locale);
      for (const a of layout.notMapped) {
        for (const line of listedLines(a, strings)) fits(38, line, MAP_FONT.small);
      }
      for (const iso2 of ['US', 'CA', 'JP']) {
        const a = layout.partners.find((p) => p.iso2 === iso2)!.agreement;
        const label = `${partnerName(a, strings)}, ${shortDate(a.signed, strings.pictures)}`;
        expect(10 + textWidth(label, MAP_FONT.small, true)).toBeLessThanOrEqual(
          SIDE.right - SIDE.left,
        );
      }
      expect(layout.ukraineLabel.x + layout.ukraineLabel.width / 2).toBeLessThan(FRAME.right);
    },
  );
});
