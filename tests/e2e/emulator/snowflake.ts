/** Discord's epoch (2015-01-01T00:00:00Z), the zero of every snowflake's timestamp. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000n;

const MAX_INCREMENT = 0xfffn;

/**
 * Makes snowflakes that never repeat and always increase.
 *
 * A plain generator wraps its 12-bit increment after 4,096 ids within one millisecond and then
 * repeats ids; discord.js silently merges cache entries that share an id. Instead of wrapping,
 * this one borrows the next millisecond, so ids stay unique however fast they are made (their
 * timestamps may then run slightly ahead of the clock, which nothing here relies on).
 */
export class SnowflakeGenerator {
  #lastMs = -1n;
  #increment = 0n;
  readonly #clock: () => number;
  readonly #workerBits: bigint;

  constructor(clock: () => number = Date.now, workerId = 1) {
    this.#clock = clock;
    this.#workerBits = BigInt(workerId & 0x3ff) << 12n;
  }

  next(): string {
    let ms = BigInt(this.#clock()) - DISCORD_EPOCH_MS;
    if (ms <= this.#lastMs) {
      ms = this.#lastMs;
      this.#increment += 1n;
      if (this.#increment > MAX_INCREMENT) {
        ms += 1n;
        this.#increment = 0n;
      }
    } else {
      this.#increment = 0n;
    }
    this.#lastMs = ms;
    return ((ms << 22n) | this.#workerBits | this.#increment).toString();
  }
}

/** Which shard receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
