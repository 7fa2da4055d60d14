import type { Strings } from './en.js';

/** Every string the bot shows, in Ukrainian. */
export const uk = {
  locale: 'uk',
  notStated: 'У наших джерелах не вказано',
  unknown: 'Невідомо',
  agreement: {
    signed: 'Підписано',
    place: 'Місце',
    signatoriesPartner: (partner: string) => `Підписанти: ${partner}`,
    signatoriesUkraine: 'Підписанти: Україна',
    duration: 'Строк дії',
    durationYears: (years: number, until: string) => `${years} ${yearsWord(years)}, до ${until}`,
    consultations: 'Консультації протягом 24 годин',
    consultationsYes: 'Так: зазначено в наших джерелах',
    consultationsNo: 'У тексті немає 24-годинного строку',
    commitments: 'Зобов’язання (англійською)',
    noCommitments: 'У наших джерелах не наведено',
    sources: 'Джерела',
    notes: 'Примітки (англійською)',
    readText: 'Читати текст',
    readSource: 'Читати джерело',
    unconfirmed: (facts: string) => `⚠️ Не підтверджено нашими джерелами: ${facts}.`,
    kind: { bilateral: 'Двостороння угода', multilateral: 'Багатосторонній документ' },
    status: {
      official: 'Входить до офіційного переліку безпекових угод України.',
      framework: 'Рамковий документ для двосторонніх угод, а не одна з них.',
      disputed:
        '⚠️ Спірна: деякі джерела її враховують, але в офіційних переліках України її немає.',
    },
    factNames: {
      title: 'назва',
      signed: 'дата підписання',
      place: 'місце',
      'signatories.partner': 'підписанти партнера',
      'signatories.ukraine': 'підписанти від України',
      durationYears: 'строк дії',
      consultations24h: 'пункт про 24 години',
      textUrl: 'посилання на текст',
      commitment: (n: number) => `зобов’язання ${n}`,
    },
    moreLines: (n: number) => `…і ще ${n}`,
    footer: 'Факти з джерел, поданих вище · /про-бота: як повідомити про помилку',
  },
  notFound: {
    partner: (query: string) => `Не знаю угоди з партнером «${query}».`,
    ambiguous: (query: string) => `«${query}» відповідає кільком угодам.`,
    didYouMean: (names: string) => `Можливо, ви мали на увазі: ${names}?`,
    tryList: 'Спробуйте `/угоди`, щоб побачити всі, або виберіть із підказок під час введення.',
    speaker: (query: string) => `У мене немає цитат від «${query}».`,
    speakerList: (names: string) => `Автори цитат, які я маю: ${names}.`,
    topic: (topic: string) => `Жодна цитата не згадує «${topic}».`,
    topicTry: 'Спробуйте ширше слово або не вказуйте тему, щоб отримати випадкову цитату.',
    or: ' або ',
  },
  quote: {
    translation: 'Англійський переклад: статтю-джерело написано українською.',
    notVerbatim: 'Переказ, а не дослівна цитата.',
    source: 'Джерело',
    date: 'Дата',
    undated: 'Без дати',
    context: 'Контекст (англійською)',
    article: 'DW, «Security pacts bridge gap until Ukraine joins NATO», 11 липня 2024',
  },
  list: {
    title: (count: number) => `Безпекові угоди України (${count})`,
    page: (page: number, pages: number) => `Сторінка ${page} з ${pages}`,
    previous: 'Назад',
    next: 'Далі',
    order: { date: 'за датою', name: 'за назвою' },
    legend: 'Офіційний перелік: ✅ · рамковий документ: 🧭 · спірна: ⚠️',
  },
  timeline: {
    title: 'Хронологія безпекових угод',
    description: (count: number) =>
      `${count} ${plural(count, 'документ', 'документи', 'документів')}: від декларації G7 у Вільнюсі до останньої угоди.`,
  },
  map: {
    title: 'Партнери України за безпековими угодами',
    description: {
      all: 'Усі країни-партнери, відтінок показує дату підписання. Україна жовтим; ЄС і багатосторонні документи перелічено поруч із мапою.',
      '2024': 'Партнери, що підписали угоди у 2024 році.',
      '2025': 'Партнери, що підписали угоди у 2025 році.',
      dw21: '21 угода, яку DW нарахувала станом на 11 липня 2024 року.',
    },
    footer:
      'Мапа: Natural Earth (world-atlas); Крим показано як частину України (резолюція ГА ООН 68/262)',
  },
  about: {
    title: 'Про цього бота',
    description:
      'Факти про безпекові угоди, які Україна підписала з партнерами, поки чекає на вступ до НАТО: двосторонні угоди, спільні безпекові зобов’язання ЄС і декларацію G7, з якої вони почалися. Кожен факт має джерело.',
    counts: 'Що я знаю',
    countsValue: (agreements: number, official: number, quotes: number, people: number) =>
      `Документів: ${agreements} (в офіційному переліку України: ${official}) · цитат: ${quotes} · їхніх авторів: ${people}`,
    sourcesTitle: 'Звідки факти',
    sourcesValue:
      'Стаття DW «Security pacts bridge gap until Ukraine joins NATO» (11 липня 2024) та офіційні й медійні джерела, подані при кожній угоді. Невідомих фактів ми не вгадуємо: їх позначено як «у наших джерелах не вказано».',
    reportTitle: 'Знайшли помилку?',
    reportWithUrl: (url: string) => `Повідомте тут: ${url} — назвіть угоду, факт і джерело.`,
    reportWithoutUrl:
      'Напишіть адміністраторам цього сервера, назвавши угоду, факт і джерело; вони передадуть це розробникам бота.',
    commands: 'Команди',
    commandsValue:
      '`/угода` одна угода · `/угоди` перелік · `/хронологія` у порядку підписання · `/мапа` на мапі · `/цитата` що казали експерти · `/про-бота` цей опис',
  },
  errors: {
    unexpected: 'Щось пішло не так з мого боку. Спробуйте ще раз за мить.',
    unknownButton: 'Ця кнопка більше не діє. Запустіть команду ще раз.',
  },
} as const satisfies Strings;

const plurals = new Intl.PluralRules('uk');

/** The Ukrainian noun form for a count: 1 рік, 2–4 роки, 5+ років, 11–14 років, 21 рік. */
function plural(n: number, one: string, few: string, many: string): string {
  switch (plurals.select(n)) {
    case 'one':
      return one;
    case 'few':
      return few;
    case 'many':
      return many;
    default:
      // Fractions ("1,5 роки") take the genitive singular, which for these nouns is the "few" form.
      return few;
  }
}

function yearsWord(n: number): string {
  return plural(n, 'рік', 'роки', 'років');
}
