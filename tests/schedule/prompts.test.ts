import { describe, expect, test } from 'vitest';
import { DataError } from '../../src/data/load.js';
import promptsJson from '../../src/data/prompts.json' with { type: 'json' };
import { renderPromptPost } from '../../src/render/posts.js';
import {
  loadPrompts,
  markPromptSeen,
  nextPrompt,
  promptSources,
} from '../../src/schedule/prompts.js';
import { data, prompts } from './helpers.js';

describe('the prompt bank', () => {
  test('GIVEN the bundled bank WHEN loaded THEN it holds at least 30 prompts, each grounded in data that exists', () => {
    expect(prompts.prompts.length).toBeGreaterThanOrEqual(30);
    for (const prompt of prompts.prompts) {
      expect(
        prompt.agreementIds.length + prompt.quoteIds.length + prompt.recordIds.length,
      ).toBeGreaterThan(0);
    }
  });

  test('GIVEN the bank WHEN searched THEN Shea\'s "psychological rather than material" has a prompt', () => {
    const shea = prompts.prompts.find((p) => p.quoteIds.includes('jamie-shea-1'));
    expect(shea?.question.en).toContain('psychological rather than material');
  });

  test('GIVEN prompts that quote a source WHEN checked THEN every quoted fragment appears in the quote or agreement it names', () => {
    for (const prompt of prompts.prompts) {
      const quoted = [...prompt.question.en.matchAll(/"([^"]+)"/g)].map((m) =>
        m[1]!.replace(/[.,]$/, ''),
      );
      const texts = [
        ...prompt.quoteIds.map((id) => data.quotes.find((q) => q.id === id)!.text),
        ...prompt.agreementIds.flatMap((id) => {
          const a = data.agreementById.get(id)!;
          return [...a.commitments.map((c) => c.text), ...a.notes];
        }),
      ].map((t) => t.replace(/\u00a0/g, ' ').replace(/’/g, "'"));
      for (const fragment of quoted) {
        expect(
          texts.some((t) => t.includes(fragment)),
          `${prompt.id}: "${fragment}"`,
        ).toBe(true);
      }
    }
  });

  const bad = (change: Record<string, unknown>) => [
    { ...promptsJson[0], ...change },
    ...promptsJson.slice(1),
  ];
  test.each([
    ['an unknown agreement', { agreementIds: ['atlantis'] }, 'no agreement "atlantis"'],
    ['an unknown quote', { quoteIds: ['nobody-1'] }, 'no quote "nobody-1"'],
    ['an unknown later record', { recordIds: ['atlantis-2026'] }, 'no record "atlantis-2026"'],
    ['no grounding at all', { agreementIds: [], quoteIds: [] }, 'at least one agreement or quote'],
    [
      'an answer over 55 characters',
      { poll: { answers: ['x'.repeat(56), 'y'], allowMultiselect: false } },
      'poll',
    ],
    [
      '11 answers',
      { poll: { answers: Array.from({ length: 11 }, (_, i) => `a${i}`), allowMultiselect: false } },
      'poll',
    ],
    ['a question over 300 characters', { question: 'q'.repeat(301) }, 'question'],
    ['a duplicate id', { id: promptsJson[1]!.id }, 'duplicate id'],
  ])(
    'GIVEN a bank with %s WHEN loaded THEN it fails naming the problem',
    (_name, change, message) => {
      expect(() => loadPrompts(data, bad(change))).toThrow(DataError);
      expect(() => loadPrompts(data, bad(change))).toThrow(message);
    },
  );
});

