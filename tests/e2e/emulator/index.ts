import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { RequestMatcher, RestFaultRule } from './faults.js';
import { checkCount, checkDelay } from './faults.js';
import type { FixtureChannel, FixtureGuild, World } from './fixtures.js';
import {
  apiChannel,
  apiRole,
  createWorld,
  findChannel,
  findGuild,
  textChannel,
} from './fixtures.js';
import { Gateway, GATEWAY_PATH } from './gateway.js';
import type { SessionInfo } from './gateway.js';
import type { InteractionPayload } from './interactions.js';
import { InteractionFactory } from './interactions.js';
import type { Overwrite } from './permissions.js';
import type {
  CommandRegistry,
  GatewayEventRecord,
  GatewayStats,
  GlobalLimitStats,
  RecordedCallback,
  RecordedRequest,
  RecordedThread,
  StoredMessage,
} from './records.js';
import { handleRest } from './rest.js';
import { SnowflakeGenerator } from './snowflake.js';
import type { ResolvedOptions } from './state.js';
import { EmulatorState } from './state.js';

export { DEFAULT_CHANNELS, createLargeWorld } from './fixtures.js';
export type { World, FixtureChannel, FixtureGuild } from './fixtures.js';
export type { InteractionPayload, OptionValue } from './interactions.js';
export type * from './records.js';
export { SnowflakeGenerator, shardOf } from './snowflake.js';
export { CallbackType } from './routes/interactions.js';

export interface EmulatorOptions {
  /** The bot token the emulator accepts. Default 'test-token-not-real'. */
  token?: string;
  /** HELLO's heartbeat_interval. Default 41,250 ms (Discord's usual); use ~100–300 ms in tests. */
  heartbeatIntervalMs?: number;
  /** Generated guilds when no `world` is given. Default 1. */
  guildCount?: number;
  /** A hand-made world instead of the generated one (build it with `createWorld` and edit). */
  world?: (ids: SnowflakeGenerator) => World;
  /** Shards the client must use; GET /gateway/bot recommends this many. Default 1. */
  shardCount?: number;
  /**
   * GET /gateway/bot's session_start_limit (each IDENTIFY spends one `remaining`). Default 1,000
   * total and remaining, a 24 h reset, max_concurrency 1.
   */
  sessionStartLimit?: Partial<ResolvedOptions['sessionStartLimit']>;
  interactionResponseWindowMs?: number;
  interactionTokenTtlMs?: number;
  nonceWindowMs?: number;
  replayBufferSize?: number;
  /**
   * Enforce Discord's identify limit: one IDENTIFY per `shard_id % max_concurrency` bucket per
   * `windowMs` (default 5,000), a faster one answered with op 9 and recorded in
   * `gateway.stats.identifiesRateLimited`. Off by default: tests that re-identify on purpose use
   * `noIdentifyThrottle` (client.ts) and would be refused.
   */
  identifyRateLimit?: boolean | { windowMs?: number };
  /**
   * A standing global REST limit, bot-authenticated requests per rolling second (default 50, as
   * Discord): past it a 429 with `X-RateLimit-Global: true`, `X-RateLimit-Scope: global` and
   * `retry_after`. Off by default.
   */
  globalRateLimit?: boolean | { perSecond?: number };
}

export interface DispatchResult {
  id: string;
  token: string;
  /** The gateway sequence number the INTERACTION_CREATE got. */
  seq: number;
}

/** The running emulator: URLs, records, fixtures, and the knobs a test turns. */
export interface EmulatorHandle {
  /** For discord.js: `rest: { api: handle.restUrl }` (the library appends /v10). */
  readonly restUrl: string;
  readonly gatewayUrl: string;
  readonly port: number;
  readonly token: string;
  readonly world: World;
  readonly ids: SnowflakeGenerator;

