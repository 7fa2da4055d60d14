import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PostKind } from '../store/domain.js';
import type { ClaimResult } from '../store/ports.js';
import type { PartitionSnapshot } from '../schedule/partition-owner.js';

/** Which handler an interaction went to. */
export type InteractionKind = 'command' | 'autocomplete' | 'button';

/**
 * How it ended: answered for the channel (`ok`), answered only to the user (`ephemeral`: a user
 * error with its suggestion, or an admin's private answer), or the central catch (`failed`).
 */
export type InteractionOutcome = 'ok' | 'ephemeral' | 'failed';

/** How a scheduled post ended on one attempt: the runner's own outcomes. */
export type { PostOutcome } from '../schedule/runner.js';
import type { PostOutcome } from '../schedule/runner.js';

/** The gateway as the bot sees it; `ready` only when every shard is. */
export const GATEWAY_STATES = [
  'ready',
  'connecting',
  'identifying',
  'waiting-for-guilds',
  'resuming',
  'reconnecting',
  'disconnected',
  'idle',
] as const;
export type GatewayState = (typeof GATEWAY_STATES)[number];

const POST_KINDS: readonly PostKind[] = ['anniversary', 'digest', 'prompt', 'change'];
const POST_OUTCOMES: readonly PostOutcome[] = [
  'posted',
  'skipped',
  'failed',
  'blocked',
  'retry',
  'held',
];
const CLAIM_RESULTS: readonly ClaimResult['kind'][] = ['claimed', 'held', 'settled'];

/** Interactions answer in milliseconds; deferred ones take seconds (Discord allows 15 min). */
const REPLY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * What the bot counts, for `/metrics`. One object per process, handed to whoever records: the
 * router (interactions), the runner (posts, claims), the store (errors). Each `record…` is cheap
 * and never throws, so it can sit on any path.
 */
