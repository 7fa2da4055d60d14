import { apiUser } from '../fixtures.js';
import type { Route } from './route.js';

export const applicationRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/gateway\/bot$/,
    auth: 'bot',
    handle({ state }) {
      const shards = state.options.shardCount;
      const limit = state.options.sessionStartLimit;
      return {
        status: 200,
        body: {
          url: state.gatewayUrl,
          shards,
          // `remaining` must cover every shard or discord.js refuses to log in.
          session_start_limit: {
            total: limit.total,
            remaining: limit.remaining,
            reset_after: limit.resetAfterMs,
            max_concurrency: limit.maxConcurrency,
          },
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/gateway$/,
    auth: 'none',
    handle: ({ state }) => ({ status: 200, body: { url: state.gatewayUrl } }),
  },
  {
    method: 'GET',
    pattern: /^\/users\/@me$/,
    auth: 'bot',
    handle: ({ state }) => ({
      status: 200,
      body: { ...apiUser(state.world.bot), verified: true, mfa_enabled: false, locale: 'en-US' },
    }),
  },
  {
    method: 'GET',
    pattern: /^\/applications\/@me$/,
    auth: 'bot',
    handle({ state }) {
      const { world } = state;
      return {
        status: 200,
        body: {
          id: world.applicationId,
          name: world.bot.username,
          icon: null,
          description: '',
          bot_public: false,
          bot_require_code_grant: false,
          verify_key: '0'.repeat(64),
          flags: world.applicationFlags,
          bot: apiUser(world.bot),
          owner: null,
          team: null,
          approximate_guild_count: world.guilds.length,
        },
      };
    },
  },
];
