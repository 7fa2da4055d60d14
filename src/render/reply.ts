import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  RESTAPIPoll,
} from 'discord-api-types/v10';
import { EPHEMERAL } from './limits.js';

/** A file sent with a reply (a rendered picture), referenced from an embed as attachment://name. */
export interface ReplyFile {
  name: string;
  data: Buffer;
  /** Alt text, shown to screen readers. */
  description: string;
}

/**
 * What the bot sends: the interaction response data, as plain JSON. Renderers build it, the
 * Discord layer sends it, the preview prints it.
 */
export interface ReplyBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  flags?: number;
  files?: ReplyFile[];
  /** A native poll, in Discord's API shape. */
  poll?: RESTAPIPoll;
  /** A thread to open on the reply once it is sent, where the bot may. */
  thread?: { name: string; auto_archive_duration: 60 | 1440 | 4320 | 10080 };
}

export function ephemeral(body: ReplyBody): ReplyBody {
  return { ...body, flags: (body.flags ?? 0) | EPHEMERAL };
}

export function isEphemeral(body: ReplyBody): boolean {
  return ((body.flags ?? 0) & EPHEMERAL) !== 0;
}