  /** Every REST request in order of arrival (secrets removed). */
  readonly requests: readonly RecordedRequest[];
  /** Requests no route knew (404) or whose method no route took (405). A test should expect none. */
  readonly unknownRoutes: readonly RecordedRequest[];
  /** Every interaction callback attempt, accepted or refused. */
  readonly callbacks: readonly RecordedCallback[];
  readonly threads: readonly RecordedThread[];
  readonly commands: CommandRegistry;
  /** Every message the bot made, in any way. */
  messages(): StoredMessage[];
  /** Messages posted with POST /channels/:id/messages in that channel (not interaction replies). */
  channelMessages(channelId: string): StoredMessage[];
  /** The reply and follow-ups of one interaction. */
  interactionMessages(interactionId: string): {
    original: StoredMessage | null;
    followUps: StoredMessage[];
  };
  /** Exceptions inside the emulator (answered 500). A test should expect none. */
  readonly internalErrors: readonly string[];

  /** What the standing global REST limit let through and refused (zeros when it is off). */
  readonly globalLimit: GlobalLimitStats;

  readonly gateway: {
    readonly stats: GatewayStats;
    readonly log: readonly GatewayEventRecord[];
    sessions(): SessionInfo[];
    /** Sends any dispatch to the shard owning the guild; returns its seq. */
    dispatch(guildId: string, t: string, d: unknown): number;
  };

  /** Payload builders: slash, autocomplete, button, stringSelect. */
  readonly interactions: InteractionFactory;
  /** Sends INTERACTION_CREATE (buffered for replay if the socket is down) and starts its clock. */
  dispatchInteraction(payload: InteractionPayload): DispatchResult;
  /** Resolves with the first callback for the interaction, accepted or not. */
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<RecordedCallback>;
  /** Resolves when `probe` returns a value (checked on every change); rejects after timeoutMs. */
  waitFor<T>(
    probe: () => T | undefined | null | false,
    timeoutMs?: number,
    label?: string,
  ): Promise<T>;

  /** A default-world channel by name in the first (or given) guild. */
  channel(name: string, guildId?: string): FixtureChannel;
  guild(index?: number): FixtureGuild;
  /** Adds a text channel and tells the client (CHANNEL_CREATE). */
  createChannel(
    name: string,
    options?: { guildId?: string; overwrites?: Overwrite[] },
  ): FixtureChannel;
  /** Marks a channel deleted (REST then answers 404/10003) and tells the client (CHANNEL_DELETE). */
  deleteChannel(channelId: string): void;
  /** Replaces a channel's permission overwrites and tells the client (CHANNEL_UPDATE). */
  setOverwrites(channelId: string, overwrites: Overwrite[]): void;
  /** Changes a role's permissions and tells the client (GUILD_ROLE_UPDATE). */
  setRolePermissions(guildId: string, roleId: string, permissions: bigint): void;

  /**
   * Sets the votes of a poll the bot posted: `counts[i]` for the i-th answer (answer_id i + 1),
   * as GET /channels/:c/messages/:m then shows them. Not finalised unless `finalized` says so.
   */
  setPollResults(
    messageId: string,
    counts: readonly number[],
    options?: { finalized?: boolean },
  ): void;
  /** Ends the poll's count as Discord does a little after it closes: `is_finalized` true. */
  finalizePoll(messageId: string): void;
  /** The user closes their DMs to the bot: a DM to them then answers 403/50007. */
  closeDms(userId: string): void;
  openDms(userId: string): void;
  /** The DM channel the bot opened with this user, or null. */
  dmChannelOf(userId: string): string | null;
  /** Messages the bot sent this user in their DM channel, in order. */
  directMessages(userId: string): StoredMessage[];

  readonly faults: Faults;
  /**
   * Forgets requests, callbacks, messages and interactions recorded so far (call it with nothing
   * in flight): for long runs whose records would grow without end, like the benchmark.
   */
  forgetRecords(): void;
  close(): Promise<void>;
}

