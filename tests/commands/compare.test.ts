import { describe, expect, test } from 'vitest';
import { findCommand } from '../../src/commands/index.js';
import { compareAlt, compareSvg } from '../../src/render/pictures/compare.js';
import { expectWithinDiscordLimits, expectValidChoices } from '../helpers/limits.js';
import { input, testContext, testData } from '../helpers/context.js';

const data = testData();
const compare = findCommand('compare')!;

function fields(body: Awaited<ReturnType<typeof compare.respond>>) {
  return (body.embeds?.[0]?.fields ?? []).filter((f) => f.name !== '\u200b');
}

describe('GIVEN /compare', () => {
  test('WHEN Germany and Japan THEN each aspect for both, side by side', async () => {
    const body = await compare.respond(input({ first: 'Germany', second: 'jp' }), testContext());
    expectWithinDiscordLimits(body);
    const names = fields(body).map((f) => f.name);
    for (const aspect of [
      'Signed',
      'Term',
      '24-hour clause',
      'Signatories',
      'Commitments',
      'Status',
    ]) {
      expect(names).toContain(`${aspect}: Germany`);
      expect(names).toContain(`${aspect}: Japan`);
    }
    expect(fields(body).find((f) => f.name === 'Commitments: Japan')?.value).toContain(
      '**US$4.5bn, 2024**',
    );
    // Two columns: Discord puts three inline fields on a row, a spacer fills the third.
    expect(body.embeds![0]!.fields!.length % 3).toBe(0);
  });

  test('WHEN a side says nothing THEN "not stated in our sources", never "no"', async () => {
    const unknown = data.agreements.find(
      (a) => a.consultations24h === null && a.durationYears === null,
    );
    const other = unknown ?? data.agreements.find((a) => a.consultations24h === null)!;
    const body = await compare.respond(input({ first: 'de', second: other.id }), testContext());
    const clause = fields(body).find(
      (f) => f.name.startsWith('24-hour clause') && !f.name.endsWith('Germany'),
    );
    expect(clause?.value).toBe('Not stated in our sources');
    expect(JSON.stringify(body)).not.toMatch(/"No"|: No\b/);
  });

  test('WHEN the same agreement twice THEN an ephemeral answer with a hint', async () => {
    const body = await compare.respond(
      input({ first: 'Germany', second: 'Німеччина' }),
      testContext(),
    );
    expect(body.flags).toBe(64);
    expect(body.content).toContain('Pick two different agreements');
  });

  test('WHEN a side is unknown THEN the /agreement answer for it, ephemeral', async () => {
    const body = await compare.respond(
      input({ first: 'Germany', second: 'Atlantis' }),
      testContext(),
    );
    expect(body.flags).toBe(64);
    expect(body.content).toContain('Atlantis');
  });

  test('WHEN picture:true THEN a chart with alt text naming each amount', async () => {
    const body = await compare.respond(
      input({ first: 'uk', second: 'France', picture: true }, { locale: 'uk' }),
      testContext(),
    );
    expectWithinDiscordLimits(body);
    const file = body.files?.[0];
    expect(file?.name).toBe('compare.png');
    expect(file?.data.subarray(1, 4).toString()).toBe('PNG');
    expect(file?.description).toMatch(/2,5\sмлрд фунтів стерлінгів/);
    expect(file?.description).toMatch(/3\sмлрд євро/);
    expect(body.embeds?.[0]?.image?.url).toBe('attachment://compare.png');
  });

  test('THEN the chart shows only commitments with amounts, and says so for a side with none', () => {
    const g7 = data.agreementById.get('g7-declaration')!;
    const de = data.agreementById.get('de')!;
    expect(compareAlt(g7, de)).toContain('G7 declaration: no amounts stated in our sources.');
    const svg = compareSvg(g7, de);
    expect(svg).toContain('No amounts stated in our sources');
    expect(svg).toContain('€7.1bn');
  });

  test('WHEN either side is typed THEN autocomplete offers partners', () => {
    const choices = compare.autocomplete!(
      { ...input(), focused: { name: 'second', value: 'jap' } },
      testContext(),
    );
    expectValidChoices(choices);
    expect(choices[0]?.value).toBe('jp');
  });
});
