import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyStoreFile } from '../../src/store/schema.js';
import { openJsonStore, type StoreLog } from '../../src/store/store.js';

const GUILD = '111111111111111111';
const AUTHOR = '400000000000000001';
const quiet: StoreLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-suggestions-'));
  path = join(dir, 'store.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('suggestions in the JSON file', () => {
  test('GIVEN a version 3 file from before suggestions (no collection) WHEN opened THEN it loads as is, with none', async () => {
    const { suggestions, ...old } = emptyStoreFile();
    void suggestions;
    await writeFile(path, JSON.stringify(old));
    const store = await openJsonStore(path, quiet);
    expect(store.outcome.kind).toBe('loaded');
    expect(store.setAside).toBeNull();
    expect(await store.suggestions.countOpen(GUILD)).toBe(0);
    await store.close();
  });

  test('GIVEN a suggestion decided WHEN the file is reopened THEN it is there as decided', async () => {
    const first = await openJsonStore(path, quiet);
    const made = await first.suggestions.create(
      {
        guildId: GUILD,
        authorId: AUTHOR,
        question: 'Which pact comes next, and why?',
        answers: ['A', 'B'],
      },
      { maxOpen: 3, cooldownMs: 0 },
    );
    if (made.kind !== 'created') throw new Error('not created');
    await first.suggestions.decide(GUILD, made.suggestion.id, 1, {
      state: 'denied',
      by: '500000000000000001',
      reason: 'Asked last week',
    });
    await first.close();
    const again = await openJsonStore(path, quiet);
    expect(await again.suggestions.get(GUILD, made.suggestion.id)).toMatchObject({
      state: 'denied',
      reason: 'Asked last week',
      version: 2,
      answers: ['A', 'B'],
    });
    await again.close();
  });

  test('GIVEN one suggestion that breaks its schema WHEN opened THEN it alone is set aside and the good one is served', async () => {
    const first = await openJsonStore(path, quiet);
    const made = await first.suggestions.create(
      {
        guildId: GUILD,
        authorId: AUTHOR,
        question: 'Which pact comes next, and why?',
        answers: null,
      },
      { maxOpen: 3, cooldownMs: 0 },
    );
    await first.close();
    const file = JSON.parse(await readFile(path, 'utf8')) as { suggestions: unknown[] };
    file.suggestions.push({ guildId: GUILD, id: 'BAD ID', question: '' });
    await writeFile(path, JSON.stringify(file));
    const store = await openJsonStore(path, quiet);
    expect(store.setAside?.entries).toBe(1);
    expect(made.kind).toBe('created');
    expect(await store.suggestions.countOpen(GUILD)).toBe(1);
    await store.close();
  });
});
