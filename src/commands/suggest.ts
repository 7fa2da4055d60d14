import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { SUGGESTION_QUESTION_MAX } from '../store/suggestions.js';
import { decideFromQueue } from '../suggest/queue.js';
import { submitSuggestion } from '../suggest/submit.js';
import { defineCommand } from './types.js';

/**
 * A store that cannot be reached while a page is read: the member hears "try again shortly"
 * (the writes map their own failures to "not saved"); anything else reaches the router's catch.
 */
async function answerUnlessStoreAway(
  locale: string,
  work: () => Promise<ReplyBody>,
  asReply: boolean,
): Promise<ReplyBody> {
  try {
    return await work();
  } catch (error) {
    if (!isStoreUnavailable(error)) throw error;
    const storage = stringsFor(locale).storage;
    return asReply ? ephemeral({ content: storage.unavailable }) : { content: storage.unavailable };
  }
}

function isStoreUnavailable(error: unknown): boolean {
  return error instanceof Error && error.name === 'StoreUnavailableError';
}

/** A member suggests a discussion prompt; the server's admins decide in the queue. */
export const suggest = defineCommand({
  ephemeral: true,
  data: {
    name: 'suggest',
    description: 'Suggest a discussion prompt for this server; its admins decide',
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'The question to discuss (10 to 300 characters)',
        required: true,
        max_length: SUGGESTION_QUESTION_MAX,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'answers',
        description: 'Poll answers, 2 to 10, separated by ; (e.g. Yes; No; Not sure)',
        max_length: 600,
      },
    ],
  },
  respond: (input, ctx) =>
    answerUnlessStoreAway(input.locale, () => submitSuggestion(input.options, input, ctx), true),
  button: (input, ctx) =>
    answerUnlessStoreAway(input.locale, () => decideFromQueue(input, ctx), false),
  modal: (input, ctx) =>
    answerUnlessStoreAway(input.locale, () => decideFromQueue(input, ctx), false),
});
