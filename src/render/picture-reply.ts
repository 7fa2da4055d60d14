import type { APIEmbed } from 'discord-api-types/v10';
import type { Picture } from './pictures/index.js';
import type { ReplyBody } from './reply.js';

/** Puts a rendered picture inside the reply's first embed, as an attachment with alt text. */
export function withPicture(body: ReplyBody, picture: Picture): ReplyBody {
  const [first, ...rest] = body.embeds ?? [];
  const image = { url: `attachment://${picture.fileName}` };
  const embed: APIEmbed = first ? { ...first, image } : { image };
  return {
    ...body,
    embeds: [embed, ...rest],
    files: [
      ...(body.files ?? []),
      { name: picture.fileName, data: picture.png, description: picture.alt },
    ],
  };
}