/** Every fault is bounded: `count` (default 1, at most 1,000) matching requests, then it is spent. */
export interface Faults {
  rateLimit(
    options?: RequestMatcher & { count?: number; retryAfterSeconds?: number; global?: boolean },
  ): RestFaultRule;
  serverError(options?: RequestMatcher & { count?: number; status?: number }): RestFaultRule;
  apiError(
    options: RequestMatcher & { count?: number; status: number; code: number; message: string },
  ): RestFaultRule;
  /** 403/50013 Missing Permissions. */
  missingPermissions(options?: RequestMatcher & { count?: number }): RestFaultRule;
  /** 404/10003 Unknown Channel. */
  unknownChannel(options?: RequestMatcher & { count?: number }): RestFaultRule;
  /** Holds matching requests `ms` (at most 10 s) before the route answers them as usual. */
  delay(options: RequestMatcher & { count?: number; ms: number }): RestFaultRule;
  /** Closes the shard's socket with a code; resumable codes (4000, 4009, 1006-like) keep the session. */
  closeSocket(code: number, options?: { shardId?: number; invalidate?: boolean }): void;
  /** Drops the connection without a close frame (the client sees 1006 and resumes). */
  dropSocket(options?: { shardId?: number }): void;
  /**
   * Drops every connected socket of these shards at once, as when one bot process dies: the way
   * to stop one process's connections when several processes hold different shards.
   */
  dropShards(shardIds: readonly number[]): void;
  /**
   * Drops these sessions' sockets (ids from `gateway.sessions()`), whatever their shard: one
   * process's connections when two processes hold the same shards, as in a rolling deploy.
   */
  dropSessions(sessionIds: readonly string[]): void;
  /** Op 9 INVALID_SESSION: `false` forces a fresh IDENTIFY, `true` a RESUME. */
  invalidSession(resumable: boolean, options?: { shardId?: number }): void;
  /** Op 7 RECONNECT. */
  requestReconnect(options?: { shardId?: number }): void;
  /** The next `count` heartbeats get no ACK: discord.js then closes as a zombie and resumes. */
  withholdAcks(count?: number): void;
  /** Spends every pending REST fault. */
  clearRest(): void;
}

const DEFAULTS: ResolvedOptions = {
  token: 'test-token-not-real',
  heartbeatIntervalMs: 41_250,
  shardCount: 1,
  sessionStartLimit: { total: 1000, remaining: 1000, resetAfterMs: 86_400_000, maxConcurrency: 1 },
  interactionResponseWindowMs: 3_000,
  interactionTokenTtlMs: 15 * 60_000,
  nonceWindowMs: 5 * 60_000,
  replayBufferSize: 10_000,
  identifyRateLimit: null,
  globalRateLimit: null,
};

/** Discord's identify window and global REST limit, used when a test turns either on. */
export const DISCORD_IDENTIFY_WINDOW_MS = 5_000;
export const DISCORD_GLOBAL_LIMIT_PER_SECOND = 50;

