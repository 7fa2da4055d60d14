import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayOpcodes } from 'discord-api-types/v10';
import { WebSocket, WebSocketServer } from 'ws';
import { apiUser, guildCreatePayload } from './fixtures.js';
import { shardOf } from './snowflake.js';
import type { EmulatorState } from './state.js';

export const GATEWAY_PATH = '/gateway';

interface DispatchFrame {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  shardId: number;
  seq: number;
  /** Sent dispatches, newest last, for RESUME replays (capped at replayBufferSize). */
  events: DispatchFrame[];
  socket: WebSocket | null;
  /** False once Discord would refuse to resume it (client closed 1000/1001, or INVALID_SESSION false). */
  resumable: boolean;
  /** Emulator time of the IDENTIFY that made it. */
  identifiedAt: number;
  /** The client's TCP port of its current socket, to tell two sockets of one shard apart. */
  remotePort: number | null;
}

export interface SessionInfo {
  id: string;
  shardId: number;
  seq: number;
  connected: boolean;
  resumable: boolean;
  identifiedAt: number;
  remotePort: number | null;
}

/**
 * The gateway: plain JSON text frames (no zlib-sync here, so discord.js asks for none), one session
 * per IDENTIFY, events buffered per session so RESUME can replay what the client missed.
 */
export class Gateway {
  readonly #state: EmulatorState;
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();
  readonly #currentByShard = new Map<number, Session>();
  readonly #sessionOf = new Map<WebSocket, Session>();
  readonly #closedByUs = new WeakSet<WebSocket>();
  readonly #remotePort = new WeakMap<WebSocket, number>();
  /** Each identify bucket's last accepted IDENTIFY, in emulator time. */
  readonly #lastIdentify = new Map<number, number>();

