import type { InteractionReplyOptions, InteractionUpdateOptions, JSONEncodable } from 'discord.js';
import type { ReplyBody } from '../render/reply.js';
import { DEFAULT_POLL_HOURS } from '../render/limits.js';

/** No reply of the bot pings anyone; a setting that wants a ping opts in where it posts. */
export const NO_PINGS = { parse: [] } as const;

/**
 * Our embeds and components are already the API's JSON. Handed over as plain objects, discord.js
 * would copy each one on every reply through its camelCase-to-snake_case transformer (a regex per
 * key, the bot's largest CPU cost per reply after the network); wrapped as JSON-encodable, it
 * sends them as they are.
 */
function asJson<T>(value: T): JSONEncodable<T> {
  return { toJSON: () => value };
}

/** A ReplyBody in the shape discord.js sends. */
export function toReplyOptions(
  body: ReplyBody,
): InteractionReplyOptions & InteractionUpdateOptions {
  return {
    content: body.content,
    embeds: (body.embeds ?? []).map(asJson),
    components: (body.components ?? []).map(asJson),
    flags: body.flags,
    files: body.files?.map((file) => ({
      attachment: file.data,
      name: file.name,
      description: file.description,
    })),
    allowedMentions: NO_PINGS,
    ...(body.poll
      ? {
          poll: {
            question: { text: body.poll.question.text ?? '' },
            answers: body.poll.answers.map((answer) => ({ text: answer.poll_media.text ?? '' })),
            duration: body.poll.duration ?? DEFAULT_POLL_HOURS,
            allowMultiselect: body.poll.allow_multiselect ?? false,
          },
        }
      : {}),
  };
}
