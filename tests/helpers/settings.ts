import type { GuildSettings } from '../../src/store/domain.js';

/**
 * One builder for a server's settings in tests: anniversaries only, at 09:00 Kyiv time. Suites
 * that want another baseline pass it as overrides, so the shape is written once.
 */
export function guildSettings(overrides: Partial<GuildSettings> = {}): GuildSettings {
  return {
    channelId: '333333333333333333',
    hour: 9,
    minute: 0,
    timeZone: 'Europe/Kyiv',
    paused: false,
    blocked: null,
    anniversaries: true,
    digest: { enabled: false, weekday: 1 },
    prompts: 'off',
    pingRoleId: null,
    language: null,
    promptsSeen: [],
    activeSince: '2020-01-01T00:00:00.000Z',
    ...overrides,
  };
}
