import type { InteractionReplyOptions, InteractionUpdateOptions } from 'discord.js';
import type { ReplyBody } from '../render/reply.js';

/** No reply of the bot pings anyone; a setting that wants a ping opts in where it posts. */
export const NO_PINGS = { parse: [] } as const;

/** A ReplyBody in the shape discord.js sends. */
export function toReplyOptions(
  body: ReplyBody,
): InteractionReplyOptions & InteractionUpdateOptions {
  return {
    content: body.content,
    embeds: body.embeds ?? [],
    components: body.components ?? [],
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
            duration: body.poll.duration ?? 24,
            allowMultiselect: body.poll.allow_multiselect ?? false,
          },
        }
      : {}),
  };
}
