import { Status, type Client } from 'discord.js';
import type { GatewayState } from '../ops/metrics.js';

const STATE_OF: Record<Status, GatewayState> = {
  [Status.Ready]: 'ready',
  [Status.Connecting]: 'connecting',
  [Status.Reconnecting]: 'reconnecting',
  [Status.Idle]: 'idle',
  [Status.Nearly]: 'waiting-for-guilds',
  [Status.Disconnected]: 'disconnected',
  [Status.WaitingForGuilds]: 'waiting-for-guilds',
  [Status.Identifying]: 'identifying',
  [Status.Resuming]: 'resuming',
};

/**
 * The gateway's state from its shards: `ready` only when there are shards and every one is ready,
 * else the state of the first that is not. The manager's own status says "ready" forever after the
 * first ready, so it cannot tell a dropped connection.
 */
export function readGatewayState(client: Client): GatewayState {
  const shards = [...client.ws.shards.values()];
  if (shards.length === 0) return 'idle';
  const behind = shards.find((shard) => shard.status !== Status.Ready);
  return behind ? STATE_OF[behind.status] : 'ready';
}
