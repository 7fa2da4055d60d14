import { Routes, type REST } from 'discord.js';

/** What GET /gateway/bot says about logins. */
export interface SessionBudget {
  recommendedShards: number;
  total: number;
  remaining: number;
  resetAfterMs: number;
  maxConcurrency: number;
}

/**
 * Session starts kept in reserve beyond the shards this login needs. Discord resets the token
 * when the daily budget runs out, ending every session of the bot; a crash loop that keeps
 * identifying gets there in minutes (discord.js #2882, #5360). Refusing while the budget is this
 * low leaves the starts for a deliberate restart, and GET /gateway/bot itself costs no start.
 */
export const SESSION_START_RESERVE = 20;

export type BudgetVerdict =
  { kind: 'ok' } | { kind: 'too-low'; remaining: number; needed: number; resetAfterMs: number };

/**
 * Whether to log in: the shards this process identifies plus the reserve must fit. Pure, so the
 * floor is tested without a gateway.
 */
export function judgeSessionBudget(budget: SessionBudget, shardsToStart: number): BudgetVerdict {
  const needed = shardsToStart + SESSION_START_RESERVE;
  if (budget.remaining >= needed) return { kind: 'ok' };
  return {
    kind: 'too-low',
    remaining: budget.remaining,
    needed,
    resetAfterMs: budget.resetAfterMs,
  };
}

let lastRemaining: number | null = null;

/**
 * The remaining daily session starts as last read at start, for a metrics gauge; null before the
 * first read. A plain value so src/ops/metrics.ts can expose it without this module knowing it.
 */
export function sessionStartsRemaining(): number | null {
  return lastRemaining;
}

interface GatewayBotBody {
  shards: number;
  session_start_limit: {
    total: number;
    remaining: number;
    reset_after: number;
    max_concurrency: number;
  };
}

/** Reads GET /gateway/bot (no session start spent) and remembers `remaining` for the gauge. */
export async function fetchSessionBudget(rest: REST): Promise<SessionBudget> {
  const body = (await rest.get(Routes.gatewayBot())) as GatewayBotBody;
  const limit = body.session_start_limit;
  lastRemaining = limit.remaining;
  return {
    recommendedShards: body.shards,
    total: limit.total,
    remaining: limit.remaining,
    resetAfterMs: limit.reset_after,
    maxConcurrency: limit.max_concurrency,
  };
}
