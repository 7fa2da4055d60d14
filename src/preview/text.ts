import { ButtonStyle, ComponentType, type RESTAPIPoll } from 'discord-api-types/v10';
import { isEphemeral, type ReplyBody } from '../render/reply.js';

/** Discord markup made readable in a terminal: timestamps as dates, links with their address. */
export function plainMarkup(text: string, locale: string): string {
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return text
    .replace(/<t:(-?\d+):[a-zA-Z]>/g, (_, unix: string) =>
      dates.format(new Date(Number(unix) * 1000)),
    )
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1 <$2>')
    .replace(/\*\*([^*]+)\*\*/g, '$1');
}

/** A poll on one line: `[poll: question: answer / answer]`. */
export function pollLine(poll: RESTAPIPoll): string {
  const answers = poll.answers.map((a) => a.poll_media.text ?? '').join(' / ');
  return `[poll: ${poll.question.text ?? ''}: ${answers}]`;
}

/** A reply as a person would read it in Discord, for the terminal. */
export function replyToText(body: ReplyBody, locale: string): string {
  const out: string[] = [];
  const plain = (text: string) => plainMarkup(text, locale);
  if (isEphemeral(body)) out.push('(only you can see this)');
  if (body.content) out.push(plain(body.content));
  for (const embed of body.embeds ?? []) {
    if (embed.author?.name) out.push(plain(embed.author.name));
    if (embed.title) out.push(`# ${plain(embed.title)}${embed.url ? ` <${embed.url}>` : ''}`);
    if (embed.description) out.push(plain(embed.description));
    for (const field of embed.fields ?? [])
      out.push(`\n## ${plain(field.name)}\n${plain(field.value)}`);
    if (embed.image?.url) out.push(`[image: ${embed.image.url}]`);
    if (embed.footer?.text) out.push(`\n-- ${plain(embed.footer.text)}`);
  }
  if (body.poll) out.push(pollLine(body.poll));
  for (const file of body.files ?? []) out.push(`[attached ${file.name}: ${file.description}]`);
  for (const row of body.components ?? []) {
    const buttons = row.components.flatMap((component) => {
      if (component.type !== ComponentType.Button) return [];
      if (component.style === ButtonStyle.Link)
        return [`[${component.label ?? ''} -> ${component.url}]`];
      if (component.style === ButtonStyle.Premium) return [];
      return [`[${component.label ?? ''}${component.disabled ? ' (disabled)' : ''}]`];
    });
    if (buttons.length > 0) out.push(buttons.join(' '));
  }
  // Suggestions and admin tools (issue 13): a modal a button opens, and what a reply sets off.
  if (body.modal) out.push(`[modal: ${body.modal.title}]`);
  for (const effect of body.effects ?? []) {
    const where =
      effect.kind === 'post' ? `a post in <#${effect.channelId}>` : 'a DM to the author';
    out.push(`\n[then ${where}:]\n${replyToText(effect.body, locale)}`);
  }
  return out.join('\n');
}

/** The reply as the JSON body of Discord's interaction response: files become attachment entries. */
export function replyToJson(body: ReplyBody): Record<string, unknown> {
  const { files, ...rest } = body;
  return {
    content: rest.content ?? '',
    embeds: rest.embeds ?? [],
    components: rest.components ?? [],
    flags: rest.flags ?? 0,
    allowed_mentions: { parse: [] },
    ...(rest.poll ? { poll: rest.poll } : {}),
    ...(files?.length
      ? {
          attachments: files.map((f, id) => ({ id, filename: f.name, description: f.description })),
        }
      : {}),
  };
}
