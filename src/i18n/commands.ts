import type {
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

/** A command's name and description in one language, with its options' and choices'. */
export interface CommandLocalization {
  name: string;
  description: string;
  options?: Record<string, OptionLocalization>;
}
export interface OptionLocalization {
  name: string;
  description: string;
  /** Choice names by choice value. */
  choices?: Record<string, string>;
  /** A subcommand's own options. */
  options?: Record<string, OptionLocalization>;
}

/**
 * Ukrainian names and descriptions for every command, option and choice (Discord locale `uk`).
 * Names keep Discord's rule: lowercase, `^[-_'\p{L}\p{N}]{1,32}$`.
 */
export const ukCommands: Record<string, CommandLocalization> = {
  agreement: {
    name: 'угода',
    description: 'Факти про одну безпекову угоду, з джерелами',
    options: {
      partner: {
        name: 'партнер',
        description: 'Країна чи організація: Німеччина, Британія, ЄС, G7, 🇫🇷…',
      },
    },
  },
  agreements: {
    name: 'угоди',
    description: 'Усі безпекові угоди, сторінка за сторінкою',
    options: {
      order: {
        name: 'порядок',
        description: 'Як упорядкувати перелік',
        choices: { date: 'За датою підписання', name: 'За назвою партнера' },
      },
    },
  },
  timeline: {
    name: 'хронологія',
    description: 'Угоди в порядку підписання, місяць за місяцем',
  },
  map: {
    name: 'мапа',
    description: 'Мапа партнерів України з відтінком за датою підписання',
    options: {
      show: {
        name: 'показати',
        description: 'Які угоди показати на мапі',
        choices: {
          all: 'Усі угоди',
          '2024': 'Підписані у 2024 році',
          '2025': 'Підписані у 2025 році',
          dw21: '21 угода зі статті DW (липень 2024)',
        },
      },
    },
  },
  quote: {
    name: 'цитата',
    description: 'Що сказали експерти й лідери про угоди',
    options: {
      speaker: { name: 'хто', description: 'Хто сказав: Shea, Краєв, Туск…' },
      topic: {
        name: 'тема',
        description: 'Слово з цитати чи її контексту: НАТО, гарантії, Польща…',
      },
    },
  },
  about: {
    name: 'про-бота',
    description: 'Що знає бот, звідки факти, як повідомити про помилку',
  },
};

/** Adds `uk` localizations to a command body; commands without a localization are returned as is. */
export function localizeCommand(
  body: RESTPostAPIChatInputApplicationCommandsJSONBody,
  uk: CommandLocalization | undefined,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  if (!uk) return body;
  return {
    ...body,
    name_localizations: { uk: uk.name },
    description_localizations: { uk: uk.description },
    ...(body.options
      ? { options: body.options.map((o) => localizeOption(o, uk.options?.[o.name])) }
      : {}),
  };
}

function localizeOption(
  option: APIApplicationCommandOption,
  uk: OptionLocalization | undefined,
): APIApplicationCommandOption {
  if (!uk) return option;
  const localized: APIApplicationCommandOption = {
    ...option,
    name_localizations: { uk: uk.name },
    description_localizations: { uk: uk.description },
  };
  if ('choices' in localized && localized.choices) {
    (localized as { choices: unknown[] }).choices = localized.choices.map((choice) => ({
      ...choice,
      name_localizations: { uk: uk.choices?.[String(choice.value)] ?? choice.name },
    }));
  }
  if ('options' in localized && localized.options) {
    (localized as { options: APIApplicationCommandOption[] }).options = localized.options.map((o) =>
      localizeOption(o, uk.options?.[o.name]),
    );
  }
  return localized;
}
