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

/** /schedule test's, skip's and preview's `kind:` (preview adds data-change posts). */
const KIND_OPTION = {
  name: 'вид',
  description: 'Який допис',
  choices: {
    anniversary: 'Нагадування про річницю',
    digest: 'Щотижневий огляд',
    prompt: 'Питання для обговорення',
  },
} satisfies OptionLocalization;

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
      clause: {
        name: 'пункт',
        description: 'Лише ті, де пункт про консультації протягом 24 годин…',
        choices: {
          stated: 'Зазначено в наших джерелах',
          'not-stated': 'Не вказано в наших джерелах',
          none: 'Відсутній: текст не встановлює 24-годинного строку',
        },
      },
      year: { name: 'рік', description: 'Лише підписані цього року' },
      kind: {
        name: 'вид',
        description: 'Лише один вид документів',
        choices: {
          official: '28 з офіційного переліку України',
          framework: 'Рамкові документи (G7, Compact)',
          disputed: 'Спірні (Хорватія)',
          // Issue 12, the later records.
          later: 'Пізніші документи (від 2025 року)',
          'no-agreement': 'Без угоди: переговори, нічого не підписано',
        },
      },
    },
  },
  timeline: {
    name: 'хронологія',
    description: 'Угоди в порядку підписання, місяць за місяцем',
  },
  guarantees: {
    name: 'гарантії',
    description: 'Шлях до гарантій безпеки від 2025 року: кожен крок із датою, джерелом і станом',
  },
  changes: {
    name: 'зміни',
    description: 'Що нещодавно додано до даних бота чи виправлено в них, з джерелами',
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
          '2024': 'Підписані в 2024 році',
          '2025': 'Підписані в 2025 році',
          dw21: '21 угода зі статті DW (липень 2024)',
        },
      },
      partner: {
        name: 'партнер',
        description: 'Одна країна-партнер, щоб побачити, де вона (замість «показати»)',
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
        description: 'Про що цитата, українською чи англійською: НАТО, гарантії, Польща…',
      },
    },
  },
  search: {
    name: 'пошук',
    description: 'Пошук в усіх угодах і цитатах за змістом: F-16, ППО, 24 години…',
    options: {
      query: {
        name: 'запит',
        description: 'Що шукати, українською чи англійською: F-16, ППО, Варшава…',
      },
      kind: {
        name: 'вид',
        description: 'Лише угоди або лише цитати',
        choices: { agreements: 'Угоди', quotes: 'Цитати' },
      },
    },
  },
  compare: {
    name: 'порівняти',
    description: 'Дві угоди поруч: дата, підписанти, строк, зобов’язання, пункт про 24 години',
    options: {
      first: { name: 'перша', description: 'Перша угода: Німеччина, Британія, ЄС, 🇯🇵…' },
      second: { name: 'друга', description: 'Угода, яку поставити поруч' },
      picture: { name: 'діаграма', description: 'Додати діаграму зобов’язань за роками й сумами' },
    },
  },
  discuss: {
    name: 'обговорення',
    description: 'Почати обговорення тут: питання на основі угод, часто з опитуванням',
  },
  schedule: {
    name: 'розклад',
    description: 'Налаштувати нагадування про річниці, щотижневий огляд і питання для обговорення',
    options: {
      setup: {
        name: 'налаштувати',
        description: 'Вибрати канал, час і часовий пояс для запланованих дописів',
        options: {
          channel: { name: 'канал', description: 'Куди дописувати' },
          time: { name: 'час', description: 'Місцевий час допису, 24-годинний: 09:00' },
          timezone: {
            name: 'пояс',
            description: 'Ваш часовий пояс: Europe/Kyiv, America/New_York, UTC…',
          },
        },
      },
      set: {
        name: 'змінити',
        description: 'Увімкнути чи вимкнути види дописів, вибрати день огляду й кого згадувати',
        options: {
          anniversaries: { name: 'річниці', description: 'Нагадування про річниці: так чи ні' },
          digest: { name: 'огляд', description: 'Щотижневий огляд: так чи ні' },
          digest_day: {
            name: 'день_огляду',
            description: 'День тижня для огляду (і щотижневих питань)',
            choices: {
              '1': 'Понеділок',
              '2': 'Вівторок',
              '3': 'Середа',
              '4': 'Четвер',
              '5': 'Пʼятниця',
              '6': 'Субота',
              '7': 'Неділя',
            },
          },
          prompts: {
            name: 'питання',
            description: 'Як часто публікувати питання для обговорення',
            choices: { daily: 'Щодня', weekly: 'Щотижня, з оглядом', off: 'Вимкнено' },
          },
          ping_role: { name: 'роль', description: 'Роль, яку згадувати в кожному дописі' },
          no_ping: { name: 'без_згадок', description: 'Більше не згадувати роль' },
          language: {
            name: 'мова',
            description: 'Мова, якою пишуться заплановані дописи',
            choices: { en: 'Англійська (English)', uk: 'Українська' },
          },
          // Data-change announcements (issue 12)
          changes: {
            name: 'зміни_в_даних',
            description: 'Допис, коли в даних бота з’являється новий запис чи виправлення',
          },
        },
      },
      status: {
        name: 'стан',
        description: 'Коли вийдуть наступні дописи, яким був останній і чи є проблеми',
      },
      preview: {
        name: 'перегляд',
        description: 'Показати наступний допис певного виду (бачите лише ви)',
        options: {
          kind: { ...KIND_OPTION, choices: { ...KIND_OPTION.choices, change: 'Зміна в даних' } },
        },
      },
      pause: { name: 'пауза', description: 'Зупинити дописи до відновлення' },
      resume: {
        name: 'відновити',
        description: 'Знову дописувати (після паузи чи виправленої проблеми)',
      },
      off: { name: 'вимкнути', description: 'Вимкнути заплановані дописи й забути налаштування' },
      // Suggestions and admin tools (issue 13).
      suggestions: {
        name: 'пропозиції',
        description: 'Пропозиції учасників: схвалити чи відхилити, і де показувати нові',
        options: {
          show: {
            name: 'показати',
            description: 'Які пропозиції показати (типово ті, що чекають)',
            choices: { open: 'Чекають', approved: 'Схвалені', denied: 'Відхилені' },
          },
          channel: {
            name: 'канал',
            description: 'Канал, де адміністраторам показується кожна нова пропозиція',
          },
          no_channel: {
            name: 'без_каналу',
            description: 'Більше не показувати нові пропозиції в каналі',
          },
          links: { name: 'посилання', description: 'Дозволити посилання в пропозиціях' },
        },
      },
      test: {
        name: 'тест',
        description: 'Опублікувати зразок допису в каналі розкладу зараз, позначений як тест',
        options: { kind: KIND_OPTION },
      },
      skip: {
        name: 'пропустити',
        description: 'Пропустити наступний допис певного виду',
        options: { kind: KIND_OPTION },
      },
    },
  },
  // Suggestions (issue 13).
  suggest: {
    name: 'запропонувати',
    description: 'Запропонувати питання для обговорення на цьому сервері; вирішують адміністратори',
    options: {
      question: {
        name: 'питання',
        description: 'Питання для обговорення (від 10 до 300 символів)',
      },
      answers: {
        name: 'відповіді',
        description: 'Відповіді для опитування, від 2 до 10, через ; (наприклад: Так; Ні; Не знаю)',
      },
    },
  },
  about: {
    name: 'про-бота',
    description: 'Що знає бот, звідки факти, як повідомити про помилку',
  },
  // Community (issue 13): /report, the operator's /reports, /follow and /unfollow.
  report: {
    name: 'повідомити',
    description: 'Повідомити розробникам бота про хибний факт',
    options: {
      record: { name: 'запис', description: 'Угода чи запис, напр. Німеччина' },
      field: { name: 'поле', description: 'Який факт хибний' },
      what: { name: 'що', description: 'Що не так і як має бути' },
      source: {
        name: 'джерело',
        description: 'Посилання на джерело, що це показує (необов’язково)',
      },
    },
  },
  reports: {
    name: 'звернення',
    description: 'Для оператора бота: відкриті повідомлення про помилки та їх закриття',
    options: {
      list: { name: 'перелік', description: 'Відкриті повідомлення, від найстаріших' },
      close: {
        name: 'закрити',
        description: 'Закрити повідомлення з приміткою',
        options: {
          id: { name: 'номер', description: 'Номер повідомлення' },
          note: {
            name: 'примітка',
            description: 'Що зроблено: виправлено, не помилка, бракує джерела…',
          },
        },
      },
    },
  },
  follow: {
    name: 'стежити',
    description: 'Особисте повідомлення в річницю угоди й коли змінюються її дані',
    options: {
      add: {
        name: 'додати',
        description: 'Стежити за угодою',
        options: {
          partner: { name: 'партнер', description: 'Партнер: Німеччина, Британія, ЄС, 🇫🇷…' },
        },
      },
      list: { name: 'перелік', description: 'Угоди, за якими ви стежите' },
    },
  },
  unfollow: {
    name: 'не-стежити',
    description: 'Перестати стежити за угодою',
    options: { partner: { name: 'партнер', description: 'Партнер, за яким ви стежите' } },
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
