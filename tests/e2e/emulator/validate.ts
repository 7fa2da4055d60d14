import { ApiError, errors } from './http.js';

/**
 * Discord's documented limits (Discord API docs; see /work/shared/DISCORD-NOTES.md), kept here on
 * their own rather than imported from src/render/limits.ts, so a wrong limit in the bot is caught.
 */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  pollQuestion: 300,
  pollAnswers: 10,
  pollAnswer: 55,
  pollHours: 32 * 24,
  choices: 25,
  choiceText: 100,
  commandDescription: 100,
  commandOptions: 25,
  commandName: /^[-_'\p{L}\p{N}]{1,32}$/u,
} as const;

type Path = (string | number)[];

/** Collects field errors in Discord's nested `{ a: { 0: { b: { _errors: [...] } } } }` shape. */
class FormErrors {
  readonly tree: Record<string, unknown> = {};
  count = 0;

  add(path: Path, code: string, message: string): void {
    let node = this.tree;
    for (const key of path) {
      node[String(key)] ??= {};
      node = node[String(key)] as Record<string, unknown>;
    }
    ((node._errors ??= []) as unknown[]).push({ code, message });
    this.count += 1;
  }

  maxLength(path: Path, value: unknown, max: number): void {
    if (typeof value === 'string' && [...value].length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }

  maxItems(path: Path, value: unknown, max: number): void {
    if (Array.isArray(value) && value.length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }

  throwIfAny(): void {
    if (this.count > 0) throw errors.invalidFormBody(this.tree);
  }
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  value && typeof value === 'object' ? (value as Json) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const textLength = (value: unknown): number => (typeof value === 'string' ? [...value].length : 0);

/** Throws the ApiError Discord would answer for a message body, or returns if it would accept it. */
export function validateMessage(body: unknown, fileCount: number, requireContent = true): void {
  const message = asObject(body);
  const form = new FormErrors();
  form.maxLength(['content'], message.content, LIMITS.content);
  validateEmbeds(form, message.embeds);
  validateComponents(form, message.components);
  if (message.poll !== undefined && message.poll !== null)
    validatePoll(form, asObject(message.poll));
  form.throwIfAny();

  const empty =
    textLength(message.content) === 0 &&
    asArray(message.embeds).length === 0 &&
    asArray(message.components).length === 0 &&
    asArray(message.sticker_ids).length === 0 &&
    !message.poll &&
    fileCount === 0;
  if (requireContent && empty) throw errors.emptyMessage();
}

function validateEmbeds(form: FormErrors, value: unknown): void {
  const embeds = asArray(value);
  form.maxItems(['embeds'], embeds, LIMITS.embeds);
  let total = 0;
  embeds.forEach((raw, i) => {
    const embed = asObject(raw);
    const footer = asObject(embed.footer);
    const author = asObject(embed.author);
    form.maxLength(['embeds', i, 'title'], embed.title, LIMITS.embedTitle);
    form.maxLength(['embeds', i, 'description'], embed.description, LIMITS.embedDescription);
    form.maxLength(['embeds', i, 'footer', 'text'], footer.text, LIMITS.footer);
    form.maxLength(['embeds', i, 'author', 'name'], author.name, LIMITS.author);
    const fields = asArray(embed.fields);
    form.maxItems(['embeds', i, 'fields'], fields, LIMITS.embedFields);
    total +=
      textLength(embed.title) +
      textLength(embed.description) +
      textLength(footer.text) +
      textLength(author.name);
    fields.forEach((rawField, j) => {
      const field = asObject(rawField);
      form.maxLength(['embeds', i, 'fields', j, 'name'], field.name, LIMITS.fieldName);
      form.maxLength(['embeds', i, 'fields', j, 'value'], field.value, LIMITS.fieldValue);
      total += textLength(field.name) + textLength(field.value);
    });
  });
  if (total > LIMITS.embedTotal) {
    form.add(
      ['embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
    );
  }
}

function validateComponents(form: FormErrors, value: unknown): void {
  const rows = asArray(value);
  form.maxItems(['components'], rows, LIMITS.actionRows);
  rows.forEach((rawRow, i) => {
    const children = asArray(asObject(rawRow).components);
    form.maxItems(['components', i, 'components'], children, LIMITS.buttonsPerRow);
    children.forEach((rawChild, j) => {
      const child = asObject(rawChild);
      const path = ['components', i, 'components', j];
      form.maxLength([...path, 'custom_id'], child.custom_id, LIMITS.customId);
      form.maxLength([...path, 'label'], child.label, LIMITS.buttonLabel);
      form.maxItems([...path, 'options'], child.options, LIMITS.selectOptions);
    });
  });
}

function validatePoll(form: FormErrors, poll: Json): void {
  form.maxLength(['poll', 'question', 'text'], asObject(poll.question).text, LIMITS.pollQuestion);
  const answers = asArray(poll.answers);
  form.maxItems(['poll', 'answers'], answers, LIMITS.pollAnswers);
  answers.forEach((raw, i) => {
    form.maxLength(
      ['poll', 'answers', i, 'poll_media', 'text'],
      asObject(asObject(raw).poll_media).text,
      LIMITS.pollAnswer,
    );
  });
  if (typeof poll.duration === 'number' && poll.duration > LIMITS.pollHours) {
    form.add(
      ['poll', 'duration'],
      'NUMBER_TYPE_MAX',
      `int value should be less than or equal to ${LIMITS.pollHours}.`,
    );
  }
}

/** Autocomplete results: ≤ 25 choices, names and string values ≤ 100 characters. */
export function validateChoices(data: unknown): void {
  const form = new FormErrors();
  const choices = asArray(asObject(data).choices);
  form.maxItems(['choices'], choices, LIMITS.choices);
  choices.forEach((raw, i) => {
    const choice = asObject(raw);
    form.maxLength(['choices', i, 'name'], choice.name, LIMITS.choiceText);
    form.maxLength(['choices', i, 'value'], choice.value, LIMITS.choiceText);
  });
  form.throwIfAny();
}

/** A bulk overwrite body: names, descriptions and option counts as Discord checks them. */
export function validateCommands(body: unknown): void {
  if (!Array.isArray(body)) throw new ApiError(400, 50035, 'Invalid Form Body', { _errors: [] });
  const form = new FormErrors();
  body.forEach((raw, i) => validateCommand(form, asObject(raw), [i]));
  form.throwIfAny();
}

function validateCommand(form: FormErrors, command: Json, path: Path): void {
  const name = command.name;
  if (typeof name !== 'string' || !LIMITS.commandName.test(name) || name !== name.toLowerCase()) {
    form.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  const chatInput = command.type === undefined || command.type === 1;
  if (chatInput) {
    const length = textLength(command.description);
    if (length < 1 || length > LIMITS.commandDescription) {
      form.add(
        [...path, 'description'],
        'BASE_TYPE_BAD_LENGTH',
        `Must be between 1 and ${LIMITS.commandDescription} in length.`,
      );
    }
  }
  const options = asArray(command.options);
  form.maxItems([...path, 'options'], options, LIMITS.commandOptions);
  options.forEach((raw, j) => {
    const option = asObject(raw);
    form.maxItems([...path, 'options', j, 'choices'], option.choices, LIMITS.choices);
    // Options share the command's name and description rules; subcommands nest further options.
    validateCommand(form, { ...option, type: 1 }, [...path, 'options', j]);
  });
}
