import { findGuild } from '../fixtures.js';
import { ApiError, errors } from '../http.js';
import type { StoredCommand } from '../records.js';
import type { EmulatorState } from '../state.js';
import { validateCommands } from '../validate.js';
import type { Json, Route } from './route.js';
import { SNOWFLAKE } from './route.js';

export const commandRoutes: Route[] = [
  {
    method: 'PUT',
    pattern: new RegExp(`^/applications/${SNOWFLAKE}/commands$`),
    auth: 'bot',
    handle({ state, params: [app = ''], rawBody }) {
      return { status: 200, body: overwrite(state, app, null, rawBody) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/applications/${SNOWFLAKE}/commands$`),
    auth: 'bot',
    handle({ state, params: [app = ''] }) {
      requireOwnApplication(state, app);
      return { status: 200, body: state.commands.global };
    },
  },
  {
    method: 'PUT',
    pattern: new RegExp(`^/applications/${SNOWFLAKE}/guilds/${SNOWFLAKE}/commands$`),
    auth: 'bot',
    handle({ state, params: [app = '', guildId = ''], rawBody }) {
      return { status: 200, body: overwrite(state, app, guildId, rawBody) };
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/applications/${SNOWFLAKE}/guilds/${SNOWFLAKE}/commands$`),
    auth: 'bot',
    handle({ state, params: [app = '', guildId = ''] }) {
      requireOwnApplication(state, app);
      if (!findGuild(state.world, guildId)) throw errors.missingAccess();
      return { status: 200, body: state.commands.guilds.get(guildId) ?? [] };
    },
  },
];

function requireOwnApplication(state: EmulatorState, applicationId: string): void {
  if (applicationId !== state.world.applicationId) throw errors.missingAccess();
}

/**
 * Bulk overwrite: the body replaces the whole list. A command whose name (and type) already
 * existed keeps its id, as on Discord; the others get new ids. Every attempt is recorded.
 */
function overwrite(
  state: EmulatorState,
  app: string,
  guildId: string | null,
  body: unknown,
): StoredCommand[] {
  const write = {
    scope: guildId ? 'guild' : 'global',
    guildId,
    body,
    status: 200,
    at: state.now(),
  } as const;
  try {
    requireOwnApplication(state, app);
    if (guildId && !findGuild(state.world, guildId)) throw errors.missingAccess();
    validateCommands(body);
    const previous = guildId ? (state.commands.guilds.get(guildId) ?? []) : state.commands.global;
    const stored = (body as Json[]).map((command): StoredCommand => {
      const type = typeof command.type === 'number' ? command.type : 1;
      const kept = previous.find((p) => p.name === command.name && p.type === type);
      return {
        ...command,
        id: kept?.id ?? state.ids.next(),
        application_id: state.world.applicationId,
        ...(guildId ? { guild_id: guildId } : {}),
        version: state.ids.next(),
        name: String(command.name),
        type,
        default_member_permissions: command.default_member_permissions ?? null,
        nsfw: command.nsfw ?? false,
      };
    });
    if (guildId) state.commands.guilds.set(guildId, stored);
    else state.commands.global = stored;
    state.commands.writes.push(write);
    return stored;
  } catch (error) {
    state.commands.writes.push({
      ...write,
      status: error instanceof ApiError ? error.status : 500,
    });
    throw error;
  }
}
