import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/data/load.js';
import type { Quote } from '../../src/data/schema.js';
import {
  findQuotes,
  pickQuote,
  resolveSpeaker,
  speakerChoiceName,
  suggestSpeakers,
} from '../../src/lookup/speakers.js';
import { LIMITS } from '../../src/render/limits.js';

const data = loadData();

function idsOf(match: ReturnType<typeof resolveSpeaker>): string[] {
  if (match.kind === 'found') return [match.person.id];
  return (match.kind === 'ambiguous' ? match.candidates : match.suggestions).map((p) => p.id);
}

function person(id: string) {
  const found = data.personById.get(id);
  if (!found) throw new Error(`no person ${id}`);
  return found;
}

describe('resolveSpeaker', () => {
  test.each([
    ['jamie-shea', 'jamie-shea'],
    ['Shea', 'jamie-shea'],
    ['shea', 'jamie-shea'],
    ['SHEA', 'jamie-shea'],
    ['Jamie Shea', 'jamie-shea'],
    ['Jamie', 'jamie-shea'],
    ['Shae', 'jamie-shea'],
    ['Krayev', 'oleksandr-krayev'],
    ['Kraiev', 'oleksandr-krayev'],
    ['Краєв', 'oleksandr-krayev'],
    ['Олександр Краєв', 'oleksandr-krayev'],
    ['Tusk', 'donald-tusk'],
    ['Туск', 'donald-tusk'],
    ['Zelensky', 'volodymyr-zelenskyy'],
    ['Zelenskiy', 'volodymyr-zelenskyy'],
    ['Зеленський', 'volodymyr-zelenskyy'],
    ['Zelenskky', 'volodymyr-zelenskyy'],
    ['von der Leyen', 'ursula-von-der-leyen'],
    ['Leyen', 'ursula-von-der-leyen'],
    ['Burkovsky', 'petro-burkovskyi'],
    ['Бурковський', 'petro-burkovskyi'],
    ['Scholz', 'olaf-scholz'],
    ['Olaf', 'olaf-scholz'],
    ['Kristerson', 'ulf-kristersson'],
    ['  **Sunak**  ', 'rishi-sunak'],
    ['G7', 'g7-declaration-text'],
  ])('GIVEN the query %j WHEN resolved THEN the speaker is %s', (query, id) => {
    const match = resolveSpeaker(query, data);
    expect(match.kind).toBe('found');
    expect(idsOf(match)).toEqual([id]);
  });

  test.each([
    ['empty', ''],
    ['a letter', 'x'],
    ['a mention', '@everyone'],
    ['control chars', '\u0000\u202e\u200b'],
    ['6000 characters', 'z'.repeat(6000)],
    ['someone we do not quote', 'Vladimir Nabokov'],
  ])('GIVEN %s WHEN resolved THEN it does not throw and is not found', (_label, query) => {
    const match = resolveSpeaker(query, data);
    expect(match.kind).not.toBe('found');
    expect(idsOf(match).length).toBeLessThanOrEqual(5);
  });
});

