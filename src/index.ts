import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Events } from 'discord.js';
import { createFollowJob } from './community/follow-dms.js';
import { createPollResultsJob } from './community/poll-results.js';
import { startCommunityJobs } from './discord/community-jobs.js';
import { createRestMessenger } from './discord/dm.js';
import { createRestPollDiscord } from './discord/polls.js';
import { createReportDelivery } from './discord/report-delivery.js';
import { languageOf } from './i18n/index.js';
import { Cooldowns } from './commands/cooldowns.js';
import { commands } from './commands/index.js';
import { readConfig } from './config.js';
import { DataError, loadData, type Dataset } from './data/load.js';
import { isDeliberateCacheWarning } from './discord/cache.js';
import { createChannelInspector } from './discord/channels.js';
import { createClient } from './discord/client.js';
import { readGatewayState } from './discord/gateway.js';
import { processKey } from './discord/identify-backoff.js';
import { openLoginCoordination } from './discord/identify-setup.js';
import { createRestPoster } from './discord/poster.js';
import { countPendingPosts, watchRateLimited } from './discord/rest-backlog.js';
import { createInteractionRouter } from './discord/router.js';
import { startScheduler } from './discord/scheduler.js';
import {
  fetchSessionBudget,
  judgeSessionBudget,
  sessionStartsRemaining,
} from './discord/session-budget.js';
import { planShards } from './discord/shards.js';
import { exitWith, loadDotEnv } from './env.js';
import { clockFrom } from './clock.js';
import { createAppLogger } from './log.js';
import { logBootFacts } from './ops/boot-log.js';
import { logProcessWarnings } from './ops/process-warnings.js';
import { createMetrics } from './ops/metrics.js';
import { serveOpsIfConfigured } from './ops/serve.js';
import { isStoreFileWritable } from './ops/store-health.js';
import { loadPrompts, type PromptBank } from './schedule/prompts.js';
import {
  createPartitionOwner,
  type PartitionOwner,
  type PartitionPort,
} from './schedule/partition-owner.js';
import { createRunner } from './schedule/runner.js';
import { openStoreFromConfig } from './store/open.js';

/** Shutdown must finish within this, or the process exits anyway (orchestrators kill at ~10 s). */
const SHUTDOWN_DEADLINE_MS = 8000;

loadDotEnv();
const configResult = readConfig(process.env);
if (!configResult.ok) {
  exitWith([
    `Cannot start: ${configResult.problems.join('; ')}. Set it in .env or the environment (see .env.example), or try the bot offline: npm run -s preview -- '/agreement partner:Germany'`,
  ]);
}
const config = configResult.config;
const log = await createAppLogger({
  level: config.LOG_LEVEL,
  pretty: config.LOG_PRETTY,
  secrets: [config.DISCORD_TOKEN],
});
logBootFacts(config, log);
logProcessWarnings(process, log, isDeliberateCacheWarning);
const metrics = createMetrics();
const now = clockFrom(config.BOT_CLOCK_START);

/** The data and the prompt bank, checked; broken data ends the start with its zod paths. */
function loadDataOrExit(): { data: Dataset; prompts: PromptBank } {
  try {
    const data = loadData();
    return { data, prompts: loadPrompts(data) };
  } catch (error) {
    if (error instanceof DataError) exitWith([error.message]);
    throw error;
  }
}
const { data, prompts } = loadDataOrExit();

/** The store the config names; one that cannot open (locked by another process, say) ends the start. */
async function openStoreOrExit() {
  try {
    return await openStoreFromConfig(config, log, { now });
  } catch (error) {
    exitWith([`Cannot open the store: ${error instanceof Error ? error.message : String(error)}`]);
  }
}
const { store, shared } = await openStoreOrExit();

// Config validation already refused a bad pair, so this plan is always ok.
const shardPlan = planShards(config.SHARD_COUNT, config.SHARD_IDS);
const shards = shardPlan.ok ? shardPlan.plan : ({ kind: 'auto' } as const);
// Logins shared with the bot's other processes (PostgreSQL), or discord.js's own (JSON file).
const logins = await openLoginCoordination(config, log);
const client = createClient({
  apiUrl: config.DISCORD_API_URL,
  shards,
  identifyThrottler: logins.identifyThrottler,
  log,
});
const route = createInteractionRouter({
  commands,
  ctx: {
    data,
    now,
    random: Math.random,
    reportUrl: config.REPORT_URL ?? null,
    schedule: {
      store,
      prompts,
      channels: createChannelInspector(client),
      // With PostgreSQL they hold across every process of the bot.
      cooldowns: shared?.cooldowns ?? new Cooldowns(),
    },
    community: {
      store,
      deliverReport: createReportDelivery({
        rest: client.rest,
        data,
        log,
        channelId: config.REPORT_CHANNEL_ID,
        webhookUrl: config.REPORT_WEBHOOK_URL,
      }),
      ownerId: config.OWNER_ID ?? null,
      // 8 characters from 40 bits: short enough to quote, too many to guess.
      newReportId: () => `R${randomBytes(5).toString('hex').toUpperCase()}`,
    },
  },
  log,
  metrics,
  onPollReply: (poll) =>
    store.polls.record({
      guildId: poll.guildId,
      channelId: poll.channelId,
      messageId: poll.messageId,
      closesAt: new Date(now().getTime() + poll.durationHours * 3_600_000),
      language: languageOf(poll.locale),
    }),
});
client.on(Events.InteractionCreate, (interaction) => void route(interaction));

