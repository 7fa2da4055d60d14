import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { Cooldowns } from '../../src/commands/cooldowns.js';
import { follow, unfollow } from '../../src/commands/follow.js';
import { report } from '../../src/commands/report.js';
import { reports } from '../../src/commands/reports.js';
import { suggest } from '../../src/commands/suggest.js';
import type { CommandContext, CommandInput, SlashCommand } from '../../src/commands/types.js';
import { en } from '../../src/i18n/en.js';
import { isEphemeral, type ReplyBody } from '../../src/render/reply.js';
import { loadPrompts } from '../../src/schedule/prompts.js';
import { openMemoryStore } from '../../src/store/memory.js';
import type { StorePorts } from '../../src/store/ports.js';
import { input, testContext, testData } from '../helpers/context.js';

/*
 * Issue 14: a store write that fails is an answer, not an exception. Each command that writes
 * tells the member "not saved, try again" (one message for every command), instead of the
 * router's "something went wrong".
 */

const OWNER = '100000000000000099';
const GUILD = '100000000000000001';

/** A memory store whose one named write rejects, as a database that drops the connection. */
function storeFailing<P extends 'follows' | 'reports' | 'suggestions'>(
  port: P,
  method: keyof StorePorts[P],
): StorePorts {
  const store = openMemoryStore();
  const failing = {
    ...store[port],
    [method]: () => Promise.reject(new Error('write failed')),
  };
  return { ...store, [port]: failing };
}

function contextWith(store: StorePorts): CommandContext {
  return testContext({
    community: {
      store,
      deliverReport: () => Promise.resolve(true),
      ownerId: OWNER,
      newReportId: () => 'R0001',
    },
    schedule: {
      store,
      prompts: loadPrompts(testData()),
      channels: { inspect: () => Promise.resolve({ kind: 'ok', name: 'general', missing: [] }) },
      cooldowns: new Cooldowns(),
    },
  });
}

describe('GIVEN a store whose write rejects', () => {
  test.each<[string, SlashCommand, 'follows' | 'reports' | 'suggestions', string, CommandInput]>([
    ['/follow add', follow, 'follows', 'add', input({ partner: 'Germany' }, { subcommand: 'add' })],
    ['/unfollow', unfollow, 'follows', 'remove', input({ partner: 'Germany' })],
    [
      '/report',
      report,
      'reports',
      'create',
      input({ record: 'de', field: 'signed', what: 'The date should be 16 February' }),
    ],
    [
      '/reports close',
      reports,
      'reports',
      'close',
      input({ id: 'R0001', note: 'fixed' }, { subcommand: 'close', userId: OWNER }),
    ],
    [
      '/suggest',
      suggest,
      'suggestions',
      'create',
      input({ question: 'Which guarantee in the agreements matters most to you?' }),
    ],
  ])(
    'WHEN %s writes THEN the member is told, ephemerally, that it was not saved',
    async (_, command, port, method, typed) => {
      const failing = storeFailing(port, method as never);
      const reply = await command.respond(typed, contextWith(failing));
      expect(reply.content).toBe(en.storage.notSaved);
      expect(isEphemeral(reply)).toBe(true);
    },
  );

  test('WHEN an admin approves in the suggestion queue THEN the queue message says it was not saved, and no DM goes out', async () => {
    const store = openMemoryStore();
    const made = await store.suggestions.create(
      {
        guildId: GUILD,
        authorId: '100000000000000003',
        question: 'Which guarantee in the agreements matters most to you?',
        answers: null,
      },
      { maxOpen: 3, cooldownMs: 0 },
    );
    if (made.kind !== 'created') throw new Error('the suggestion was not made');
    const failing: StorePorts = {
      ...store,
      suggestions: {
        ...store.suggestions,
        decide: () => Promise.reject(new Error('write failed')),
      },
    };
    const body: ReplyBody = await suggest.button!(
      {
        ...input({}, { memberPermissions: PermissionFlagsBits.ManageGuild }),
        args: ['approve', made.suggestion.id, String(made.suggestion.version), 'open', '0'],
      },
      contextWith(failing),
    );
    expect(body.content).toBe(en.storage.notSaved);
    expect(body.effects ?? []).toEqual([]);
  });
});