  constructor(state: EmulatorState) {
    this.#state = state;
    state.emitGuildEvent = (guildId, t, d) => {
      this.dispatchToGuild(guildId, t, d);
    };
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (new URL(req.url ?? '/', 'http://emulator.invalid').pathname !== GATEWAY_PATH) {
      socket.destroy();
      return;
    }
    this.#server.handleUpgrade(req, socket, head, (ws) => {
      if (req.socket.remotePort !== undefined) this.#remotePort.set(ws, req.socket.remotePort);
      this.#onConnection(ws);
    });
  }

  /**
   * Sends a dispatch to the shard that owns the guild. With the socket down it is buffered and
   * replayed on RESUME (lost if the client identifies afresh, as on Discord). Returns its seq.
   */
  dispatchToGuild(guildId: string, t: string, d: unknown): number {
    const shardId = shardOf(guildId, this.#state.options.shardCount);
    const session = this.#currentByShard.get(shardId);
    if (!session)
      throw new Error(`no gateway session for shard ${shardId}: log the client in first`);
    return this.#dispatch(session, t, d);
  }

  sessions(): SessionInfo[] {
    return [...this.#sessions.values()].map((s) => ({
      id: s.id,
      shardId: s.shardId,
      seq: s.seq,
      connected: s.socket !== null,
      resumable: s.resumable,
      identifiedAt: s.identifiedAt,
      remotePort: s.remotePort,
    }));
  }

  /**
   * Drops the sockets of these sessions without a close frame, whatever their shard: how to stop
   * one process's connections when two processes hold the same shard (a rolling deploy).
   */
  dropSessions(sessionIds: readonly string[]): void {
    for (const id of sessionIds) {
      const socket = this.#sessions.get(id)?.socket;
      if (!socket) continue;
      this.#detach(socket);
      this.#closedByUs.add(socket);
      socket.terminate();
    }
  }

  /** Closes the shard's socket with `code`. The session stays resumable unless `invalidate`. */
  closeSocket(code: number, { shardId = 0, invalidate = false } = {}): void {
    const session = this.#requireLive(shardId);
    if (invalidate) session.resumable = false;
    const socket = session.socket;
    if (!socket) return;
    this.#detach(socket);
    this.#closedByUs.add(socket);
    socket.close(code, 'closed by the emulator');
  }

  /** Drops the TCP connection without a close frame: the client sees 1006 and resumes. */
  dropSocket({ shardId = 0 } = {}): void {
    const socket = this.#requireLive(shardId).socket;
    if (!socket) return;
    this.#detach(socket);
    this.#closedByUs.add(socket);
    socket.terminate();
  }

  /** Op 9. `resumable: false` makes discord.js identify afresh; true makes it RESUME. */
  invalidSession(resumable: boolean, { shardId = 0 } = {}): void {
    const session = this.#requireLive(shardId);
    if (!resumable) session.resumable = false;
    this.#send(session.socket, {
      op: GatewayOpcodes.InvalidSession,
      d: resumable,
      s: null,
      t: null,
    });
  }

  /** Op 7: Discord asks the client to reconnect and resume. */
  requestReconnect({ shardId = 0 } = {}): void {
    const session = this.#requireLive(shardId);
    this.#send(session.socket, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  close(): Promise<void> {
    for (const ws of this.#server.clients) {
      this.#closedByUs.add(ws);
      ws.terminate();
    }
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #requireLive(shardId: number): Session {
    const session = this.#currentByShard.get(shardId);
    if (!session?.socket) throw new Error(`shard ${shardId} has no connected session`);
    return session;
  }

  #onConnection(ws: WebSocket): void {
    const stats = this.#state.gatewayStats;
    stats.connections += 1;
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      this.#onFrame(ws, isBinary ? '' : data.toString('utf8'));
    });
    ws.on('close', (code) => {
      const session = this.#sessionOf.get(ws);
      this.#detach(ws);
      if (!this.#closedByUs.has(ws)) {
        stats.clientCloseCodes.push(code);
        // Discord documents that closing with 1000 or 1001 ends the session.
        if (session && (code === 1000 || code === 1001)) session.resumable = false;
      }
      this.#state.changed();
    });
    this.#send(ws, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.#state.options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
    this.#state.changed();
  }

  #onFrame(ws: WebSocket, text: string): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      this.#closeWith(ws, 4002, 'Error while decoding payload.');
      return;
    }
    const op = (typeof frame.op === 'number' ? frame.op : -1) as GatewayOpcodes;
    const session = this.#sessionOf.get(ws) ?? null;
    // The payload is not kept: IDENTIFY and RESUME carry the token.
    this.#log('in', op, null, null, session);
    const d = (frame.d ?? {}) as Record<string, unknown>;
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.#heartbeat(ws);
        break;
      case GatewayOpcodes.Identify:
        this.#identify(ws, session, d);
        break;
      case GatewayOpcodes.Resume:
        this.#resume(ws, d);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!session) this.#closeWith(ws, 4003, 'Not authenticated.');
        break;
      default:
        this.#closeWith(ws, 4001, 'Unknown opcode.');
    }
    this.#state.changed();
  }

  #heartbeat(ws: WebSocket): void {
    const stats = this.#state.gatewayStats;
    stats.heartbeats += 1;
    if (this.#state.gatewayFaults.takeWithheldAck()) {
      stats.acksWithheld += 1;
      return;
    }
    stats.acks += 1;
    this.#send(ws, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
  }

  #identify(ws: WebSocket, current: Session | null, d: Record<string, unknown>): void {
    if (current) return this.#closeWith(ws, 4005, 'Already authenticated.');
    if (d.token !== this.#state.options.token)
      return this.#closeWith(ws, 4004, 'Authentication failed.');
    const shardCount = this.#state.options.shardCount;
    const [shardId = 0, requestedCount = 1] = Array.isArray(d.shard) ? (d.shard as number[]) : [];
    if (requestedCount !== shardCount || shardId >= shardCount) {
      return this.#closeWith(ws, 4010, 'Invalid shard.');
    }
    const limit = this.#state.options.sessionStartLimit;
    if (this.#identifyTooSoon(shardId, limit.maxConcurrency)) {
      // Discord's gateway docs: past the identify limit "the Gateway will respond with an
      // Invalid Session (opcode 9)". Not resumable: the client must identify again, later.
      this.#send(ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return undefined;
    }
    // Discord closes with 4004-like refusals once the day's starts are spent; the token resets.
    if (limit.remaining <= 0) return this.#closeWith(ws, 4004, 'Authentication failed.');
    limit.remaining -= 1;
    this.#state.gatewayStats.identifies += 1;
    const session: Session = {
      id: this.#state.ids.next(),
      shardId,
      seq: 0,
      events: [],
      socket: ws,
      resumable: true,
      identifiedAt: this.#state.now(),
      remotePort: this.#remotePort.get(ws) ?? null,
    };
    this.#sessions.set(session.id, session);
    this.#currentByShard.set(shardId, session);
    this.#sessionOf.set(ws, session);

    const { world } = this.#state;
    const guilds = world.guilds.filter((g) => shardOf(g.id, shardCount) === shardId);
    this.#dispatch(session, 'READY', {
      v: 10,
      user: { ...apiUser(world.bot), verified: true, mfa_enabled: false },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.#state.gatewayUrl,
      shard: [shardId, shardCount],
      application: { id: world.applicationId, flags: world.applicationFlags },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
      session_type: 'normal',
      auth: {},
    });
    for (const guild of guilds) this.#dispatch(session, 'GUILD_CREATE', guildCreatePayload(guild));
    return undefined;
  }

  #resume(ws: WebSocket, d: Record<string, unknown>): void {
    const stats = this.#state.gatewayStats;
    stats.resumes += 1;
    if (d.token !== this.#state.options.token)
      return this.#closeWith(ws, 4004, 'Authentication failed.');
    const session = this.#sessions.get(String(d.session_id));
    if (!session?.resumable || this.#currentByShard.get(session.shardId) !== session) {
      this.#send(ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return undefined;
    }
    if (session.socket && session.socket !== ws) {
      const stale = session.socket;
      this.#detach(stale);
      this.#closedByUs.add(stale);
      stale.close(4000, 'resumed elsewhere');
    }
    session.socket = ws;
    session.remotePort = this.#remotePort.get(ws) ?? null;
    this.#sessionOf.set(ws, session);
    const clientSeq = typeof d.seq === 'number' ? d.seq : 0;
    for (const frame of session.events) {
      if (frame.s > clientSeq) this.#send(ws, frame);
    }
    stats.resumed += 1;
    this.#dispatch(session, 'RESUMED', {});
    return undefined;
  }

  /** True (and recorded) when the shard's bucket accepted an IDENTIFY within the window. */
  #identifyTooSoon(shardId: number, maxConcurrency: number): boolean {
    const rule = this.#state.options.identifyRateLimit;
    if (!rule) return false;
    const key = shardId % Math.max(1, maxConcurrency);
    const now = this.#state.now();
    const last = this.#lastIdentify.get(key);
    if (last !== undefined && now - last < rule.windowMs) {
      this.#state.gatewayStats.identifiesRateLimited.push({
        shardId,
        rateLimitKey: key,
        sinceLastMs: Math.round(now - last),
        at: now,
      });
      return true;
    }
    this.#lastIdentify.set(key, now);
    return false;
  }

  #dispatch(session: Session, t: string, d: unknown): number {
    session.seq += 1;
    const frame: DispatchFrame = { op: 0, t, s: session.seq, d };
    session.events.push(frame);
    if (session.events.length > this.#state.options.replayBufferSize) session.events.shift();
    if (session.socket) this.#send(session.socket, frame);
    else this.#log('out', 0, t, frame.s, session, true);
    return frame.s;
  }

  #send(
    ws: WebSocket | null,
    frame: { op: number; t: string | null; s: number | null; d: unknown },
  ): void {
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(JSON.stringify(frame));
    this.#log('out', frame.op, frame.t, frame.s, this.#sessionOf.get(ws) ?? null);
  }

  #closeWith(ws: WebSocket, code: number, reason: string): void {
    this.#detach(ws);
    this.#closedByUs.add(ws);
    ws.close(code, reason);
  }

  #detach(ws: WebSocket): void {
    const session = this.#sessionOf.get(ws);
    if (session?.socket === ws) session.socket = null;
    this.#sessionOf.delete(ws);
  }

  #log(
    direction: 'in' | 'out',
    op: number,
    t: string | null,
    s: number | null,
    session: Session | null,
    buffered = false,
  ): void {
    this.#state.gatewayLog.push({
      direction,
      op,
      t,
      s,
      shardId: session?.shardId ?? null,
      sessionId: session?.id ?? null,
      buffered,
      at: this.#state.now(),
    });
  }
}
