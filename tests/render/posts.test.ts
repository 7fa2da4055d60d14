import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { totalEmbedLength } from '../../src/render/fit.js';
import { LIMITS } from '../../src/render/limits.js';
import {
  renderAnniversaryPost,
  renderDigestPost,
  renderPromptPost,
  termLine,
  THREAD_NAME_MAX,
  type PostBody,
  type ScheduledMessage,
} from '../../src/render/posts.js';
import { anniversariesOn, computeDue } from '../../src/schedule/due.js';
import { data, prompts, settings } from '../schedule/helpers.js';

const ROLE = '555555555555555555';
const agreement = (id: string) => data.agreementById.get(id)!;
type PromptInput = Parameters<typeof renderPromptPost>[0];

/** A prompt's grounding as the runner passes it: its agreements, and its quotes with speakers. */
function groundingOf(prompt: (typeof prompts.prompts)[number]) {
  return {
    agreements: prompt.agreementIds.map(agreement),
    quotes: prompt.quoteIds.map((id) => {
      const quote = data.quotes.find((q) => q.id === id)!;
      return { quote, speaker: data.personById.get(quote.speakerId) };
    }),
  };
}

function expectWithinLimits({ body, thread }: ScheduledMessage): void {
  expect(body.content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(body.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  expect(totalEmbedLength(body.embeds)).toBeLessThanOrEqual(LIMITS.embedTotal);
  for (const embed of body.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.embedFieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
      expect(field.value.length).toBeGreaterThan(0);
    }
  }
  if (body.poll) {
    expect(body.poll.question.text!.length).toBeLessThanOrEqual(LIMITS.pollQuestion);
    expect(body.poll.answers.length).toBeLessThanOrEqual(LIMITS.pollAnswers);
    for (const answer of body.poll.answers)
      expect(answer.poll_media.text!.length).toBeLessThanOrEqual(LIMITS.pollAnswer);
  }
  if (thread) expect(thread.name.length).toBeLessThanOrEqual(THREAD_NAME_MAX);
}

describe('mentions', () => {
  test.each([
    [null, { parse: [] }, false],
    [ROLE, { parse: [], roles: [ROLE] }, true],
  ])(
    'GIVEN ping role %s WHEN any post is rendered THEN allowed_mentions is %j',
    (pingRoleId, mentions, pinged) => {
      const bodies: PostBody[] = [
        renderAnniversaryPost({
          localDate: '2026-02-16',
          agreements: [agreement('de')],
          pingRoleId,
        }).body,
        renderDigestPost({
          localDate: '2026-02-16',
          upcoming: [],
          featured: agreement('de'),
          quote: null,
          pingRoleId,
        }).body,
        renderPromptPost({
          prompt: prompts.prompts[0]!,
          agreements: [],
          quotes: [],
          cadence: 'daily',
          localDate: '2026-02-16',
          pingRoleId,
        }).body,
      ];
      for (const body of bodies) {
        expect(body.allowed_mentions).toEqual(mentions);
        expect(body.content.startsWith(`<@&${ROLE}> `)).toBe(pinged);
        expect(body.content.includes('@everyone')).toBe(false);
      }
    },
  );
});

describe('renderAnniversaryPost', () => {
  test('GIVEN Germany and France a year on WHEN rendered THEN one sentence names both and points to /agreement', () => {
    const { body, thread } = renderAnniversaryPost({
      localDate: '2025-02-16',
      agreements: [agreement('de'), agreement('fr')],
      pingRoleId: null,
    });
    expect(body.content).toBe(
      '📅 **1 year ago today** (<t:1708084800:D>), Ukraine signed security agreements with 🇩🇪 Germany and 🇫🇷 France.\n' +
        'The full record and its sources: `/agreement partner:Germany` and `/agreement partner:France`.',
    );
    expect(thread).toBeNull();
    const fields = body.embeds[0]!.fields!;
    expect(fields[0]!.value).toContain('Term: 10 years, to <t:2023704000:D>: 9 years left.');
    // The reference confirms France's date and title (16 February 2024): nothing flags them.
    expect(fields[1]!.value).not.toContain('unconfirmed');
    expect(fields[1]!.name).not.toContain('unconfirmed');
  });

  test('GIVEN the G7 declaration WHEN rendered THEN it is a framework document signed, not an agreement Ukraine signed', () => {
    const { body } = renderAnniversaryPost({
      localDate: '2026-07-12',
      agreements: [agreement('g7-declaration')],
      pingRoleId: null,
    });
    expect(body.content).toContain(
      '**3 years ago today** (<t:1689163200:D>), the G7 declaration was signed.',
    );
    expect(body.embeds[0]!.fields![0]!.value).toContain('framework document');
    expect(body.embeds[0]!.fields![0]!.value).not.toContain('Term:');
  });

  test('GIVEN Croatia WHEN rendered THEN it is flagged disputed and no term is stated', () => {
    const value = renderAnniversaryPost({
      localDate: '2026-10-09',
      agreements: [agreement('hr')],
      pingRoleId: null,
    }).body.embeds[0]!.fields![0]!.value;
    expect(value).toContain('Disputed');
    expect(value).not.toContain('Term:');
  });
});

describe('termLine', () => {
  test.each([
    ['de', '2025-02-16', 'Term: 10 years, to <t:2023704000:D>: 9 years left.'],
    ['de', '2025-11-16', 'Term: 10 years, to <t:2023704000:D>: 8 years and 3 months left.'],
    ['de', '2034-02-01', 'Term: 10 years, to <t:2023704000:D>: less than a month left.'],
    ['de', '2034-02-16', 'Term: 10 years, ended <t:2023704000:D>.'],
    ['eu', '2025-06-27', null],
    ['ukraine-compact', '2025-07-11', null],
  ])('GIVEN %s on %s WHEN the term is described THEN %j', (id, date, line) => {
    expect(termLine(agreement(id), date)).toBe(line);
  });
});

/**
 * A prompt post for Monday 16 February 2026 with no ping role, quoting Jamie Shea's `quoteId`
 * when one is given: the setup the prompt tests share, each passing only what it varies.
 */
function renderPromptOn(
  prompt: PromptInput['prompt'],
  cadence: PromptInput['cadence'],
  quoteId: string | null,
  language?: PromptInput['language'],
) {
  const quote = quoteId === null ? undefined : data.quotes.find((q) => q.id === quoteId)!;
  return renderPromptPost({
    prompt,
    agreements: [],
    quotes: quote ? [{ quote, speaker: data.personById.get('jamie-shea') }] : [],
    cadence,
    localDate: '2026-02-16',
    pingRoleId: null,
    ...(language ? { language } : {}),
  });
}

describe('renderPromptPost', () => {
  test('GIVEN the Shea prompt WHEN rendered weekly THEN it carries a Discord poll open a week and a thread name', () => {
    const prompt = prompts.byId.get('shea-psychological')!;
    const { body, thread } = renderPromptOn(prompt, 'weekly', 'jamie-shea-1');
    expect(body.poll).toEqual({
      question: { text: prompt.question.en },
      answers: prompt.poll!.answers.en.map((text) => ({ poll_media: { text } })),
      duration: 168,
      allow_multiselect: false,
    });
    expect(body.embeds[0]!.fields![0]!.value).toBe(
      '> main function is psychological rather than material.\n— Jamie Shea, Senior fellow at Friends of Europe; former British NATO official (translated)',
    );
    expect(thread).toEqual({
      name: expect.stringContaining('💬 Jamie Shea said') as string,
      auto_archive_duration: 10080,
    });
  });

  test('GIVEN a prompt without poll answers WHEN rendered THEN it has no poll', () => {
    const prompt = prompts.prompts.find((p) => p.poll === null)!;
    const { body } = renderPromptOn(prompt, 'daily', null);
    expect(body.poll).toBeUndefined();
  });

  test('GIVEN a quote whose speaker is inferred WHEN rendered THEN the post says so', () => {
    const prompt = prompts.prompts.find((p) => p.quoteIds.includes('jamie-shea-5'))!;
    const { body } = renderPromptOn(prompt, 'daily', 'jamie-shea-5');
    expect(body.embeds[0]!.fields![0]!.value).toContain('attribution inferred');
  });
});

describe('every scheduled post stays within Discord limits', () => {
  test('GIVEN every day of 2026 and 2030 WHEN anniversaries and digests are rendered, with a role ping THEN all fit', () => {
    for (const year of [2026, 2030]) {
      for (
        let day = DateTime.fromISO(`${year}-01-01`, { zone: 'UTC' });
        day.year === year;
        day = day.plus({ days: 1 })
      ) {
        const s = settings({
          timeZone: 'UTC',
          pingRoleId: ROLE,
          digest: { enabled: true, weekday: day.weekday },
          prompts: 'off',
        });
        const posts = computeDue({
          now: day.set({ hour: 9 }).toJSDate(),
          guildId: '1'.repeat(18),
          settings: s,
          postLog: new Set(),
          data,
          prompts,
        });
        const dueNow = posts.filter((p) => p.status === 'due' && p.localDate === day.toISODate());
        expect(dueNow.length).toBe(1 + (anniversariesOn(data, day).length > 0 ? 1 : 0));
        for (const post of dueNow) if (post.status === 'due') expectWithinLimits(post);
      }
    }
  });

  test.each(prompts.prompts.map((p) => [p.id, p] as const))(
    'GIVEN prompt %s WHEN rendered with its grounding and a ping THEN it fits',
    (_id, prompt) => {
      const message = renderPromptPost({
        prompt,
        ...groundingOf(prompt),
        cadence: 'daily',
        localDate: '2026-02-16',
        pingRoleId: ROLE,
      });
      expectWithinLimits(message);
    },
  );
});

describe('posts in Ukrainian', () => {
  test('GIVEN Germany and France a year on WHEN rendered in uk THEN the sentence, names and commands are Ukrainian', () => {
    const { body } = renderAnniversaryPost({
      localDate: '2025-02-16',
      agreements: [agreement('de'), agreement('fr')],
      pingRoleId: null,
      language: 'uk',
    });
    expect(body.content).toBe(
      '📅 **Цього дня 1 рік тому** (<t:1708084800:D>) Україна підписала безпекові угоди з партнерами: 🇩🇪 Німеччина і 🇫🇷 Франція.\n' +
        'Повний запис і джерела: `/угода партнер:Німеччина` і `/угода партнер:Франція`.',
    );
    const [germany, france] = body.embeds[0]!.fields!;
    expect(body.embeds[0]!.title).toBe('Цього дня підписано 2 документи');
    expect(germany!.value).toContain('Підписано <t:1708084800:D>, місце: Берлін.');
    expect(germany!.value).toContain(
      'Строк дії: 10 років, до <t:2023704000:D>; лишається: 9 років.',
    );
    expect(france!.value).not.toContain('не підтверджено');
    expect(france!.name).not.toContain('не підтверджено');
  });

  test.each([
    ['de', '2025-02-16', 'Строк дії: 10 років, до <t:2023704000:D>; лишається: 9 років.'],
    [
      'de',
      '2025-11-16',
      'Строк дії: 10 років, до <t:2023704000:D>; лишається: 8 років і 3 місяці.',
    ],
    ['de', '2032-01-16', 'Строк дії: 10 років, до <t:2023704000:D>; лишається: 2 роки і 1 місяць.'],
    ['de', '2034-02-01', 'Строк дії: 10 років, до <t:2023704000:D>; лишається: менше місяця.'],
    ['de', '2034-02-16', 'Строк дії: 10 років, завершився <t:2023704000:D>.'],
    ['eu', '2025-06-27', null],
  ])('GIVEN %s on %s WHEN the term is described in uk THEN %j', (id, date, line) => {
    expect(termLine(agreement(id), date, 'uk')).toBe(line);
  });

  test('GIVEN the G7 declaration WHEN rendered in uk THEN it is a framework document, named as the data names it', () => {
    const { body } = renderAnniversaryPost({
      localDate: '2026-07-12',
      agreements: [agreement('g7-declaration')],
      pingRoleId: null,
      language: 'uk',
    });
    expect(body.content).toContain(
      '**Цього дня 3 роки тому** (<t:1689163200:D>) підписано рамковий документ: Декларація G7.',
    );
    expect(body.embeds[0]!.fields![0]!.value).toContain('Рамковий документ');
  });

  test('GIVEN a digest in uk WHEN rendered THEN its labels are Ukrainian and the quote stays verbatim, marked as a translation', () => {
    const quote = data.quotes.find((q) => q.id === 'donald-tusk-1')!;
    const { body } = renderDigestPost({
      localDate: '2026-02-16',
      upcoming: [{ date: '2026-02-23', agreement: agreement('dk'), years: 2 }],
      featured: agreement('no'),
      quote: { quote, speaker: data.personById.get('donald-tusk') },
      pingRoleId: null,
      language: 'uk',
    });
    expect(body.content).toBe('🗞️ **Щотижневий огляд**, <t:1771243200:D>');
    const fields = body.embeds[0]!.fields!;
    expect(fields.map((f) => f.name)).toEqual([
      'Річниці в найближчі 7 днів',
      'У фокусі: 🇳🇴 Норвегія',
      'Цитата тижня',
    ]);
    expect(fields[0]!.value).toBe('<t:1771848000:D>: 🇩🇰 Данія, 2 роки');
    expect(fields[2]!.value).toContain(`> ${quote.text}`);
    expect(fields[2]!.value).toContain('— Дональд Туск, прем’єр-міністр Польщі');
    expect(fields[2]!.value).toContain('англійський переклад');
  });

  test('GIVEN the Shea prompt WHEN rendered in uk THEN question, poll and thread are Ukrainian and the quote is not translated', () => {
    const prompt = prompts.byId.get('shea-psychological')!;
    const { body, thread } = renderPromptOn(prompt, 'daily', 'jamie-shea-1', 'uk');
    expect(body.content).toBe(
      `💬 **Питання для обговорення**\n${prompt.question.uk}\nПроголосуйте й поясніть чому.`,
    );
    expect(body.poll).toEqual({
      question: { text: prompt.question.uk },
      answers: prompt.poll!.answers.uk.map((text) => ({ poll_media: { text } })),
      duration: 24,
      allow_multiselect: false,
    });
    expect(body.embeds[0]!.title).toBe('Звідки це питання');
    expect(body.embeds[0]!.fields![0]!.value).toBe(
      '> main function is psychological rather than material.\n— Джеймі Ші, старший науковий співробітник Friends of Europe; колишній британський посадовець НАТО (англійський переклад)',
    );
    expect(thread!.name.startsWith(`💬 ${prompt.question.uk.slice(0, 20)}`)).toBe(true);
  });

  test.each(prompts.prompts.map((p) => [p.id, p] as const))(
    'GIVEN prompt %s WHEN rendered in uk with its grounding and a ping THEN it fits and asks in Ukrainian',
    (_id, prompt) => {
      const message = renderPromptPost({
        prompt,
        ...groundingOf(prompt),
        cadence: 'weekly',
        localDate: '2026-02-16',
        pingRoleId: ROLE,
        language: 'uk',
      });
      expectWithinLimits(message);
      expect(message.body.content).toContain(prompt.question.uk);
      expect(message.body.content).not.toContain(prompt.question.en);
      expect(message.body.poll?.answers.map((a) => a.poll_media.text)).toEqual(
        prompt.poll?.answers.uk,
      );
    },
  );

  test('GIVEN every day of 2026 in uk WHEN anniversaries and digests are rendered with a ping THEN all fit', () => {
    for (
      let day = DateTime.fromISO('2026-01-01', { zone: 'UTC' });
      day.year === 2026;
      day = day.plus({ days: 1 })
    ) {
      const posts = computeDue({
        now: day.set({ hour: 9 }).toJSDate(),
        guildId: '1'.repeat(18),
        settings: settings({
          timeZone: 'UTC',
          pingRoleId: ROLE,
          digest: { enabled: true, weekday: day.weekday },
          language: 'uk',
        }),
        postLog: new Set(),
        data,
        prompts,
      });
      for (const post of posts) if (post.status === 'due') expectWithinLimits(post);
    }
  });
});