describe('rotation', () => {
  const ids = prompts.prompts.map((p) => p.id);

  test('GIVEN nothing seen WHEN the next is asked THEN it is the first of the bank', () => {
    expect(nextPrompt(prompts, []).id).toBe(ids[0]);
  });

  test('GIVEN some seen out of order WHEN the next is asked THEN it is the first unseen', () => {
    expect(nextPrompt(prompts, [ids[0]!, ids[2]!]).id).toBe(ids[1]);
  });

  test('GIVEN all but the last seen WHEN the last is marked THEN a new round starts holding only it', () => {
    const seen = markPromptSeen(prompts, ids.slice(0, -1), ids.at(-1)!);
    expect(seen).toEqual([ids.at(-1)]);
    expect(nextPrompt(prompts, seen).id).toBe(ids[0]);
  });

  test('GIVEN a seen list naming prompts no longer in the bank WHEN marked THEN they are dropped', () => {
    expect(markPromptSeen(prompts, ['retired-prompt'], ids[0]!)).toEqual([ids[0]]);
  });

  test('GIVEN every prompt seen (the bank shrank) WHEN the next is asked and marked THEN the round restarts without repeating', () => {
    const first = nextPrompt(prompts, ids);
    const seen = markPromptSeen(prompts, ids, first.id);
    expect(first.id).toBe(ids[0]);
    expect(nextPrompt(prompts, seen).id).toBe(ids[1]);
  });
});

describe('the prompt bank in Ukrainian', () => {
  test.each(prompts.prompts.map((p) => [p.id, p] as const))(
    'GIVEN prompt %s THEN its Ukrainian question and answers exist, fit, and quote nobody',
    (_id, prompt) => {
      expect(prompt.question.uk).toMatch(/\p{Script=Cyrillic}/u);
      expect(prompt.question.uk).not.toBe(prompt.question.en);
      expect(prompt.question.uk.length).toBeLessThanOrEqual(300);
      // A quote exists only in the language of its source: Ukrainian retells, never quotes.
      expect(prompt.question.uk).not.toMatch(/["«»“”„]/);
      if (prompt.poll) {
        expect(prompt.poll.answers.uk).toHaveLength(prompt.poll.answers.en.length);
        for (const answer of prompt.poll.answers.uk) {
          expect(answer.length).toBeLessThanOrEqual(55);
          expect(answer).toMatch(/\p{Script=Cyrillic}/u);
        }
      }
    },
  );

  test.each([
    [
      'a Ukrainian answer over 55 characters',
      { answers: { en: ['a', 'b'], uk: ['я'.repeat(56), 'б'] }, allowMultiselect: false },
      'poll',
    ],
    [
      'fewer Ukrainian answers than English',
      { answers: { en: ['a', 'b', 'c'], uk: ['а', 'б'] }, allowMultiselect: false },
      'one answer per English answer',
    ],
    [
      'a duplicate Ukrainian answer',
      { answers: { en: ['a', 'b'], uk: ['так', 'Так'] }, allowMultiselect: false },
      'answers.uk: duplicate answer',
    ],
  ])('GIVEN %s WHEN loaded THEN it is refused', (_, poll, message) => {
    const raw = [{ ...promptsJson[0], poll }, ...promptsJson.slice(1)];
    expect(() => loadPrompts(data, raw)).toThrow(message);
  });

  test('GIVEN a prompt without a Ukrainian question WHEN loaded THEN it is refused', () => {
    const { uk: _, ...withoutUk } = promptsJson[0]!.question;
    const raw = [{ ...promptsJson[0], question: withoutUk }, ...promptsJson.slice(1)];
    expect(() => loadPrompts(data, raw)).toThrow('question.uk');
  });
});

describe('prompts grounded in the later records', () => {
  const later = prompts.prompts.filter((p) => p.recordIds.length > 0);

  test('GIVEN the bank THEN at least 10 prompts start from the 2025–2026 records, in both languages', () => {
    expect(later.length).toBeGreaterThanOrEqual(10);
    for (const prompt of later) expect(prompt.question.uk).toMatch(/\p{Script=Cyrillic}/u);
  });

  test('GIVEN such a prompt THEN every record it names exists and is shown with it', () => {
    for (const prompt of later) {
      const { records } = promptSources(prompt, data);
      expect(records.map((r) => r.id)).toEqual(prompt.recordIds);
      const { body } = renderPromptPost({
        prompt,
        ...promptSources(prompt, data),
        cadence: 'daily',
        localDate: '2026-12-01',
        pingRoleId: null,
        language: 'en',
      });
      const shown = JSON.stringify(body.embeds);
      for (const record of records) expect(shown).toContain(record.title.en);
    }
  });
});
