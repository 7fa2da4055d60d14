import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIModalInteractionResponseCallbackData,
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
  // Suggestions and admin tools (issue 13).
  /** A button's answer that asks for more first: the Discord layer opens this modal instead. */
  modal?: APIModalInteractionResponseCallbackData;
  /**
   * What the Discord layer does once the reply is sent: still plain data, so commands stay pure
   * and the preview can print it. A failed effect never undoes the reply.
   */
  effects?: ReplyEffect[];
  // English original of a later record (issue 12)
  /**
   * A button's answer sent as a reply of its own, leaving the message with the button as it
   * was (a public Ukrainian record stays Ukrainian for everyone; its English goes to the clicker).
   */
  replyApart?: true;
}

/** A message the bot sends beside its reply. None of them pings anyone. */
export type ReplyEffect =
  | {
      /** A message in a channel (a suggestion shown to admins, a test post). */
      kind: 'post';
      channelId: string;
      body: ReplyBody;
      /** Told to the user, ephemerally, when the post fails; `{reason}` is replaced with why. */
      failureNotice?: string;
    }
  | {
      /** A direct message; when it is refused, the store keeps the news for the user's next use. */
      kind: 'dm';
      userId: string;
      body: ReplyBody;
      /** The suggestion whose outcome this tells: marked told once the DM is through. */
      suggestion: { guildId: string; id: string };
    };

export function ephemeral(body: ReplyBody): ReplyBody {
  return { ...body, flags: (body.flags ?? 0) | EPHEMERAL };
}

export function isEphemeral(body: ReplyBody): boolean {
  return ((body.flags ?? 0) & EPHEMERAL) !== 0;
}
