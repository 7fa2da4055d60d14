/**
 * Members following agreements (`/follow`): per member, never per server. A follow is paused,
 * not retried, when the member's DMs turn out to be closed; the member is told once. Each DM is
 * claimed under a once-key before it is sent, so two processes (PostgreSQL) send it once.
 */

export interface Follow {
  userId: string;
  agreementId: string;
  /** The member's language when they last followed it (`en` or `uk`): what the DM is written in. */
  language: string;
  createdAt: Date;
  /** Set when a DM was refused (closed DMs); a paused follow gets no DM until followed again. */
  pausedAt: Date | null;
}

export type AddFollowResult =
  | { kind: 'added'; follow: Follow }
  /** Followed already and not paused. */
  | { kind: 'already'; follow: Follow }
  /** Was paused (DMs were closed): following it again resumes every paused follow. */
  | { kind: 'resumed'; follow: Follow; resumed: number }
  | { kind: 'too-many'; max: number };

/** A DM's once-key, e.g. `anniversary:de:2026` or `change:de:<hash>`, per member. */
export interface DeliveryClaim {
  userId: string;
  key: string;
  owner: string;
  leaseMs: number;
}

export type DeliveryState = 'sent' | 'refused' | 'failed';

export interface FollowsPort {
  /** Follows unless the member already follows `max`; following again resumes paused ones. */
  add(
    userId: string,
    agreementId: string,
    language: string,
    at: Date,
    max: number,
  ): Promise<AddFollowResult>;
  remove(userId: string, agreementId: string): Promise<boolean>;
  /** A member's follows, in the order they were made. */
  list(userId: string): Promise<Follow[]>;
  /** Every follow not paused, by member then agreement: what the DM job works through. */
  active(): Promise<Follow[]>;
  /** Pauses all of a member's follows and leaves a notice to tell them once. */
  pauseAll(userId: string, at: Date): Promise<void>;
  /** The member's "your DMs were closed" notice, removed as it is read: each is told once. */
  takeNotice(userId: string): Promise<boolean>;
  /**
   * Claims one DM before it is sent: true for exactly one of racing claimants; false when it is
   * settled already or another holds a live lease. A lapsed lease (its worker died) is retaken.
   */
  claimDelivery(claim: DeliveryClaim): Promise<boolean>;
  /** Settles a claimed DM; false when the claim is no longer ours. */
  settleDelivery(
    userId: string,
    key: string,
    owner: string,
    state: DeliveryState,
  ): Promise<boolean>;
  /** Of these keys, those already settled for the member (so a tick skips them cheaply). */
  settledKeys(userId: string, keys: readonly string[]): Promise<Set<string>>;
}
