import { describe, expect, test } from 'vitest';
import { about } from '../../src/commands/about.js';
import { map } from '../../src/commands/map.js';
import type { Agreement } from '../../src/data/schema.js';
import { stringsFor, type Language } from '../../src/i18n/index.js';
import { shortDate } from '../../src/lookup/choices.js';
import { renderAgreement } from '../../src/render/agreement.js';
import { discordDate } from '../../src/render/format.js';
import { renderAnniversaryPost, renderDigestPost } from '../../src/render/posts.js';
import { renderQuote } from '../../src/render/quote.js';
import { input, testContext, testData } from '../helpers/context.js';

// Issue 15, "Words": each phrase a reader tripped on, traced to where it is made.
const data = testData();
const en = stringsFor('en');
const uk = stringsFor('uk');

function agreementFor(id: string): Agreement {
  const agreement = data.agreementById.get(id);
  if (!agreement) throw new Error(`no agreement ${id}`);
  return agreement;
}

function quoteFor(id: string) {
  const quote = data.quotes.find((q) => q.id === id);
  const speaker = quote && data.personById.get(quote.speakerId);
  if (!quote || !speaker) throw new Error(`no quote ${id}`);
  return { quote, speaker };
}

const anniversaryOf = (id: string, language: Language = 'en') => {
  const agreement = agreementFor(id);
  return renderAnniversaryPost({
    localDate: `2026-${agreement.signed.slice(5)}`,
    agreements: [agreement],
    pingRoleId: null,
    language,
  }).body;
};

describe('a partner inside a sentence takes its article', () => {
  test.each([
    ['gb', 'Ukraine and 🇬🇧 the United Kingdom signed their security agreement'],
    ['nl', 'Ukraine and 🇳🇱 the Netherlands signed their security agreement'],
    ['de', 'Ukraine and 🇩🇪 Germany signed their security agreement'],
  ])('GIVEN the anniversary of %s THEN the sentence reads "%s"', (id, sentence) => {
    expect(anniversaryOf(id).content).toContain(sentence);
  });

  test('GIVEN the G7 declaration anniversary THEN it says "the G7 declaration was signed" once', () => {
    const { content } = anniversaryOf('g7-declaration');
    expect(content).toContain('the G7 declaration was signed');
    expect(content).not.toMatch(/the the/i);
  });

  test('GIVEN /map partner:US THEN the description says "Where the United States is"', async () => {
    const body = await map.respond(input({ partner: 'us' }), testContext());
    const description = body.embeds?.[0]?.description ?? '';
    expect(description).toContain('Where the United States is');
    // The command to type stays the bare name, as Discord's own option would take it.
    expect(description).toContain('`/agreement partner:United States`');
  });

  test.each([
    ['eu', 'The map cannot show 🇪🇺 the European Union: it is not a country.'],
    ['g7-declaration', 'The map cannot show the G7 declaration: it is not a country.'],
  ])('GIVEN /map partner:%s THEN the refusal reads "%s"', async (id, sentence) => {
    const body = await map.respond(input({ partner: id }), testContext());
    expect(body.content).toContain(sentence);
  });

  test('GIVEN the UK agreement THEN its signatories are "For the United Kingdom"', () => {
    const names = renderAgreement(agreementFor('gb'), en).embeds![0]!.fields!.map((f) => f.name);
    expect(names).toContain('For the United Kingdom');
  });

  test.each(['g7-declaration', 'ukraine-compact'])(
    'GIVEN framework document %s THEN its other side is "the partners", not the document',
    (id) => {
      for (const [strings, heading] of [
        [en, 'For the partners'],
        [uk, 'Підписанти: партнери'],
      ] as const) {
        const names = renderAgreement(agreementFor(id), strings).embeds![0]!.fields!.map(
          (f) => f.name,
        );
        expect(names).toContain(heading);
        expect(names.join(' ')).not.toMatch(/For (the )?(G7 declaration|Ukraine Compact)/);
      }
    },
  );
});

describe('a title that is only the name is said once', () => {
  test('GIVEN the Ukraine Compact WHEN shown THEN its heading is "Ukraine Compact", not twice', () => {
    expect(renderAgreement(agreementFor('ukraine-compact'), en).embeds![0]!.title).toBe(
      'Ukraine Compact',
    );
    const field = anniversaryOf('ukraine-compact').embeds[0]!.fields![0]!;
    expect(field.name).toBe('Ukraine Compact');
  });

  test('GIVEN the Compact featured in a digest THEN its title does not follow its name', () => {
    const compact = agreementFor('ukraine-compact');
    const digest = renderDigestPost({
      localDate: '2026-07-06',
      upcoming: [],
      featured: compact,
      quote: null,
      pingRoleId: null,
    });
    const featured = digest.body.embeds[0]!.fields!.find((f) => f.name.startsWith('Featured'))!;
    expect(featured.name).toBe('Featured: Ukraine Compact');
    expect(featured.value).not.toMatch(/^\*\*Ukraine Compact\*\*/);
    expect(featured.value.split('\n')[0]).toBe(en.posts.status.framework);
  });

  test('GIVEN Germany THEN the heading still carries its title', () => {
    expect(renderAgreement(agreementFor('de'), en).embeds![0]!.title).toBe(
      `🇩🇪 Germany: ${agreementFor('de').title}`,
    );
  });
});