/** Starts the emulator on 127.0.0.1 with an ephemeral port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const {
    world: buildWorld,
    guildCount,
    sessionStartLimit,
    identifyRateLimit,
    globalRateLimit,
    ...overrides
  } = options;
  const resolved: ResolvedOptions = {
    ...DEFAULTS,
    ...definedOnly(overrides),
    identifyRateLimit: identifyRateLimit
      ? {
          windowMs:
            (identifyRateLimit === true ? undefined : identifyRateLimit.windowMs) ??
            DISCORD_IDENTIFY_WINDOW_MS,
        }
      : null,
    globalRateLimit: globalRateLimit
      ? {
          perSecond:
            (globalRateLimit === true ? undefined : globalRateLimit.perSecond) ??
            DISCORD_GLOBAL_LIMIT_PER_SECOND,
        }
      : null,
    // A copy: identifies spend from it, and DEFAULTS is shared by every emulator in the process.
    sessionStartLimit: { ...DEFAULTS.sessionStartLimit, ...definedOnly(sessionStartLimit ?? {}) },
  };
  const ids = new SnowflakeGenerator();
  const world = buildWorld ? buildWorld(ids) : createWorld(ids, { guildCount: guildCount ?? 1 });
  const state = new EmulatorState(world, ids, resolved);
  const gateway = new Gateway(state);

  const server = createServer((req, res) => {
    handleRest(state, req, res).catch((error: unknown) => {
      state.internalErrors.push(String(error));
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.gatewayUrl = `ws://127.0.0.1:${port}${GATEWAY_PATH}`;

  const factory = new InteractionFactory(state);
  const restRule = (
    fault: Parameters<typeof state.restFaults.add>[0],
    { count = 1, method, path }: RequestMatcher & { count?: number },
  ): RestFaultRule => state.restFaults.add(fault, { method, path }, count);

  const requireChannel = (channelId: string): FixtureChannel => {
    const channel = findChannel(world, channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    return channel;
  };

  /** The poll object of a stored message, shared with its API shape so REST shows each change. */
  const pollOf = (messageId: string): Record<string, unknown> => {
    const stored = state.messages.get(messageId);
    const poll = stored?.api.poll;
    if (!stored || !poll || typeof poll !== 'object') {
      throw new Error(`no message ${messageId} with a poll`);
    }
    return poll as Record<string, unknown>;
  };

  const handle: EmulatorHandle = {
    restUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: state.gatewayUrl,
    port,
    token: resolved.token,
    world,
    ids,
    requests: state.requests,
    unknownRoutes: state.unknownRoutes,
    callbacks: state.callbacks,
    threads: state.threads,
    commands: state.commands,
    internalErrors: state.internalErrors,
    globalLimit: state.globalLimitStats,
    messages: () => [...state.messages.values()],
    channelMessages: (channelId) =>
      [...state.messages.values()].filter(
        (m) => m.channelId === channelId && m.source === 'channel',
      ),
    interactionMessages(interactionId) {
      const interaction = state.interactions.get(interactionId);
      const original = interaction?.originalMessageId
        ? state.messages.get(interaction.originalMessageId)
        : undefined;
      const followUps = (interaction?.followUpIds ?? []).flatMap(
        (id) => state.messages.get(id) ?? [],
      );
      return { original: original ?? null, followUps };
    },
    gateway: {
      stats: state.gatewayStats,
      log: state.gatewayLog,
      sessions: () => gateway.sessions(),
      dispatch: (guildId, t, d) => gateway.dispatchToGuild(guildId, t, d),
    },
    interactions: factory,
    dispatchInteraction(payload) {
      const dispatchedAt = performance.now();
      // Throws when no client is logged in; registering after is safe because the reply can only
      // arrive on a later turn of the event loop.
      const seq = gateway.dispatchToGuild(payload.guild_id, 'INTERACTION_CREATE', payload);
      const record = {
        id: payload.id,
        token: payload.token,
        type: payload.type,
        payload,
        dispatchedAt,
        callbackType: null,
        originalMessageId: null,
        followUpIds: [],
      };
      state.interactions.set(payload.id, record);
      state.interactionsByToken.set(payload.token, record);
      return { id: payload.id, token: payload.token, seq };
    },
    waitForCallback: (interactionId, timeoutMs = 5_000) =>
      state.notifier.waitFor(
        () => state.callbacks.find((c) => c.interactionId === interactionId),
        timeoutMs,
        `the callback of interaction ${interactionId}`,
      ),
    waitFor: (probe, timeoutMs = 5_000, label = 'a condition') =>
      state.notifier.waitFor(probe, timeoutMs, label),

    channel(name, guildId) {
      const guild = guildId ? findGuild(world, guildId) : world.guilds[0];
      const channel = guild?.channels.find((c) => c.name === name);
      if (!channel) throw new Error(`no channel named ${name}`);
      return channel;
    },
    guild(index = 0) {
      const guild = world.guilds[index];
      if (!guild) throw new Error(`no guild at index ${index}`);
      return guild;
    },
    createChannel(name, { guildId, overwrites = [] } = {}) {
      const guild = guildId ? findGuild(world, guildId) : world.guilds[0];
      if (!guild) throw new Error(`no guild ${guildId ?? ''}`);
      const channel = textChannel(ids.next(), guild.id, name, guild.channels.length, overwrites);
      guild.channels.push(channel);
      state.emitGuildEvent(guild.id, 'CHANNEL_CREATE', apiChannel(channel));
      return channel;
    },
    deleteChannel(channelId) {
      const channel = requireChannel(channelId);
      channel.deleted = true;
      state.emitGuildEvent(channel.guildId, 'CHANNEL_DELETE', apiChannel(channel));
    },
    setOverwrites(channelId, overwrites) {
      const channel = requireChannel(channelId);
      channel.overwrites = overwrites;
      state.emitGuildEvent(channel.guildId, 'CHANNEL_UPDATE', apiChannel(channel));
    },
    setRolePermissions(guildId, roleId, permissions) {
      const role = findGuild(world, guildId)?.roles.find((r) => r.id === roleId);
      if (!role) throw new Error(`no role ${roleId} in guild ${guildId}`);
      role.permissions = permissions;
      state.emitGuildEvent(guildId, 'GUILD_ROLE_UPDATE', {
        guild_id: guildId,
        role: apiRole(role),
      });
    },

    setPollResults(messageId, counts, { finalized = false } = {}) {
      const poll = pollOf(messageId);
      const answers = Array.isArray(poll.answers) ? (poll.answers as { answer_id: number }[]) : [];
      if (counts.length > answers.length || counts.some((c) => !Number.isInteger(c) || c < 0)) {
        throw new Error(`poll ${messageId} has ${answers.length} answers; counts ${counts.join()}`);
      }
      poll.results = {
        is_finalized: finalized,
        // Discord lists only answers with votes.
        answer_counts: counts.flatMap((count, index) =>
          count > 0 ? [{ id: answers[index]!.answer_id, count, me_voted: false }] : [],
        ),
      };
      state.changed();
    },
    finalizePoll(messageId) {
      const poll = pollOf(messageId);
      const results = (poll.results ?? { answer_counts: [] }) as Record<string, unknown>;
      poll.results = { ...results, is_finalized: true };
      state.changed();
    },
    closeDms: (userId) => void state.closedDms.add(userId),
    openDms: (userId) => void state.closedDms.delete(userId),
    dmChannelOf: (userId) =>
      [...state.dmChannels.values()].find((c) => c.userId === userId)?.id ?? null,
    directMessages(userId) {
      const channelId = handle.dmChannelOf(userId);
      return channelId ? handle.channelMessages(channelId) : [];
    },

    forgetRecords: () => state.forgetRecords(),

    faults: {
      rateLimit: ({ retryAfterSeconds = 0.05, global = false, ...match } = {}) =>
        restRule({ kind: 'rate-limit', retryAfterSeconds, global }, match),
      serverError: ({ status = 502, ...match } = {}) =>
        restRule({ kind: 'server-error', status }, match),
      apiError: ({ status, code, message, ...match }) =>
        restRule({ kind: 'api-error', status, code, message }, match),
      missingPermissions: (match = {}) =>
        restRule(
          { kind: 'api-error', status: 403, code: 50013, message: 'Missing Permissions' },
          match,
        ),
      unknownChannel: (match = {}) =>
        restRule(
          { kind: 'api-error', status: 404, code: 10003, message: 'Unknown Channel' },
          match,
        ),
      delay: ({ ms, ...match }) => restRule({ kind: 'delay', ms: checkDelay(ms) }, match),
      closeSocket: (code, closeOptions) => gateway.closeSocket(code, closeOptions),
      dropSocket: (dropOptions) => gateway.dropSocket(dropOptions),
      dropShards: (shardIds) => {
        const live = new Set(
          gateway
            .sessions()
            .filter((s) => s.connected)
            .map((s) => s.shardId),
        );
        for (const shardId of shardIds) if (live.has(shardId)) gateway.dropSocket({ shardId });
      },
      dropSessions: (sessionIds) => gateway.dropSessions(sessionIds),
      invalidSession: (resumable, sessionOptions) =>
        gateway.invalidSession(resumable, sessionOptions),
      requestReconnect: (reconnectOptions) => gateway.requestReconnect(reconnectOptions),
      withholdAcks: (count = 1) => state.gatewayFaults.withholdAcks(checkCount(count)),
      clearRest: () => state.restFaults.clear(),
    },

    async close() {
      state.notifier.close();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return handle;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
