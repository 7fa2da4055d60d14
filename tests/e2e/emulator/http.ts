import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UploadedFile } from './records.js';

export interface ParsedBody {
  /** JSON body, or the multipart `payload_json` part; undefined when there is none. */
  json: unknown;
  files: UploadedFile[];
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { json: undefined, files: [] };
  const type = contentType ?? '';
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, type);
  try {
    return { json: JSON.parse(raw.toString('utf8')) as unknown, files: [] };
  } catch {
    return { json: raw.toString('utf8'), files: [] };
  }
}

/**
 * discord.js sends replies with files as multipart: a `payload_json` part holding the JSON body and
 * one `files[n]` part per file. Only the JSON and the files' names and sizes are kept.
 */
function parseMultipart(raw: Buffer, contentType: string): ParsedBody {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return { json: undefined, files: [] };
  const delimiter = Buffer.from(`--${boundary}`);
  const parsed: ParsedBody = { json: undefined, files: [] };
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    const next = raw.indexOf(delimiter, partStart);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = raw.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const field = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (field === 'payload_json') {
        parsed.json = JSON.parse(content.toString('utf8')) as unknown;
      } else if (filename !== undefined) {
        const partType =
          /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
        parsed.files.push({ field, filename, contentType: partType, size: content.length });
      }
    }
    start = next;
  }
  return parsed;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** 204 without a content type: with `application/json` discord.js would try to parse nothing. */
export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

/** A Discord API error as a value, thrown by routes and turned into a JSON answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return this.errors
      ? { code: this.code, message: this.message, errors: this.errors }
      : { code: this.code, message: this.message };
  }
}

/** The errors Discord answers that the bot is expected to handle, by their documented codes. */
export const errors = {
  notFound: () => new ApiError(404, 0, '404: Not Found'),
  unauthorized: () => new ApiError(401, 0, '401: Unauthorized'),
  unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
  unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
  unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
  missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
  missingPermissions: () => new ApiError(403, 50013, 'Missing Permissions'),
  cannotSendToUser: () => new ApiError(403, 50007, 'Cannot send messages to this user'),
  invalidRecipient: () => new ApiError(400, 50033, 'Invalid Recipient(s)'),
  emptyMessage: () => new ApiError(400, 50006, 'Cannot send an empty message'),
  invalidWebhookToken: () => new ApiError(401, 50027, 'Invalid Webhook Token'),
  alreadyAcknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
  invalidFormBody: (fieldErrors: Record<string, unknown>) =>
    new ApiError(400, 50035, 'Invalid Form Body', fieldErrors),
};