describe('quotes: their date and their language', () => {
  test.each([
    ['en', en, 'Not given; reported'],
    ['uk', uk, 'Не вказано; опубліковано'],
  ] as const)(
    'GIVEN an undated quote from the DW article in %s THEN it says when DW reported it',
    (_language, strings, words) => {
      const { quote, speaker } = quoteFor('jamie-shea-1');
      expect(quote.date).toBeNull();
      const date = renderQuote(quote, speaker, strings).embeds![0]!.fields!.find(
        (f) => f.name === strings.quote.date,
      );
      expect(date?.value).toBe(`${words} ${discordDate('2024-07-11')}`);
      expect(date?.value).not.toBe(strings.quote.undated);
    },
  );

  test('GIVEN the G7 declaration text THEN it is not labelled a translation from Ukrainian', () => {
    const { quote, speaker } = quoteFor('g7-declaration-text-1');
    const footer = renderQuote(quote, speaker, en).embeds![0]!.footer!.text;
    expect(footer).not.toContain(en.quote.translation);
    expect(footer).not.toMatch(/translat|Ukrainian/i);
  });

  test.each([
    ['en', en],
    ['uk', uk],
  ] as const)(
    'GIVEN the UK agreement text in %s THEN it is DW’s wording of a document, not a translated speaker',
    (_language, strings) => {
      const { quote, speaker } = quoteFor('uk-agreement-text-1');
      const footer = renderQuote(quote, speaker, strings).embeds![0]!.footer!.text;
      expect(footer).toContain(strings.quote.translationDocument);
      expect(footer).not.toContain(strings.quote.translation);
    },
  );

  test('GIVEN a speaker quoted by DW THEN the translation label stays', () => {
    const { quote, speaker } = quoteFor('jamie-shea-1');
    expect(renderQuote(quote, speaker, en).embeds![0]!.footer!.text).toContain(
      en.quote.translation,
    );
  });
});

describe('one date style', () => {
  test.each([
    ['2024-09-04', 'en', '4 Sep 2024'],
    ['2024-06-13', 'en', '13 Jun 2024'],
    ['2024-09-04', 'uk', '4 вер. 2024'],
  ])(
    'GIVEN %s in %s autocomplete THEN it is "%s", as the pictures write it',
    (date, locale, text) => {
      expect(shortDate(date, locale)).toBe(text);
    },
  );

  test('GIVEN every note and context THEN a day and month are written out in full ("4 September")', () => {
    const texts = [
      ...data.agreements.flatMap((a) => a.notes),
      ...data.quotes.map((q) => q.context),
    ];
    expect(
      texts.filter((t) => /\b\d{1,2} (Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec)\b/.test(t)),
    ).toEqual([]);
  });
});

describe('/about: the report link', () => {
  test.each(['en-US', 'uk'])(
    'GIVEN a report address in %s THEN nothing is glued to the link',
    async (locale) => {
      const url = 'https://github.com/example/bot/issues';
      const body = await about.respond(input({}, { locale }), testContext({ reportUrl: url }));
      const report = body.embeds![0]!.fields!.at(-1)!.value;
      expect(report).toContain(url);
      expect(report.slice(report.indexOf(url) + url.length)).toBe('');
    },
  );
});

describe('a doubtful fact is flagged where it is read', () => {
  // No record leaves its date open now (Albania's is stated by two sources), so a copy does.
  const doubtful: Agreement = {
    ...agreementFor('al'),
    unconfirmed: ['signed', 'place', 'commitments.1'],
  };

  test.each([
    ['en', en, ' (unconfirmed)'],
    ['uk', uk, uk.posts.unconfirmed],
  ] as const)(
    'GIVEN an unconfirmed date, place and commitment in %s THEN the Signed field and the list flag each',
    (_language, strings, flag) => {
      const fields = renderAgreement(doubtful, strings).embeds![0]!.fields!;
      const signed = fields.find((f) => f.name === strings.agreement.signed)!.value;
      expect(signed.split('\n')[0]).toBe(`${discordDate(doubtful.signed)}${flag}`);
      expect(signed.split('\n')[1]).toMatch(new RegExp(`${escape(flag)}$`));
      const commitments = fields.find((f) => f.name === strings.agreement.commitments)!.value;
      const lines = commitments.split('\n');
      expect(lines[1]).toMatch(/^2\. /);
      expect(lines[1]).toMatch(new RegExp(`${escape(flag)}$`));
      expect(lines[0]).not.toContain(flag);
    },
  );

  test.each([
    ['en', ' (date unconfirmed)'],
    ['uk', uk.posts.dateUnconfirmed],
  ] as const)(
    'GIVEN an unconfirmed date in %s THEN the anniversary sentence and the digest line flag it',
    (language, flag) => {
      const localDate = '2026-01-21';
      const anniversary = renderAnniversaryPost({
        localDate,
        agreements: [doubtful],
        pingRoleId: null,
        language,
      }).body;
      expect(anniversary.content.split('\n')[0]).toContain(
        `${discordDate(doubtful.signed)}${flag}`,
      );
      const digest = renderDigestPost({
        localDate: '2026-01-19',
        upcoming: [{ date: localDate, agreement: doubtful, years: 1 }],
        featured: agreementFor('de'),
        quote: null,
        pingRoleId: null,
        language,
      }).body;
      expect(digest.embeds[0]!.fields![0]!.value).toContain(`${discordDate(localDate)}${flag}`);
    },
  );

  test('GIVEN a confirmed date THEN nothing is flagged', () => {
    const fields = renderAgreement(agreementFor('al'), en).embeds![0]!.fields!;
    expect(JSON.stringify(fields)).not.toContain('unconfirmed');
    expect(anniversaryOf('al').content).not.toContain('unconfirmed');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
