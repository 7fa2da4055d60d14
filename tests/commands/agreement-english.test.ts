import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { agreement } from '../../src/commands/agreement.js';
import { answerEnglishOriginal } from '../../src/render/subject-answer.js';
import { en } from '../../src/i18n/en.js';
import { uk } from '../../src/i18n/uk.js';
import { englishOriginalId } from '../../src/render/record.js';
import { isEphemeral, type ReplyBody } from '../../src/render/reply.js';
import { echoUserText } from '../../src/render/user-text.js';
import { expectWithinDiscordLimits } from '../helpers/limits.js';
import { input, testContext, testData } from '../helpers/context.js';

/*
 * Issue 12, Ukrainian: a later record's Ukrainian reply is (mostly) our translation, so its
 * English original is one click away: a button whose custom_id carries the record id, answered
 * to the clicker alone with the English reply, the public message left as it is.
 */

const data = testData();
const translated = data.records.filter((r) =>
  [r.title, ...r.commitments.map((c) => c.text), ...r.notes.map((n) => n.text)].some(
    (t) => t.ukIsTranslation,
  ),
);

function buttonsOf(body: ReplyBody) {
  return (body.components ?? []).flatMap((row) => row.components);
}

async function reply(partner: string, locale: string): Promise<ReplyBody> {
  return agreement.respond(input({ partner }, { locale }), testContext());
}

describe('the English original of a later record', () => {
  test('GIVEN the bundled records THEN most hold our translations (the cases below are not empty)', () => {
    expect(translated.length).toBeGreaterThanOrEqual(5);
  });

  test.each(translated.map((r) => [r.id]))(
    'GIVEN record %s asked in Ukrainian THEN its reply says the text is ours and has an "English original" button carrying its id',
    async (id) => {
      const body = await reply(id, 'uk');
      expectWithinDiscordLimits(body);
      expect(body.embeds?.[0]?.description).toContain(uk.record.translated);
      const original = buttonsOf(body).find(
        (b) => b.type === ComponentType.Button && b.style === ButtonStyle.Secondary,
      );
      expect(original).toMatchObject({
        label: uk.record.englishOriginal,
        custom_id: `agreement:en:${id}`,
      });
      expect(englishOriginalId(id).length).toBeLessThanOrEqual(100);
    },
  );

  test.each(translated.map((r) => [r.id]))(
    'GIVEN record %s asked in English THEN there is no such button (the text is the original)',
    async (id) => {
      const body = await reply(id, 'en-US');
      const labels = buttonsOf(body).map((b) => ('label' in b ? b.label : undefined));
      expect(labels).not.toContain(en.record.englishOriginal);
      expect(labels).not.toContain(uk.record.englishOriginal);
    },
  );

  test.each(translated.map((r) => [r.id]))(
    'GIVEN the button of record %s pressed by a Ukrainian member THEN the English reply, to them alone, as a reply of its own',
    async (id) => {
      const record = data.recordById.get(id)!;
      const body = await agreement.button!(
        { ...input({}, { locale: 'uk' }), args: ['en', id] },
        testContext(),
      );
      expect(isEphemeral(body)).toBe(true);
      expect(body.replyApart).toBe(true);
      expectWithinDiscordLimits(body);
      const english = await reply(id, 'en-US');
      expect(body.embeds).toEqual(english.embeds);
      expect(body.embeds?.[0]?.title).toContain(record.title.en);
      // Every commitment's English text is there in full or cut with an ellipsis, never translated.
      const shown = JSON.stringify(body.embeds);
      for (const c of record.commitments) expect(shown).toContain(c.text.en.slice(0, 40));
      expect(shown).not.toContain(uk.record.translated);
    },
  );

  test.each([
    ['a record removed since the message was sent', ['en', 'atlantis-pact']],
    ['no id', ['en']],
    ['an unknown action', ['xx', translated[0]!.id]],
    ['a hostile id', ['en', '@everyone <@&1> ``` **x**']],
  ])(
    'GIVEN %s WHEN pressed THEN an ephemeral note in the clicker’s language, the id echoed inert',
    (_, args) => {
      for (const [locale, strings] of [
        ['uk', uk],
        ['en-US', en],
      ] as const) {
        const body = answerEnglishOriginal(args, data, locale);
        expect(isEphemeral(body)).toBe(true);
        expect(body.replyApart).toBe(true);
        expect(body.embeds ?? []).toEqual([]);
        expect(body.content).toBe(strings.record.englishOriginalGone(echoUserText(args[1] ?? '')));
        expect(body.content).not.toContain('<@&1>');
        expect(body.content).not.toMatch(/(^|[^\\])@everyone/);
      }
    },
  );
});
