import { MessageFlags } from 'discord-api-types/v10';

/**
 * Discord's limits, in one place (Discord API docs: message, embed, component, interaction
 * references). Renderers cut to these; tests hold every reply to them.
 */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  /** Title, description, field names and values, footer and author of all embeds together. */
  embedTotal: 6000,
  buttonsPerRow: 5,
  actionRows: 5,
  buttonLabel: 80,
  customId: 100,
  linkUrl: 512,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  pollAnswers: 10,
  pollQuestion: 300,
  pollAnswer: 55,
} as const;

/** The ephemeral message flag: Discord's own constant, named here for the renderers and tests. */
export const EPHEMERAL = MessageFlags.Ephemeral;

/** How long a poll stays open when its body sets no duration: Discord's own default, in hours. */
export const DEFAULT_POLL_HOURS = 24;
