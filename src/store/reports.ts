/**
 * Reports of a wrong fact (`/report`): stored with an id, delivered to the bot's operator, listed
 * and closed by the operator. A port of its own beside settings and the ledger; every backend
 * implements it and one contract suite (tests/store/community-contract.ts) runs on each.
 */

export interface FactReport {
  /** Short and unguessable, made by the bot: the reporter is given it. */
  id: string;
  /** The server it was sent from; null in a DM. */
  guildId: string | null;
  reporterId: string;
  /** An agreement's or a later record's id. */
  recordId: string;
  /** Which fact of it: `signed`, `place`, `commitments.2`, or `other`. */
  field: string;
  /** What is wrong, as the member wrote it (checked for length, stored as text, never markup). */
  text: string;
  sourceUrl: string | null;
  createdAt: Date;
  state: 'open' | 'closed';
  /** True once the operator's channel or webhook took it; false reports are listed all the same. */
  delivered: boolean;
  closedAt: Date | null;
  closeNote: string | null;
}

export type NewReport = Omit<FactReport, 'state' | 'delivered' | 'closedAt' | 'closeNote'>;

/** At most `max` reports in the `windowMs` before `createdAt`, per member and per server. */
export interface ReportLimits {
  perMember: { max: number; windowMs: number };
  perGuild: { max: number; windowMs: number };
}

export type CreateReportResult =
  | { kind: 'created'; report: FactReport }
  /** Over a limit: nothing stored; `retryAt` is when the oldest report in the window leaves it. */
  | { kind: 'limited'; scope: 'member' | 'guild'; retryAt: Date };

/**
 * The rate limit both backends apply: given the times (ms, oldest first) of one member's or one
 * server's reports inside the window, the limited answer when they already fill it, else null.
 */
export function reportLimitReached(
  times: readonly number[],
  limit: { max: number; windowMs: number },
  scope: 'member' | 'guild',
): Extract<CreateReportResult, { kind: 'limited' }> | null {
  if (times.length < limit.max) return null;
  return {
    kind: 'limited',
    scope,
    retryAt: new Date(times[times.length - limit.max]! + limit.windowMs),
  };
}

export type CloseReportResult =
  | { kind: 'closed'; report: FactReport }
  | { kind: 'already-closed'; report: FactReport }
  | { kind: 'not-found' };

export interface ReportsPort {
  /**
   * Stores the report unless the member or the server is over its limit: the count and the
   * insert are one step, so two reports sent at the same moment cannot both slip past a limit.
   */
  create(report: NewReport, limits: ReportLimits): Promise<CreateReportResult>;
  markDelivered(id: string): Promise<void>;
  get(id: string): Promise<FactReport | null>;
  /** Open reports, oldest first. */
  listOpen(limit: number): Promise<FactReport[]>;
  /** Open reports sent from one server (for `/schedule status`). */
  openCount(guildId: string): Promise<number>;
  /** Closes an open report with the operator's note; a closed one is left as it was. */
  close(id: string, note: string, at: Date): Promise<CloseReportResult>;
}
