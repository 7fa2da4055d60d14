import { describe, expect, test } from 'vitest';
import type { Change } from '../../src/data/records-schema.js';
import { resolveSubject } from '../../src/lookup/subjects.js';
import { renderChangePost } from '../../src/render/posts.js';
import { data } from '../schedule/helpers.js';
import { expectWithinDiscordLimits } from '../helpers/limits.js';

/* Data-change announcements (issue 12): one changelog entry as a post, in both languages. */

const ROLE = '444444444444444444';

function render(change: Change, language: 'en' | 'uk', pingRoleId: string | null = null) {
  return renderChangePost({
    change,
    records: change.recordIds.map((id) => data.recordById.get(id)!),
    agreements: change.agreementIds.map((id) => data.agreementById.get(id)!),
    pingRoleId,
    language,
  });
}

const cases = data.changelog.flatMap((change) =>
  (['en', 'uk'] as const).map((language) => [change.id, language, change] as const),
);

describe('a change post', () => {
  test.each(cases)(
    'GIVEN change %s WHEN rendered in %s THEN its text, every source as a link and every record it names are there, within Discord limits, pinging nobody',
    (_, language, change) => {
      const { body, thread, withoutPoll } = render(change, language);
      expectWithinDiscordLimits(body);
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(body.content).not.toMatch(/<@/);
      expect(thread).toBeNull();
      expect(withoutPoll).toBeNull();
      const embed = body.embeds[0]!;
      expect(embed.description).toContain(change.text[language]);
      const text = JSON.stringify(body);
      for (const url of change.sources) expect(text).toContain(`](${url})`);
      for (const id of change.recordIds) {
        const record = data.recordById.get(id)!;
        expect(text).toContain(record.shortName[language]);
      }
    },
  );

  test.each(['en', 'uk'] as const)(
    'GIVEN every change rendered in %s WHEN the /agreement commands it suggests are run THEN each finds the record it names',
    (language) => {
      for (const change of data.changelog) {
        const where = render(change, language).body.embeds[0]!.fields!.find(
          (f) => f.value.includes('partner:') || f.value.includes('партнер:'),
        )!;
        const typed = [...where.value.matchAll(/(?:partner|партнер):([^`]+)`/g)].map((m) => m[1]!);
        // A correction names agreements of the 31 as well as records: each name must find its own.
        expect(typed).toHaveLength(change.recordIds.length + change.agreementIds.length);
        const found = typed.map((name) => {
          const match = resolveSubject(name, data);
          expect(match.kind, name).toBe('found');
          if (match.kind !== 'found') return '';
          return match.subject.kind === 'record'
            ? `record:${match.subject.record.id}`
            : `agreement:${match.subject.agreement.id}`;
        });
        expect(found.sort()).toEqual(
          [
            ...change.recordIds.map((id) => `record:${id}`),
            ...change.agreementIds.map((id) => `agreement:${id}`),
          ].sort(),
        );
      }
    },
  );

  test('GIVEN a Ukrainian text that is our translation WHEN rendered in Ukrainian THEN it says so and gives the English original in a field', () => {
    const change = data.changelog.find((c) => c.text.ukIsTranslation)!;
    const embed = render(change, 'uk').body.embeds[0]!;
    expect(embed.description).toContain('наш переклад');
    expect(embed.fields).toContainEqual({ name: 'Англійський оригінал', value: change.text.en });
    const english = render(change, 'en').body.embeds[0]!;
    expect(english.fields?.map((f) => f.name)).not.toContain('English original');
  });

  test('GIVEN a server with a ping role WHEN a change is posted THEN only that role may be pinged', () => {
    const { body } = render(data.changelog[0]!, 'en', ROLE);
    expect(body.content.startsWith(`<@&${ROLE}> `)).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
  });

  test('GIVEN an added and a corrected change WHEN rendered THEN each says which it is, in both languages', () => {
    const added = data.changelog.find((c) => c.kind === 'added')!;
    const corrected = data.changelog.find((c) => c.kind === 'corrected')!;
    expect(render(added, 'en').body.embeds[0]!.title).toBe('Added to the data');
    expect(render(corrected, 'en').body.embeds[0]!.title).toBe('Corrected in the data');
    expect(render(added, 'uk').body.embeds[0]!.title).toBe('Додано до даних');
    expect(render(corrected, 'uk').body.embeds[0]!.title).toBe('Виправлено в даних');
  });

  test('GIVEN a change of an agreement of the 28 WHEN rendered THEN it names the agreement and how to read it', () => {
    const de = data.agreementById.get('de')!;
    const change: Change = {
      ...data.changelog[0]!,
      kind: 'corrected',
      recordIds: [],
      agreementIds: ['de'],
      sources: [de.sources[0]!.url],
    };
    const { body } = renderChangePost({
      change,
      records: [],
      agreements: [de],
      pingRoleId: null,
      language: 'en',
    });
    expectWithinDiscordLimits(body);
    expect(JSON.stringify(body)).toContain('/agreement partner:Germany');
  });
});
