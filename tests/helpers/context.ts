import type { CommandContext, CommandInput } from '../../src/commands/types.js';
import { loadData, type Dataset } from '../../src/data/load.js';
import { seededRandom } from '../../src/preview/random.js';

let cached: Dataset | undefined;
export function testData(): Dataset {
  cached ??= loadData();
  return cached;
}

/** A context with a pinned clock and seeded randomness. */
export function testContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    data: testData(),
    now: () => new Date('2026-02-16T09:00:00Z'),
    random: seededRandom(42),
    reportUrl: null,
    ...overrides,
  };
}

export function input(
  options: CommandInput['options'] = {},
  overrides: Partial<CommandInput> = {},
): CommandInput {
  return {
    options,
    subcommand: null,
    locale: 'en-US',
    guildLocale: null,
    guildId: '100000000000000001',
    channelId: '100000000000000002',
    userId: '100000000000000003',
    ...overrides,
  };
}
