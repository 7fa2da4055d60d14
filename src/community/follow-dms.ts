import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Dataset } from '../data/load.js';
import type { FollowsPort } from '../store/follows.js';
import type { StoreLog } from '../store/store.js';
import { followEvents } from './follow-events.js';

export interface DmBody {
  content: string;
  /** The same on every attempt: Discord returns the first message for a repeat. */
  nonce: string;
}

export type DmOutcome = { kind: 'sent' } | { kind: 'refused' } | { kind: 'failed'; reason: string };

/** The job's only way out to Discord: tests give it a fake, the bot a REST one (src/discord/dm.ts). */
export interface DirectMessenger {
  send(userId: string, body: DmBody): Promise<DmOutcome>;
}

export interface FollowJobDeps {
  follows: FollowsPort;
  data: Dataset;
  messenger: DirectMessenger;
  now: () => Date;
  log: StoreLog;
  owner?: string;
  /** How long a DM's claim is ours: far longer than a send takes. */
  leaseMs?: number;
}

export interface FollowTickSummary {
  sent: number;
  refused: number;
  failed: number;
}

/** Discord's nonce is at most 25 characters: a hash of the member and the once-key. */
export function dmNonce(userId: string, key: string): string {
  return createHash('sha256').update(`${userId}|${key}`).digest('hex').slice(0, 25);
}

/**
 * Sends followers their DMs: one per agreement anniversary and per changelog entry, each claimed
 * under its once-key before it is sent, so a second tick, a restart or a second process sends
 * nothing twice. A refused DM (closed DMs) pauses all of that member's follows and leaves them a
 * notice; it is never retried. A DM that failed otherwise is settled as failed, logged, and not
 * retried either: one missed DM is better than a member flooded by retries.
 */
export function createFollowJob(deps: FollowJobDeps) {
  const owner = deps.owner ?? `follows:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;

  async function tick(): Promise<FollowTickSummary> {
    const summary: FollowTickSummary = { sent: 0, refused: 0, failed: 0 };
    const today = DateTime.fromJSDate(deps.now(), { zone: 'UTC' }).toISODate() ?? '';
    const byUser = new Map<string, ReturnType<typeof followEvents>>();
    for (const follow of await deps.follows.active()) {
      const agreement = deps.data.agreementById.get(follow.agreementId);
      if (!agreement) continue;
      const events = followEvents(agreement, deps.data, today, follow.createdAt, follow.language);
      if (events.length === 0) continue;
      byUser.set(follow.userId, [...(byUser.get(follow.userId) ?? []), ...events]);
    }
    for (const [userId, events] of byUser) {
      const settled = await deps.follows.settledKeys(
        userId,
        events.map((e) => e.key),
      );
      for (const event of events) {
        if (settled.has(event.key)) continue;
        const claimed = await deps.follows.claimDelivery({
          userId,
          key: event.key,
          owner,
          leaseMs,
        });
        if (!claimed) continue;
        const outcome = await deps.messenger.send(userId, {
          content: event.content,
          nonce: dmNonce(userId, event.key),
        });
        if (outcome.kind === 'sent') {
          await deps.follows.settleDelivery(userId, event.key, owner, 'sent');
          summary.sent += 1;
          continue;
        }
        if (outcome.kind === 'refused') {
          await deps.follows.settleDelivery(userId, event.key, owner, 'refused');
          await deps.follows.pauseAll(userId, deps.now());
          deps.log.info(
            { userId, key: event.key },
            'follow DM refused (DMs closed); follows paused',
          );
          summary.refused += 1;
          // Paused: the member's other DMs of this tick would be refused too.
          break;
        }
        await deps.follows.settleDelivery(userId, event.key, owner, 'failed');
        deps.log.warn({ userId, key: event.key, reason: outcome.reason }, 'follow DM failed');
        summary.failed += 1;
      }
    }
    return summary;
  }

  return { tick };
}
