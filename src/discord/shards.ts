/**
 * Which gateway shards this process holds, from SHARD_COUNT and SHARD_IDS. Pure: no discord.js
 * runtime value, so config validation and the tests can use it directly.
 */

/** discord.js's own choice (`shards: 'auto'`): every shard, at the count Discord recommends. */
export type ShardPlan = { kind: 'auto' } | { kind: 'fixed'; count: number; ids: number[] };

export type ShardIdsResult = { ok: true; ids: number[] } | { ok: false; problem: string };

const RANGE = /^(\d+)\s*-\s*(\d+)$/;
const SINGLE = /^\d+$/;

/**
 * Reads "0,1,5" or "0-3" (or a mix: "0-3,8"). Duplicates are refused rather than merged: two
 * entries for one shard usually mean two ranges meant for two processes were pasted together.
 */
export function parseShardIds(text: string): ShardIdsResult {
  const ids: number[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const range = RANGE.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to) return { ok: false, problem: `has a range "${part}" that runs backwards` };
      for (let id = from; id <= to; id += 1) ids.push(id);
    } else if (SINGLE.test(part)) {
      ids.push(Number(part));
    } else {
      return {
        ok: false,
        problem: `must be shard numbers like "0,1" or a range like "0-3" (got "${part}")`,
      };
    }
  }
  const seen = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) return { ok: false, problem: `names shard ${id} twice` };
    seen.add(id);
  }
  return { ok: true, ids: ids.sort((a, b) => a - b) };
}

export type ShardPlanResult =
  { ok: true; plan: ShardPlan } | { ok: false; key: 'SHARD_COUNT' | 'SHARD_IDS'; problem: string };

/**
 * The plan from the two settings, already read: nothing set is discord.js's 'auto'; a count
 * alone is every shard of that count in this process; ids need a count, since whether "0,1" is
 * all the bot or half of it depends on it, and a guess there posts twice or never.
 */
export function planShards(count: number | undefined, ids: number[] | undefined): ShardPlanResult {
  if (count === undefined) {
    if (ids === undefined) return { ok: true, plan: { kind: 'auto' } };
    return { ok: false, key: 'SHARD_IDS', problem: 'is set without SHARD_COUNT; set both' };
  }
  if (!Number.isInteger(count) || count < 1)
    return { ok: false, key: 'SHARD_COUNT', problem: 'must be a whole number, 1 or more' };
  const held = ids ?? Array.from({ length: count }, (_, id) => id);
  const outside = held.find((id) => id >= count);
  if (outside !== undefined) {
    return {
      ok: false,
      key: 'SHARD_IDS',
      problem: `names shard ${outside}, but SHARD_COUNT ${count} means shards 0-${count - 1}`,
    };
  }
  return { ok: true, plan: { kind: 'fixed', count, ids: held } };
}

/**
 * The shard that receives a guild's events: `(guild_id >> 22) % shard_count` (Discord's gateway
 * docs). Computed in BigInt: ids pass 2^53, and a float shift silently picks the wrong shard.
 */
export function shardOf(guildId: string | bigint, shardCount: number): number {
  if (!Number.isInteger(shardCount) || shardCount < 1)
    throw new RangeError(`shard count must be a whole number, 1 or more (got ${shardCount})`);
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
