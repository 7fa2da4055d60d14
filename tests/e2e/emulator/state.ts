import { performance } from 'node:perf_hooks';
import { GatewayFaults, RestFaults } from './faults.js';
import type { World } from './fixtures.js';
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
import { ChangeNotifier } from './records.js';
import type { SnowflakeGenerator } from './snowflake.js';

export interface ResolvedOptions {
  token: string;
  heartbeatIntervalMs: number;
  shardCount: number;
  /** GET /gateway/bot's session_start_limit; each IDENTIFY spends one of `remaining`. */
  sessionStartLimit: {
    total: number;
    remaining: number;
    resetAfterMs: number;
    maxConcurrency: number;
  };
  /** Discord gives 3 s for the first response; a callback later than this answers 404/10062. */
  interactionResponseWindowMs: number;
  /** Follow-ups and edits work for 15 minutes after the interaction. */
  interactionTokenTtlMs: number;
  /** How long a nonce with `enforce_nonce` is remembered. Discord says "the past few minutes". */
  nonceWindowMs: number;
  /** Events kept per session for RESUME replays; older ones are dropped, as Discord's buffer is finite. */
  replayBufferSize: number;
  /**
   * Identify buckets enforced: one IDENTIFY per `shard_id % max_concurrency` per `windowMs`
   * (Discord: 5 s), a faster one answered with op 9 as Discord documents. Null: not enforced.
   */
  identifyRateLimit: { windowMs: number } | null;
  /**
   * A standing global REST limit for bot-authenticated requests, per rolling second (Discord:
   * 50). Interaction callbacks and webhooks are exempt, as on Discord. Null: none.
   */
  globalRateLimit: { perSecond: number } | null;
}

/** An interaction the emulator sent, and what the bot has done with it so far. */
export interface DispatchedInteraction {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  /** performance.now() when `dispatchInteraction` was called. */
  dispatchedAt: number;
  /** The first accepted callback's type, null until then. */
  callbackType: number | null;
  originalMessageId: string | null;
  followUpIds: string[];
}

/** The one mutable state shared by REST routes, the gateway and the handle. */
export class EmulatorState {
  readonly startedAt = performance.now();
  readonly requests: RecordedRequest[] = [];
  readonly unknownRoutes: RecordedRequest[] = [];
  readonly callbacks: RecordedCallback[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly threads: RecordedThread[] = [];
  readonly commands: CommandRegistry = { global: [], guilds: new Map(), writes: [] };
  readonly interactions = new Map<string, DispatchedInteraction>();
  readonly interactionsByToken = new Map<string, DispatchedInteraction>();
  /** DM channels the bot opened (POST /users/@me/channels), by channel id: one per user. */
  readonly dmChannels = new Map<string, { id: string; userId: string }>();
  /** Users whose DMs are closed to the bot: a DM to them answers 403/50007. */
  readonly closedDms = new Set<string>();
  /** `${channelId}:${nonce}` → the message it created and when. */
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  readonly gatewayLog: GatewayEventRecord[] = [];
  readonly gatewayStats: GatewayStats = {
    connections: 0,
    identifies: 0,
    resumes: 0,
    resumed: 0,
    heartbeats: 0,
    acks: 0,
    acksWithheld: 0,
    clientCloseCodes: [],
    identifiesRateLimited: [],
  };
  readonly globalLimitStats: GlobalLimitStats = { accepted: 0, limited: 0, acceptedPerSecond: [] };
  /** Times (ms since start) of the accepted requests of the last second, oldest first. */
  readonly globalWindow: number[] = [];
  /** Exceptions inside the emulator itself (answered 500): a test should expect none. */
  readonly internalErrors: string[] = [];
  readonly notifier = new ChangeNotifier();
  readonly restFaults = new RestFaults();
  readonly gatewayFaults = new GatewayFaults();

  /** ws://127.0.0.1:PORT/gateway, known once the server listens. */
  gatewayUrl = '';
  /** Set by the gateway: sends a guild event (CHANNEL_UPDATE, THREAD_CREATE…) to the guild's shard. */
  emitGuildEvent: (guildId: string, t: string, d: unknown) => void = () => {};

  constructor(
    readonly world: World,
    readonly ids: SnowflakeGenerator,
    readonly options: ResolvedOptions,
  ) {}

  /** Milliseconds since the emulator started: the `at` of every record. */
  now(): number {
    return performance.now() - this.startedAt;
  }

  changed(): void {
    this.notifier.notify();
  }

  /**
   * Drops the records of finished work: requests, callbacks, messages, interactions and the
   * gateway log. Fixtures, commands, nonces, faults and errors stay. For long runs only (the
   * benchmark), whose records would otherwise grow this process's heap, and whose garbage
   * collection would land on the very round trips being timed.
   */
  forgetRecords(): void {
    this.requests.length = 0;
    this.callbacks.length = 0;
    this.messages.clear();
    this.interactions.clear();
    this.interactionsByToken.clear();
    this.gatewayLog.length = 0;
  }
}