export interface Metrics {
  readonly registry: Registry;
  recordInteraction(
    kind: InteractionKind,
    command: string,
    outcome: InteractionOutcome,
    seconds: number,
  ): void;
  recordPost(kind: PostKind, outcome: PostOutcome): void;
  recordClaim(result: ClaimResult['kind']): void;
  /** `op` names the store call that failed, e.g. `settings.put`, `ledger.claim`. */
  recordStoreError(op: string): void;
  /** Reads the gateway's state at each scrape (there is no event for every change). */
  watchGateway(state: () => GatewayState): void;
  /** Reads the day's remaining gateway session starts (null before the first read). */
  watchSessionStarts(remaining: () => number | null): void;
  // -- gateway (issue 11): the REST backlog of a burst, and Discord's 429s --
  /** Reads the scheduled posts handed to discord.js's REST queue and not yet answered. */
  watchRestBacklog(pending: () => number): void;
  /** One 429 from Discord; `scope` is its X-RateLimit-Scope (user, global, shared). */
  recordRateLimited(scope: string): void;
  // -- end gateway --
  // Partitions (issue 11): scheduled work split across processes on PostgreSQL.
  /** Reads this process's partitions at each scrape; call once (never with the JSON file: no series). */
  watchPartitions(snapshot: () => PartitionSnapshot): void;
  /** Partitions that changed hands here: taken, released to a newcomer, or lost to another. */
  recordPartitionChange(change: 'taken' | 'released' | 'lost', count: number): void;
  /** The Prometheus text exposition of everything above. */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsOptions {
  /** Node's own process metrics (CPU, heap, event-loop lag). Off in tests that count series. */
  processMetrics?: boolean;
}

export function createMetrics({ processMetrics = true }: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });

  const interactions = new Counter({
    name: 'bot_interactions_total',
    help: 'Interactions handled, by kind, command and outcome.',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const replySeconds = new Histogram({
    name: 'bot_interaction_reply_seconds',
    help: 'From receiving an interaction to its answer being sent, in seconds.',
    labelNames: ['kind', 'command'] as const,
    buckets: REPLY_BUCKETS_S,
    registers: [registry],
  });
  const posts = new Counter({
    name: 'bot_posts_total',
    help: 'Scheduled post attempts, by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const claims = new Counter({
    name: 'bot_ledger_claims_total',
    help: 'Ledger claims, by result: claimed (ours to send), held (someone else has it), settled.',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: 'bot_store_errors_total',
    help: 'Store operations that failed, by operation.',
    labelNames: ['op'] as const,
    registers: [registry],
  });
  // -- gateway (issue 11) --
  let readRestBacklog: (() => number) | undefined;
  new Gauge({
    name: 'bot_rest_posts_pending',
    help: 'Scheduled posts waiting in discord.js REST queues or in flight: the backlog of a burst.',
    registers: [registry],
    collect() {
      this.set(readRestBacklog?.() ?? 0);
    },
  });
  const rateLimited = new Counter({
    name: 'bot_discord_rate_limited_total',
    help: '429 answers from Discord, by scope (global: the limit every process of the bot shares).',
    labelNames: ['scope'] as const,
    registers: [registry],
  });
  for (const scope of ['user', 'global', 'shared']) rateLimited.inc({ scope }, 0);
  // -- end gateway --
  let readGateway: (() => GatewayState) | null = null;
  let readSessionStarts: (() => number | null) | undefined;
  new Gauge({
    name: 'bot_gateway_session_starts_remaining',
    help: 'Gateway session starts left today (GET /gateway/bot); running out resets the token.',
    registers: [registry],
    collect() {
      const remaining = readSessionStarts?.() ?? null;
      if (remaining !== null) this.set(remaining);
    },
  });
  new Gauge({
    name: 'bot_gateway_state',
    help: 'The Discord gateway connection: 1 for the current state, 0 for the others.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const current = readGateway?.() ?? 'idle';
      for (const state of GATEWAY_STATES) this.set({ state }, state === current ? 1 : 0);
    },
  });

  // Partitions (issue 11): what this process holds of the scheduled work, read at each scrape.
  // Registered only when there is an owner (PostgreSQL): with the JSON file they would read 0.
  function registerPartitionGauges(read: () => PartitionSnapshot): void {
    const partitionGauge = (name: string, help: string, pick: (s: PartitionSnapshot) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(pick(read()));
        },
      });
    partitionGauge(
      'bot_partitions_owned',
      'Partitions of the scheduled work whose lease this process holds now.',
      (s) => s.owned.length,
    );
    partitionGauge(
      'bot_partition_share',
      'The fair share this process aims for: ceil(partitions / live processes).',
      (s) => s.share,
    );
    partitionGauge(
      'bot_partition_members_live',
      'Bot processes with a live partition heartbeat, as this process last read them.',
      (s) => s.members,
    );
    partitionGauge(
      'bot_partition_guilds',
      'Servers with settings in the partitions this process holds: the ones it posts for.',
      (s) => s.guilds,
    );
    partitionGauge(
      'bot_partition_heartbeat_failures',
      'Partition heartbeats that failed in a row; past a lease (45 s) this process posts nothing.',
      (s) => s.failedBeats,
    );
  }
  const partitionChanges = new Counter({
    name: 'bot_partition_changes_total',
    help: 'Partitions that changed hands in this process: taken, released (to a newcomer), lost.',
    labelNames: ['change'] as const,
    registers: [registry],
  });
  for (const change of ['taken', 'released', 'lost']) partitionChanges.inc({ change }, 0);

  // Known series start at 0, so a rate over them is defined before the first event.
  for (const kind of POST_KINDS)
    for (const outcome of POST_OUTCOMES) posts.inc({ kind, outcome }, 0);
  for (const result of CLAIM_RESULTS) claims.inc({ result }, 0);

  return {
    registry,
    contentType: registry.contentType,
    recordInteraction(kind, command, outcome, seconds) {
      interactions.inc({ kind, command, outcome });
      replySeconds.observe({ kind, command }, seconds);
    },
    recordPost: (kind, outcome) => posts.inc({ kind, outcome }),
    recordClaim: (result) => claims.inc({ result }),
    recordStoreError: (op) => storeErrors.inc({ op }),
    watchGateway(state) {
      readGateway = state;
    },
    watchSessionStarts(remaining) {
      readSessionStarts = remaining;
    },
    // -- gateway (issue 11) --
    watchRestBacklog(pending) {
      readRestBacklog = pending;
    },
    recordRateLimited: (scope) => rateLimited.inc({ scope }),
    // -- end gateway --
    // Partitions (issue 11).
    watchPartitions(snapshot) {
      registerPartitionGauges(snapshot);
    },
    recordPartitionChange: (change, count) => partitionChanges.inc({ change }, count),
    render: () => registry.metrics(),
  };
}