describe('suggestSpeakers', () => {
  const within = (choices: ReturnType<typeof suggestSpeakers>) => {
    expect(choices.length).toBeLessThanOrEqual(LIMITS.autocompleteChoices);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(choice.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
      expect(data.personById.has(choice.value)).toBe(true);
    }
  };

  test('GIVEN an empty query WHEN suggested THEN the most quoted come first', () => {
    const choices = suggestSpeakers('', data, 'en-US');
    within(choices);
    const counts = choices.map((c) => data.quotesBySpeaker.get(c.value)?.length ?? 0);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  test('GIVEN "sh" WHEN suggested THEN Jamie Shea is first, with organisation and quote count', () => {
    const choices = suggestSpeakers('sh', data, 'en');
    const count = data.quotesBySpeaker.get('jamie-shea')?.length ?? 0;
    expect(choices[0]).toEqual({
      name: `Jamie Shea — Friends of Europe (${count} quotes)`,
      value: 'jamie-shea',
    });
  });

  test.each([
    ['Shae', 'jamie-shea'],
    ['zel', 'volodymyr-zelenskyy'],
    ['Зел', 'volodymyr-zelenskyy'],
    ['olaf-scholz', 'olaf-scholz'],
  ])('GIVEN %j WHEN suggested THEN %s is first', (query, id) => {
    expect(suggestSpeakers(query, data, 'en')[0]?.value).toBe(id);
  });

  test.each([
    ['a 6000-character query', 'Shea '.repeat(1200)],
    ['emoji', '😀'.repeat(3000)],
    ['a mention', '@everyone'],
  ])('GIVEN %s WHEN suggested THEN the choices stay within limits', (_label, query) => {
    within(suggestSpeakers(query, data, 'en'));
    within(suggestSpeakers(query, data, 'uk'));
  });

  test('GIVEN the uk locale WHEN suggested THEN the Ukrainian name and plural are used', () => {
    const krayev = suggestSpeakers('krayev', data, 'uk')[0];
    expect(krayev?.value).toBe('oleksandr-krayev');
    expect(krayev?.name).toMatch(/^Олександр Краєв — .+ \(\d+ цитат[аи]?\)$/);
  });

  test.each([
    [1, 'en', '(1 quote)'],
    [2, 'en', '(2 quotes)'],
    [1, 'uk', '(1 цитата)'],
    [3, 'uk', '(3 цитати)'],
    [5, 'uk', '(5 цитат)'],
    [21, 'uk', '(21 цитата)'],
  ])('GIVEN %i quotes in locale %s WHEN labelled THEN it ends %j', (count, locale, ending) => {
    expect(speakerChoiceName(person('donald-tusk'), count, locale).endsWith(ending)).toBe(true);
  });

  test('GIVEN a very long organisation WHEN labelled THEN it is cut and the count kept', () => {
    const long = {
      ...person('donald-tusk'),
      organisation: { en: 'Ministry '.repeat(40), uk: null },
    };
    const name = speakerChoiceName(long, 2, 'en');
    expect(name.length).toBeLessThanOrEqual(LIMITS.choiceName);
    expect(name.startsWith('Donald Tusk — Ministry')).toBe(true);
    expect(name.endsWith('… (2 quotes)')).toBe(true);
  });
});

describe('findQuotes', () => {
  const ids = (quotes: Quote[]) => quotes.map((q) => q.id);

  test('GIVEN a speaker and no topic WHEN searched THEN all their quotes come, in data order', () => {
    expect(ids(findQuotes({ speakerId: 'jamie-shea' }, data))).toEqual(
      ids([...(data.quotesBySpeaker.get('jamie-shea') ?? [])]),
    );
  });

  test('GIVEN no speaker and no topic WHEN searched THEN every quote comes', () => {
    expect(findQuotes({}, data)).toHaveLength(data.quotes.length);
  });

  test.each([
    ['guarantee', ['jamie-shea-4', 'jamie-shea-5']],
    ['GUARANTEES', ['jamie-shea-4', 'jamie-shea-5']],
    ['guar', ['jamie-shea-4', 'jamie-shea-5']],
    ['psychological', ['jamie-shea-1']],
    ['Psychologícal!', ['jamie-shea-1']],
    ['article 5', ['jamie-shea-4']],
    ['uarantee', []],
    ['nonexistentword', []],
  ])('GIVEN Shea and the topic %j WHEN searched THEN the quotes are %j', (topic, expected) => {
    expect(ids(findQuotes({ speakerId: 'jamie-shea', topic }, data))).toEqual(expected);
  });

  test('GIVEN only a topic WHEN searched THEN quotes of every speaker that mention it come', () => {
    const found = findQuotes({ topic: 'Poland' }, data);
    expect(ids(found)).toContain('donald-tusk-1');
    for (const quote of found) expect(`${quote.text} ${quote.context}`).toMatch(/poland/i);
    const speakers = new Set(findQuotes({ topic: 'Zelensky' }, data).map((q) => q.speakerId));
    expect(speakers.size).toBeGreaterThan(1);
  });

  test('GIVEN a topic in the context only WHEN searched THEN the quote is found', () => {
    expect(ids(findQuotes({ topic: 'Stockholm' }, data))).toEqual(['ulf-kristersson-1']);
  });

  test.each([
    ['an unknown speaker', { speakerId: 'nobody' }, 0],
    ['a topic of symbols only', { speakerId: 'jamie-shea', topic: '!!!' }, 5],
    ['a 6000-character topic', { topic: 'x'.repeat(6000) }, 0],
  ])('GIVEN %s WHEN searched THEN it does not throw', (_label, filter, count) => {
    const expected = count === 5 ? (data.quotesBySpeaker.get('jamie-shea')?.length ?? 0) : count;
    expect(findQuotes(filter, data)).toHaveLength(expected);
  });
});

describe('pickQuote', () => {
  const quotes = [...data.quotes];

  test.each([
    [0, 0],
    [0.5, Math.floor(0.5 * quotes.length)],
    [0.999999, quotes.length - 1],
    [1, quotes.length - 1],
    [-0.5, 0],
    [Number.NaN, 0],
  ])('GIVEN random() = %d WHEN picking THEN quote %i comes', (value, index) => {
    expect(pickQuote(quotes, () => value)).toBe(quotes[index]);
  });

  test('GIVEN the same random sequence WHEN picking twice THEN the picks are the same', () => {
    const sequence = () => {
      let seed = 42;
      return () => {
        seed = (seed * 16807) % 2147483647;
        return (seed - 1) / 2147483646;
      };
    };
    const first = sequence();
    const second = sequence();
    const a = Array.from({ length: 10 }, () => pickQuote(quotes, first)?.id);
    const b = Array.from({ length: 10 }, () => pickQuote(quotes, second)?.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  test('GIVEN no quotes WHEN picking THEN nothing comes', () => {
    expect(pickQuote([], () => 0.3)).toBeUndefined();
  });
});