// The backlog of a 09:00 burst and Discord's 429s, for /metrics.
const restPoster = countPendingPosts(createRestPoster(client.rest));
metrics.watchRestBacklog(() => restPoster.pending());
watchRateLimited(client.rest, (scope) => metrics.recordRateLimited(scope));
// Partitions (issue 11): with PostgreSQL the scheduled work is split by guild id into
// partitions leased by the live processes (docs/partitions.md); the JSON file serves one process.
const runnerOwner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
function partitionOwnerFor(port: PartitionPort): PartitionOwner {
  const heartbeatMs = config.PARTITION_HEARTBEAT_MS;
  const owner = createPartitionOwner({
    port,
    member: runnerOwner,
    log,
    ...(heartbeatMs === undefined ? {} : { heartbeatMs, leaseMs: heartbeatMs * 3 }),
    onChange: (change, count) => metrics.recordPartitionChange(change, count),
  });
  metrics.watchPartitions(() => owner.snapshot());
  return owner;
}
const partitionOwner = shared ? partitionOwnerFor(shared.partitions) : undefined;

const runner = createRunner({
  store,
  data,
  prompts,
  poster: restPoster.poster,
  log,
  now,
  owner: runnerOwner,
  // With partitions: the servers of this process's partitions, whichever shard holds them (the
  // list comes from the database, so no shard count moves them). Else this process's servers.
  guildIds: partitionOwner ? () => partitionOwner.guildIds() : () => client.guilds.cache.keys(),
  ...(partitionOwner ? { owns: (guildId: string) => partitionOwner.owns(guildId) } : {}),
  onOutcome: (kind, outcome) => metrics.recordPost(kind, outcome),
  onClaim: (result) => metrics.recordClaim(result),
  // Community (issue 13): a prompt's poll is kept so its results are posted when it closes.
  onPosted: async (posted) => {
    if (!posted.body.poll) return;
    await store.polls.record({
      guildId: posted.guildId,
      channelId: posted.channelId,
      messageId: posted.messageId,
      closesAt: new Date(now().getTime() + (posted.body.poll.duration ?? 24) * 3_600_000),
      language: languageOf(posted.language ?? 'en'),
    });
  },
});
const communityJobs = {
  polls: createPollResultsJob({
    polls: store.polls,
    discord: createRestPollDiscord(client.rest),
    now,
    log,
  }),
  follows: createFollowJob({
    follows: store.follows,
    data,
    messenger: createRestMessenger(client.rest),
    now,
    log,
  }),
};
let community: ReturnType<typeof startCommunityJobs> | undefined;
metrics.watchGateway(() => readGatewayState(client));
metrics.watchSessionStarts(sessionStartsRemaining);
const ops = await serveOpsIfConfigured(
  config,
  {
    metrics,
    gatewayReady: () => readGatewayState(client) === 'ready',
    // PostgreSQL answers a round trip; the JSON file must also still take its next write.
    storeHealthy: async () =>
      (await store.healthy()) &&
      (store.backend !== 'json' || (await isStoreFileWritable(config.STORE_PATH))),
  },
  log,
);
let scheduler: ReturnType<typeof startScheduler> | undefined;
// `once`, and guarded: a reconnect emits no second ready, and one task per process is all we want.
client.once(Events.ClientReady, (ready) => {
  log.info(
    {
      user: ready.user.tag,
      guilds: ready.guilds.cache.size,
      shards: ready.ws.shards.map((shard) => shard.id),
    },
    'ready',
  );
  scheduler ??= startScheduler(runner, log, config.SCHEDULE_CRON);
  community ??= startCommunityJobs(communityJobs, log, config.SCHEDULE_CRON);
});

process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const deadline = setTimeout(() => {
    log.error('shutdown took too long; exiting');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  try {
    // Stop waking the runner and start no new post; let those in flight finish and be
    // recorded; then make the store durable and leave.
    await scheduler?.stop();
    await community?.stop();
    // Let the partitions go, so the other processes take them at their next heartbeat.
    await partitionOwner?.stop();
    await store.close();
    await client.destroy();
    await logins.close();
    await ops?.close();
  } catch (error) {
    log.error({ err: error }, 'error during shutdown');
  }
  clearTimeout(deadline);
  log.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

try {
  // A crash loop must not burn the day's session starts: count this start, wait if it is one of
  // many in a row, then read the budget (costs none) before identifying.
  const start = await logins.startLog.recordStart(processKey(shards));
  if (start.delayMs > 0) {
    log.warn(
      { starts: start.starts, delayMs: start.delayMs },
      'restarted many times in a row; waiting before logging in to save session starts',
    );
    await new Promise((resolve) => setTimeout(resolve, start.delayMs));
  }
  client.rest.setToken(config.DISCORD_TOKEN);
  const budget = await fetchSessionBudget(client.rest);
  const starting = shards.kind === 'fixed' ? shards.ids.length : budget.recommendedShards;
  log.info(
    { sessionStarts: budget, shards: shards.kind === 'fixed' ? shards : 'auto' },
    'session budget',
  );
  const verdict = judgeSessionBudget(budget, starting);
  if (verdict.kind === 'too-low') {
    const minutes = Math.ceil(verdict.resetAfterMs / 60_000);
    log.fatal(verdict, 'session start budget too low');
    exitWith([
      `Cannot log in to Discord: ${verdict.remaining} session starts left today and this start needs ${verdict.needed} (its shards plus a reserve). They reset in ${minutes} min; find why the bot keeps restarting before then.`,
    ]);
  }
  // The first heartbeat before the first tick, so the catch-up tick knows its partitions.
  await partitionOwner?.start();
  await client.login(config.DISCORD_TOKEN);
} catch (error) {
  // discord.js names the problem (an invalid token, say) without echoing the token.
  log.fatal({ err: error }, 'login failed');
  exitWith([`Cannot log in to Discord: ${error instanceof Error ? error.message : String(error)}`]);
}
