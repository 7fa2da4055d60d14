import type { Strings } from './en.js';

/** Every string the bot shows, in Ukrainian. */
export const uk = {
  locale: 'uk',
  notStated: 'У наших джерелах не вказано',
  unknown: 'Невідомо',
  agreement: {
    signed: 'Підписано',
    place: 'Місце',
    signatoriesPartner: (partner: string) => `Від імені: ${partner}`,
    signatoriesUkraine: 'Від України',
    duration: 'Строк дії',
    durationYears: (years: number, until: string) => `${years} ${yearsWord(years)}, до ${until}`,
    consultations: 'Консультації протягом 24 годин',
    consultationsYes: 'Так: зазначено в наших джерелах',
    consultationsNo: 'У тексті немає 24-годинного строку',
    commitments: 'Зобов’язання',
    noCommitments: 'У наших джерелах не наведено',
    sources: 'Джерела',
    notes: 'Примітки (англійською)',
    readText: 'Читати текст',
    readSource: 'Читати джерело',
    unconfirmed: (facts: string) => `⚠️ Не підтверджено нашими джерелами: ${facts}.`,
    kind: { bilateral: 'Двостороння угода', multilateral: 'Багатосторонній документ' },
    status: {
      official: 'В офіційному переліку безпекових угод України.',
      framework: 'Рамковий документ довкола двосторонніх угод, не одна з них.',
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
    footer: 'Факти з джерел, поданих вище · /about: як повідомити про помилку',
  },
  notFound: {
    partner: (query: string) => `Не знаю угоди з «${query}».`,
    ambiguous: (query: string) => `«${query}» підходить до кількох угод.`,
    didYouMean: (names: string) => `Можливо, ви мали на увазі ${names}?`,
    tryList:
      'Спробуйте `/agreements`, щоб побачити всі, або виберіть із підказок під час введення.',
    speaker: (query: string) => `Не маю цитат від «${query}».`,
    speakerList: (names: string) => `Відомі мені мовці: ${names}.`,
    topic: (topic: string) => `Жодна цитата не згадує «${topic}».`,
    topicTry: 'Спробуйте ширше слово або не вказуйте тему, щоб отримати випадкову цитату.',
    or: ' або ',
  },
  quote: {
    translation: 'Переклад: статтю-джерело написано українською.',
    notVerbatim: 'Переказ, не дослівно.',
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
      `${count} документів: від декларації G7 у Вільнюсі до останньої угоди.`,
  },
  about: {
    title: 'Про цього бота',
    description:
      'Факти про безпекові угоди, які Україна підписала з партнерами, поки чекає на вступ до НАТО: двосторонні угоди, спільні безпекові зобов’язання ЄС і декларацію G7, з якої вони почалися. Кожен факт має джерело.',
    counts: 'Що я знаю',
    countsValue: (agreements: number, official: number, quotes: number, people: number) =>
      `Документів: ${agreements} (в офіційному переліку України: ${official}) · цитат: ${quotes} від ${people} мовців`,
    sourcesTitle: 'Звідки факти',
    sourcesValue:
      'Стаття DW «Security pacts bridge gap until Ukraine joins NATO» (11 липня 2024) та офіційні й медійні джерела, подані при кожній угоді. Невідомі факти показано як «у наших джерелах не вказано», ніколи не вгадано.',
    reportTitle: 'Знайшли помилку?',
    reportWithUrl: (url: string) => `Повідомте тут: ${url}: назвіть угоду, факт і джерело.`,
    reportWithoutUrl:
      'Напишіть адміністраторам цього сервера, назвавши угоду, факт і джерело; вони передадуть це розробникам бота.',
    commands: 'Команди',
    commandsValue:
      '`/agreement` одна угода · `/agreements` перелік · `/timeline` за порядком · `/quote` що казали експерти · `/about` це',
  },
  errors: {
    unexpected: 'Щось пішло не так з мого боку. Спробуйте ще раз за мить.',
    unknownButton: 'Ця кнопка більше не діє. Запустіть команду ще раз.',
  },
} as const satisfies Strings;

/** 1 рік, 2–4 роки, 5+ років; 11–14 років. */
function yearsWord(n: number): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 'років';
  if (last === 1) return 'рік';
  if (last >= 2 && last <= 4) return 'роки';
  return 'років';
}
