/**
 * Polls the bot posted (a scheduled prompt's or `/discuss`'s), kept so their results are posted
 * once when they close, across restarts and processes: the job claims a poll under a lease
 * before it posts, and settles it after.
 */

export type PollState = 'open' | 'claimed' | 'posted' | 'gone';

export interface PollRecord {
  /** The message that carries the poll (and the id of its thread, when one was opened). */
  messageId: string;
  channelId: string;
  guildId: string;
  /** When the poll closes, by the bot's clock. */
  closesAt: Date;
  /** The language the results are written in (`en` or `uk`). */
  language: string;
  state: PollState;
  owner: string | null;
  leaseUntil: Date | null;
  /** Tries so far (a poll Discord has not finalised yet is tried again). */
  attempts: number;
  resultMessageId: string | null;
  /** Why it is gone (deleted message, no poll on it, gave up). */
  reason: string | null;
}

export type NewPoll = Pick<
  PollRecord,
  'messageId' | 'channelId' | 'guildId' | 'closesAt' | 'language'
>;

export interface PollsPort {
  /** Records a posted poll; recording the same message again changes nothing. */
  record(poll: NewPoll): Promise<void>;
  /** Polls closed by `now` and still to announce (open, or claimed with a lapsed lease), oldest first. */
  due(now: Date, limit: number): Promise<PollRecord[]>;
  /** Claims a due poll: exactly one of racing claimants gets it; null for the others. */
  claim(messageId: string, owner: string, leaseMs: number): Promise<PollRecord | null>;
  /** Settles a claimed poll: posted (with the results' message) or gone (with why). */
  settle(
    messageId: string,
    owner: string,
    outcome: { state: 'posted'; resultMessageId: string } | { state: 'gone'; reason: string },
  ): Promise<boolean>;
  /** Lets a claim go to be tried again on a later tick (not finalised yet, a passing error). */
  release(messageId: string, owner: string, reason: string): Promise<boolean>;
  get(messageId: string): Promise<PollRecord | null>;
}
