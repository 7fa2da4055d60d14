import { pino, stdSerializers, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear in a log record. The token and authorization
 * headers must never reach a log, even when an error object carries a request with them. These
 * are the first line; `scrub` below catches the same keys at any depth and token-shaped text.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'headers.Authorization',
  'config.DISCORD_TOKEN',
];

export const CENSOR = '[redacted]';

/** Keys whose values are secrets wherever they sit: `token`, `DISCORD_TOKEN`, `authorization`… */
const SECRET_KEY = /(^|_|-)(token|authorization|password|secret|cookie|api[-_]?key)$|token$/i;

/**
 * Text that is a secret whatever key it sits under: a Discord bot token (id.timestamp.hmac, in
 * base64url) and an Authorization header value ("Bot …", "Bearer …").
 */
const SECRET_TEXT = [
  /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}/g,
  /\b(Bot|Bearer|Basic)\s+[\w.+/=-]{8,}/g,
];

/** Past this depth a log object is cut: no log needs more, and it bounds the walk. */
const MAX_DEPTH = 8;

export interface LoggerOptions {
  /** Exact values never to print (the token from the config), wherever they appear. */
  secrets?: readonly string[];
}

function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join(CENSOR);
  for (const pattern of SECRET_TEXT) out = out.replace(pattern, CENSOR);
  return out;
}

/**
 * A copy of a log value with every secret censored: by key at any depth, by shape in any string,
 * and inside errors (serialized first, so their message, stack and attached request are walked).
 */
export function scrub(value: unknown, secrets: readonly string[] = []): unknown {
  const seen = new WeakSet<object>();
  const walk = (current: unknown, depth: number): unknown => {
    if (typeof current === 'string') return scrubText(current, secrets);
    if (typeof current !== 'object' || current === null) return current;
    if (seen.has(current)) return '[Circular]';
    if (depth >= MAX_DEPTH) return '[Object]';
    // Only the objects on the current path: a value shared by two branches is no cycle.
    seen.add(current);
    try {
      return walkObject(current, depth);
    } finally {
      seen.delete(current);
    }
  };
  const walkObject = (current: object, depth: number): unknown => {
    if (current instanceof Error) return walk({ ...stdSerializers.err(current) }, depth);
    if (Array.isArray(current)) return current.map((item) => walk(item, depth + 1));
    if (Buffer.isBuffer(current)) return `[Buffer ${current.length}]`;
    if (current instanceof Map) return walk(Object.fromEntries(current), depth);
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(current)) {
      copy[key] = SECRET_KEY.test(key) && child != null ? CENSOR : walk(child, depth + 1);
    }
    return copy;
  };
  return walk(value, 0);
}

export function createLogger(
  level: LevelWithSilent,
  destination?: pino.DestinationStream,
  { secrets = [] }: LoggerOptions = {},
): Logger {
  const clean = (value: unknown) => scrub(value, secrets);
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    formatters: {
      log: (object) => clean(object) as Record<string, unknown>,
      bindings: (bindings) => clean(bindings) as pino.Bindings,
    },
    serializers: {
      // Errors arrive already serialized and scrubbed by formatters.log.
      err: (value: unknown) => value,
      // The message, after printf-style arguments are filled in.
      msg: (value: unknown) => (typeof value === 'string' ? scrubText(value, secrets) : value),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * pino-pretty's readable lines, if it is installed: a dev dependency, so a production install
 * (`npm ci --omit=dev`) has none and logs JSON whatever it is asked.
 */
export async function openPrettyStream(
  destination: NodeJS.WritableStream = process.stdout,
): Promise<pino.DestinationStream | null> {
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({
      destination,
      colorize: destination === process.stdout && process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      sync: true,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}

export interface AppLoggerOptions extends LoggerOptions {
  level: LevelWithSilent;
  /** Readable lines; unset, when stdout is a terminal (`npm run dev` in a shell), else JSON. */
  pretty?: boolean | undefined;
}

/** The process's one logger: JSON for machines, or readable lines for a person at a terminal. */
export async function createAppLogger({
  level,
  pretty,
  secrets = [],
}: AppLoggerOptions): Promise<Logger> {
  const wantPretty = pretty ?? process.stdout.isTTY === true;
  const stream = wantPretty ? await openPrettyStream() : null;
  const log = createLogger(level, stream ?? undefined, { secrets });
  if (pretty === true && stream === null) {
    log.warn(
      { event: 'log-pretty-unavailable' },
      'LOG_PRETTY is set, but pino-pretty (a dev dependency) is not installed: logging JSON',
    );
  }
  return log;
}
