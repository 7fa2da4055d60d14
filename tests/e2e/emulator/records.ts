/** What the emulator records, so a test can assert on what the bot sent. Times are ms since start. */

export interface RecordedRequest {
  /** Order of arrival, from 1. */
  seq: number;
  method: string;
  /** The decoded path under `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON; for multipart, the `payload_json` part plus `files` descriptors. */
  body: unknown;
  /** Request headers without `authorization` or `cookie`. */
  headers: Record<string, string>;
  /** Whether an `Authorization: Bot …` header came with the right token. The token is never kept. */
  auth: 'bot' | 'wrong-token' | 'none';
  status: number;
  /** Set when an injected fault answered instead of the route, or held the request (`delay`). */
  fault: string | null;
  at: number;
}

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface RecordedCallback {
  interactionId: string;
  /** The interaction callback type (4 message, 5 deferred, 6 deferred update, 7 update, 8 choices, 9 modal). */
  type: number;
  data: unknown;
  files: UploadedFile[];
  /** Milliseconds from `dispatchInteraction` to the callback's arrival. */
  elapsedMs: number;
  /** 204/200 if Discord would accept it; 400 (already acknowledged), 404 (expired, unknown). */
  status: number;
  errorCode: number | null;
  at: number;
}

/** A message as stored, with the request fields a test asks about next to the API object. */
export interface StoredMessage {
  id: string;
  channelId: string;
  source: 'channel' | 'interaction' | 'follow-up';
  interactionId: string | null;
  content: string;
  embeds: unknown[];
  components: unknown[];
  poll: unknown;
  flags: number;
  allowedMentions: unknown;
  nonce: string | number | null;
  files: UploadedFile[];
  /** The APIMessage-shaped object REST answers with. */
  api: Record<string, unknown>;
  createdAt: number;
  editedAt: number | null;
}

export interface RecordedThread {
  id: string;
  guildId: string;
  parentId: string;
  /** The message the thread starts from, or null for a thread without one. */
  messageId: string | null;
  name: string;
  autoArchiveDuration: number;
  at: number;
}

export interface StoredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  version: string;
  name: string;
  type: number;
  [key: string]: unknown;
}

export interface CommandWrite {
  scope: 'global' | 'guild';
  guildId: string | null;
  body: unknown;
  status: number;
  at: number;
}

export interface CommandRegistry {
  global: StoredCommand[];
  guilds: Map<string, StoredCommand[]>;
  /** Every bulk overwrite, accepted or not, in order. */
  writes: CommandWrite[];
}

export interface GatewayEventRecord {
  direction: 'in' | 'out';
  op: number;
  t: string | null;
  s: number | null;
  shardId: number | null;
  sessionId: string | null;
  /** A dispatch made while the session had no socket: kept for a RESUME replay. */
  buffered: boolean;
  at: number;
}

export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  /** RESUMEs answered with RESUMED (the others got INVALID_SESSION). */
  resumed: number;
  heartbeats: number;
  acks: number;
  acksWithheld: number;
  /** Close codes the client sent when it closed a socket. */
  clientCloseCodes: number[];
  /**
   * IDENTIFYs refused with op 9 because their bucket (`shard_id % max_concurrency`) had one
   * within the window (only when `identifyRateLimit` is on): a client that should have waited.
   */
  identifiesRateLimited: IdentifyRefusal[];
}

export interface IdentifyRefusal {
  shardId: number;
  rateLimitKey: number;
  /** Milliseconds since the bucket's previous accepted IDENTIFY. */
  sinceLastMs: number;
  at: number;
}

/** What the standing global REST limit did (only when `globalRateLimit` is on). */
export interface GlobalLimitStats {
  /** Requests that counted against the limit and were let through. */
  accepted: number;
  /** Requests answered 429 with `X-RateLimit-Global`. */
  limited: number;
  /** Accepted requests per whole second since the emulator started (index: second). */
  acceptedPerSecond: number[];
}

/**
 * Lets tests wait for a condition: every emulator change calls `notify`, which re-checks the
 * pending waiters at once; a slow poll also catches conditions on the client's side (its cache).
 */
const POLL_MS = 20;

export class ChangeNotifier {
  #waiters = new Set<() => void>();
  #closed = false;

  notify(): void {
    for (const check of [...this.#waiters]) check();
  }

  waitFor<T>(
    probe: () => T | undefined | null | false,
    timeoutMs: number,
    label: string,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#closed) {
        reject(new Error(`emulator closed while waiting for ${label}`));
        return;
      }
      const finish = (outcome: () => void): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.#waiters.delete(check);
        outcome();
      };
      const check = (): void => {
        if (this.#closed) {
          finish(() => reject(new Error(`emulator closed while waiting for ${label}`)));
          return;
        }
        const value = probe();
        if (value !== undefined && value !== null && value !== false) finish(() => resolve(value));
      };
      const timer = setTimeout(
        () =>
          finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${label}`))),
        timeoutMs,
      );
      const poll = setInterval(check, POLL_MS);
      this.#waiters.add(check);
      check();
    });
  }

  close(): void {
    this.#closed = true;
    this.notify();
  }
}
