import type { Strings } from './en.js';
import { ukrainianPlural } from './plural.js';

/** Every string the bot shows, in Ukrainian. */
export const uk = {
  locale: 'uk',
  language: 'uk',
  notStated: 'У наших джерелах не вказано',
  unknown: 'Невідомо',
  agreement: {
    annual: 'щороку',
    signed: 'Підписано',
    place: 'Місце',
    signatoriesPartner: (partner: string) => `Підписанти: ${partner}`,
    signatoriesPartners: 'Підписанти: партнери',
    inSentence: (name: string) => name,
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
    footer: 'Факти з джерел, поданих вище · хибний факт? /повідомити',
  },
  notFound: {
    partner: (query: string) => `Не знаю угоди з партнером «${query}».`,
    ambiguous: (query: string) => `«${query}» відповідає кільком угодам.`,
    didYouMean: (names: string) => `Можливо, ви мали на увазі: ${names}?`,
    tryList: 'Спробуйте `/угоди`, щоб побачити всі, або виберіть із підказок під час введення.',
    speaker: (query: string) => `У мене немає цитат від «${query}».`,
    speakerList: (names: string) => `Я маю цитати таких авторів: ${names}.`,
    topic: (topic: string) => `Жодна цитата не згадує «${topic}».`,
    topicTry: 'Спробуйте ширше слово або не вказуйте тему, щоб отримати випадкову цитату.',
    or: ' або ',
  },
  quote: {
    translation: 'Англійський переклад: статтю-джерело написано українською.',
    translationDocument:
      'У формулюванні DW: статтю написано українською, тож власний текст документа може звучати інакше.',
    notVerbatim: 'Переказ, а не дослівна цитата.',
    source: 'Джерело',
    date: 'Дата',
    undated: 'Без дати',
    undatedReported: (date: string) => `Не вказано; опубліковано ${date}`,
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
    // Issue 12, the later records in /agreements.
    recordsTitle: (shown: number, total: number) =>
      `Пізніші документи й партнери без угоди: ${shown} з ${total}`,
    latestStep: (date: string) => `останній крок ${date}`,
    recordLegend: 'Повністю: `/угода`; шлях до гарантій: `/гарантії`.',
    moreKinds: (later: number, none: number) =>
      `Не в цьому переліку: ${later} ${ukrainianPlural(later, 'пізніший документ', 'пізніші документи', 'пізніших документів')} (від 2025 року) і ${none} ${ukrainianPlural(none, 'партнер', 'партнери', 'партнерів')} без угоди; оберіть їх у параметрі «вид».`,
  },
  timeline: {
    title: 'Хронологія безпекових угод',
    description: (count: number) =>
      `${count} ${ukrainianPlural(count, 'документ', 'документи', 'документів')}: від декларації G7 у Вільнюсі до останньої угоди.`,
  },
  map: {
    title: 'Партнери України за безпековими угодами',
    description: {
      all: 'Усі країни-партнери, відтінок показує дату підписання. Україну позначено жовтим; ЄС і багатосторонні документи перелічено поруч із мапою.',
      '2024': 'Партнери, що підписали угоди в 2024 році.',
      '2025': 'Партнери, що підписали угоди в 2025 році.',
      dw21: '21 угода, яку DW нарахувала станом на 11 липня 2024 року.',
    },
    partnerTitle: (label: string) => `${label} на мапі`,
    partnerDescription: (_inSentence: string, name: string) =>
      `Де розташований партнер «${name}», у кольорі дати підписання. Факти: \`/угода партнер:${name}\``,
    notACountry: (label: string, name: string) =>
      `${label} — не країна, тож на мапі цього не показати. Факти: \`/угода партнер:${name}\`; усі країни-партнери: \`/мапа\`.`,
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
    reportWithUrl: (url: string) =>
      `Скористайтеся \`/повідомити\`: виберіть запис і факт, напишіть, що не так, додайте джерело; ви отримаєте номер. Або повідомте тут: ${url}`,
    reportWithoutUrl:
      'Скористайтеся `/повідомити`: виберіть запис і факт, напишіть, що не так, і додайте джерело. Повідомлення отримають розробники бота, а ви отримаєте його номер.',
    commands: 'Команди',
    commandsValue:
      '`/угода` одна угода · `/угоди` перелік · `/пошук` за змістом · `/порівняти` дві поруч · `/хронологія` у порядку підписання · `/мапа` на мапі · `/цитата` що казали експерти · `/обговорення` питання для розмови · `/гарантії` шлях до гарантій від 2025 року · `/зміни` що змінилося в даних · `/повідомити` про хибний факт · `/стежити` особисте повідомлення в річницю угоди · `/не-стежити` припинити · `/запропонувати` питання для цього сервера · `/про-бота` цей опис',
    dataTitle: 'Наскільки актуально',
    dataRunsTo: (runsTo: string, later: number) =>
      `Наші дані сягають ${runsTo}: це найпізніша дата серед їхніх джерел. Пізніші записи (2025–2026), ${later}, зберігаються окремо від угод; \`/зміни\` показує, що додано чи виправлено.`,
  },
  posts: {
    years: (n: number) => `${n} ${yearsWord(n)}`,
    months: (n: number) => `${n} ${ukrainianPlural(n, 'місяць', 'місяці', 'місяців')}`,
    and: ' і ',
    yearsAgoToday: (years: number, date: string, clause: string) =>
      `📅 **Цього дня ${years} ${yearsWord(years)} тому** (${date}) ${clause}.`,
    signedWithOne: (partner: string) => `Україна та ${partner} підписали безпекову угоду`,
    signedWithMany: (partners: string) =>
      `Україна підписала безпекові угоди з партнерами: ${partners}`,
    frameworksSigned: (names: string, count: number) =>
      `${count === 1 ? 'підписано рамковий документ' : 'підписано рамкові документи'}: ${names}`,
    clauseJoin: '; також ',
    fullRecord: (commands: string) => `Повний запис і джерела: ${commands}.`,
    signedOnThisDay: (count: number) =>
      count === 1
        ? 'Підписано цього дня'
        : `Цього дня підписано ${count} ${ukrainianPlural(count, 'документ', 'документи', 'документів')}`,
    termEnded: (term: string, end: string) => `Строк дії: ${term}, завершився ${end}.`,
    termLeft: (term: string, end: string, left: string) =>
      `Строк дії: ${term}, до ${end}; лишається: ${left}.`,
    lessThanAMonth: 'менше місяця',
    unconfirmed: ' (не підтверджено)',
    dateUnconfirmed: ' (дату не підтверджено)',
    status: {
      framework: '🧭 Рамковий документ, а не одна з двосторонніх угод.',
      disputed:
        '⚠️ Спірна: деякі джерела її враховують, але в офіційних переліках України її немає.',
    },
    signed: (date: string, place: string) => `Підписано ${date}${place}.`,
    signedPlace: (place: string) => `, місце: ${place}`,
    more: (command: string) => `Докладніше: ${command}`,
    agreementCommand: 'угода партнер:',
    quoteNotes: {
      translated: 'англійський переклад',
      notVerbatim: 'не дослівно',
      attributionInferred: 'авторство визначено з контексту',
      dwWording: 'у формулюванні DW',
    },
    noneUpcoming: 'У найближчі 7 днів річниць немає.',
    upcomingLine: (date: string, partner: string, years: number) =>
      `${date}: ${partner}, ${years} ${yearsWord(years)}`,
    upcomingTitle: 'Річниці в найближчі 7 днів',
    featured: (partner: string) => `У фокусі: ${partner}`,
    quoteOfTheWeek: 'Цитата тижня',
    digestTitle: 'Тиждень у безпекових угодах України',
    digestContent: (date: string) => `🗞️ **Щотижневий огляд**, ${date}`,
    promptTitle: 'Звідки це питання',
    quote: 'Цитата',
    vote: 'Проголосуйте й поясніть чому.',
    whatDoYouThink: 'А що думаєте ви?',
    promptContent: (question: string, invite: string) =>
      `💬 **Питання для обговорення**\n${question}\n${invite}`,
    // Пропозиції (issue 13): подяка автору схваленого питання.
    suggestedTitle: 'Питання від цього сервера',
    suggestedBy: (who: string) => `Запропонував(-ла) ${who}`,
    // Data-change announcements (issue 12)
    changeContent: (kind: 'added' | 'corrected', date: string) =>
      kind === 'added'
        ? `📢 **Нове в даних бота** (${date})`
        : `📢 **Виправлено в даних бота** (${date})`,
    changeTitle: { added: 'Додано до даних', corrected: 'Виправлено в даних' },
    changeTranslated: ' *(наш переклад з англійської)*',
    changeOriginal: 'Англійський оригінал',
    changeWhere: 'Де прочитати',
    changeFooter: (date: string) =>
      `Зміна від ${date} · /зміни: усі зміни · /розклад змінити зміни_в_даних:False вимикає ці дописи`,
  },
  pictures: {
    monthsShort: [
      'січ.',
      'лют.',
      'бер.',
      'квіт.',
      'трав.',
      'черв.',
      'лип.',
      'серп.',
      'вер.',
      'жовт.',
      'лист.',
      'груд.',
    ],
    monthsInDate: [
      'січня',
      'лютого',
      'березня',
      'квітня',
      'травня',
      'червня',
      'липня',
      'серпня',
      'вересня',
      'жовтня',
      'листопада',
      'грудня',
    ],
    monthsAlone: [
      'січень',
      'лютий',
      'березень',
      'квітень',
      'травень',
      'червень',
      'липень',
      'серпень',
      'вересень',
      'жовтень',
      'листопад',
      'грудень',
    ],
    kinds: { bilateral: 'Двосторонні', eu: 'Європейський Союз', multilateral: 'Багатосторонні' },
    eu: 'ЄС',
    /**
     * The data has no Ukrainian name for the Ukraine Compact; this is the one Ukrainian media gave
     * it (Європейська правда, 12 July 2024; the Office of the President's Ihor Zhovkva, per Voice of
     * America). Once the data carries one, that wins (see pictureName).
     */
    compact: 'Український компакт',
    summitLabels: { vilnius: 'НАТО Вільнюс', washington: 'НАТО Вашингтон' },
    summitPlaces: { vilnius: 'Вільнюс', washington: 'Вашингтон' },
    timeline: {
      title: 'Безпекові угоди України',
      subtitle: (count: number, from: string, to: string) =>
        `${count} ${ukrainianPlural(count, 'документ', 'документи', 'документів')} за датою підписання, ${from} – ${to}`,
      empty: 'Угод немає',
      disputed: 'Спірна',
      disputedPill: (name: string) => `${name} (спірна)`,
      summit: 'Саміт НАТО',
      altEmpty: 'Хронологія безпекових угод України: записів немає.',
      altRange: (count: number, first: string, firstDate: string, last: string, lastDate: string) =>
        `Хронологія: ${count} ${ukrainianPlural(count, 'документ', 'документи', 'документів')} про безпеку України. Перший: ${first}, ${firstDate}; останній: ${last}, ${lastDate}.`,
      altKinds: (bilateral: number, eu: number, multilateral: number) =>
        `Колір показує вид: двосторонніх — ${bilateral}, з Європейським Союзом — ${eu}, багатосторонніх — ${multilateral}.`,
      altDisputed: (names: string) => `Позначено як спірні: ${names}.`,
      altSummits: (summits: string) => `Смуги позначають саміти НАТО: ${summits}.`,
      and: ' і ',
      // Issue 12, the later records on the timeline picture.
      subtitleLater: (count: number) =>
        `, далі ${count} ${ukrainianPlural(count, 'пізніший документ', 'пізніші документи', 'пізніших документів')}`,
      later: 'Пізніший документ (від 2025 року), не серед 28',
      draftedPill: (name: string) => `${name} (проєкт)`,
      dataEnd: (date: string) => `Наші дані сягають ${date}`,
      altLater: (count: number, list: string) =>
        `Далі ${count} ${ukrainianPlural(count, 'пізніший документ', 'пізніші документи', 'пізніших документів')}, обведені контуром, не серед 28: ${list}.`,
      altDrafted: 'проєкт, не підписано',
      altDataEnd: (date: string) => `Наші дані сягають ${date}.`,
    },
    map: {
      title: 'Партнери України за безпековими угодами',
      scope: {
        dw21Year: (year: number) => `З 21 угоди за підрахунком DW — підписані в ${year} році`,
        dw21: '21 угода за підрахунком DW на 11 лип. 2024',
        year: (year: number) => `Угоди, підписані в ${year} році`,
        all: 'Усі угоди',
        partner: (name: string, date: string) => `${name}: підписано ${date}`,
      },
      subtitle: (scope: string, countries: number) =>
        `${scope}: ${countries} ${ukrainianPlural(countries, 'країна', 'країни', 'країн')}, відтінок за датою підписання`,
      ukraineLabel: 'УКРАЇНА',
      dateSigned: 'Дата підписання',
      ukraine: 'Україна',
      hatched: 'Штрихування: спірна',
      notPartnerHere: 'Не партнер у цій вибірці',
      otherCountries: 'Інші країни',
      notPartner: 'Не партнер',
      notCountries: 'Не країни, тож не на мапі:',
      alt: {
        intro: (count: number, scope: string, from: string, to: string) =>
          // The verb agrees with the count: "1 країна, що підписала", "21 країна, що підписала".
          `Мапа Європи: ${count} ${ukrainianPlural(count, 'країна, що підписала', 'країни, що підписали', 'країн, що підписали')} безпекову угоду з Україною (${scope}); відтінок від темно-фіолетового (${from}) до зеленого (${to}).`,
        ukraine:
          'Україну в міжнародно визнаних кордонах, разом із Кримом, показано жовтим із синім контуром.',
        overseas: 'США, Канаду та Японію показано в окремих рамках поруч із мапою.',
        disputed: (names: string) => `Заштриховано як спірні: ${names}.`,
        notMapped: (list: string) => `Не країни, тому їх перелічено поруч із мапою: ${list}.`,
        byMonth: (months: string) => `За місяцями: ${months}.`,
        none: 'У цій вибірці немає жодної країни.',
        partner: (name: string, date: string, overseas: boolean) =>
          overseas
            ? `Мапа від України до партнера «${name}», виділеного кольором дати підписання, ${date}.`
            : `Мапа Європи, на якій виділено партнера «${name}» кольором дати підписання, ${date}.`,
      },
    },
  },
  schedule: {
    notInGuild: 'Розклади належать серверам: запустіть це на сервері.',
    notAdmin:
      'Лише учасники з дозволом **Керувати сервером** можуть змінювати розклад цього сервера.',
    notServed: 'На цьому екземплярі бота розклади недоступні.',
    badTime: (input: string) =>
      `«${input}» не схоже на час. Використовуйте 24-годинний формат, напр. \`09:00\` чи \`18:30\`.`,
    clockChange: (zone: string, time: string, from: string, to: string, last: string) =>
      `У поясі ${zone} годинники переводять між ${from} і ${to}, тож допис о ${time} у день переведення вперед пропаде, а в день переведення назад вийде двічі. Виберіть час поза ${from}–${last}, напр. ${to}.`,
    badZone: (input: string, suggestions: string) =>
      `«${input}» не схоже на часовий пояс. Виберіть зі списку під час введення${suggestions ? `, напр. ${suggestions}` : ''}.`,
    channelGone: 'Не можу знайти цей канал. Виберіть текстовий канал, який я бачу.',
    missing: (channel: string, permissions: string) =>
      `Я ще не можу дописувати в ${channel}. Надайте мені там ці дозволи й запустіть налаштування знову: ${permissions}.`,
    missingOptional: (permissions: string) =>
      `Дописи виходитимуть, але без гілок чи опитувань, доки я не матиму також: ${permissions}.`,
    permissionNames: {
      ViewChannel: 'Переглядати канал',
      SendMessages: 'Надсилати повідомлення',
      EmbedLinks: 'Вбудовувати посилання',
      CreatePublicThreads: 'Створювати публічні гілки',
      SendMessagesInThreads: 'Надсилати повідомлення в гілках',
      SendPolls: 'Створювати опитування',
    },
    saved: 'Розклад збережено.',
    notSetUp: 'Цей сервер ще не має розкладу. Почніть із `/розклад налаштувати`.',
    statusTitle: 'Заплановані дописи',
    where: 'Де й коли',
    whereValue: (channel: string, time: string, zone: string) =>
      `${channel} о **${time}** (${zone})`,
    kinds: {
      anniversary: 'Річниці',
      digest: 'Щотижневий огляд',
      prompt: 'Питання для обговорення',
      change: 'Зміни в даних',
    },
    off: 'вимкнено',
    // "Наступний" alone would have to agree with each kind (річниці, огляд, питання): name the post.
    next: (when: string) => `наступний допис ${when}`,
    noneSoon: 'нічого в найближчі два тижні',
    weekdayNames: ['понеділок', 'вівторок', 'середа', 'четвер', 'пʼятниця', 'субота', 'неділя'],
    digestOn: (weekday: string) => everyWeekday(weekday),
    cadence: { daily: 'щодня', weekly: 'щотижня, з оглядом', off: 'вимкнено' },
    ping: 'Згадка',
    pingNone: 'нікого',
    language: 'Мова',
    languageNames: { en: 'англійська', uk: 'українська' },
    last: 'Останній допис',
    lastValue: (kind: string, when: string, status: string) => `${kind}, ${when}: ${status}`,
    lastNone: 'ще не було',
    statusWords: { posted: 'опубліковано', skipped: 'пропущено', failed: 'не вдалося' },
    state: 'Стан',
    running: '✅ працює',
    paused: '⏸️ на паузі: `/розклад відновити`, щоб продовжити',
    blocked: (reason: string, since: string) =>
      `⛔ зупинено ${since}: ${reason}. Виправте це й запустіть \`/розклад відновити\`.`,
    blockedReasons: {
      '10003': 'канал видалено',
      '10004': 'бота більше немає на сервері',
      '50001': 'бот більше не бачить цього каналу',
      '50013': 'ботові бракує потрібного дозволу в каналі',
    },
    paused_now: 'На паузі. Нічого не буде опубліковано до `/розклад відновити`.',
    resumed:
      'Відновлено. Відтепер дописи виходитимуть за розкладом; ті, що припали на паузу, опубліковано не буде.',
    stillBlocked: (permissions: string) =>
      `Досі не можу туди дописувати, бо бракує дозволів: ${permissions}.`,
    turnedOff: 'Заплановані дописи для цього сервера вимкнено, налаштування забуто.',
    /** `/schedule off` asks first: a button to confirm, one to keep the schedule. */
    offConfirm: {
      question: (until: string) =>
        `Вимкнути заплановані дописи на цьому сервері? Його налаштування (канал, час, часовий пояс, які дописи, роль для згадки) буде забуто; журнал попередніх дописів залишиться. Кнопка діє до ${until}.`,
      confirm: 'Вимкнути',
      cancel: 'Залишити розклад',
      kept: 'Нічого не змінено: розклад лишається як був.',
      expired:
        'Це підтвердження застаріло або розклад відтоді змінився. Якщо все ще хочете його вимкнути, знову запустіть `/розклад вимкнути`.',
      notYours: 'Підтвердити може лише адміністратор, який запустив `/розклад вимкнути`.',
    },
    previewNone:
      'Нічого такого не заплановано на найближчі два тижні. Перегляньте `/розклад стан`.',
    // `when` is a full date and time ("понеділок, 1 грудня 2025 р. о 09:00"): it needs "на" before it.
    previewNote: (when: string) => `Ось допис, запланований на ${when}:`,
    discussCooldown: (when: string) => `Обговорення тут щойно почали. Спробуйте ще раз ${when}.`,
    // Data-change announcements (issue 12)
    changesSince: (date: string) => `зміни, датовані від ${date}`,
  },
  /** When the store of settings cannot answer or keep a change (the schedule commands). */
  storage: {
    unavailable:
      'Зараз не вдається отримати налаштування розкладу цього сервера, тож нічого не змінено. Спробуйте ще раз трохи згодом.',
    notSaved: 'Цю зміну не збережено: зараз її не вдалося записати. Спробуйте ще раз трохи згодом.',
    setAside:
      'Зауважте: після перезапуску налаштування розкладу цього сервера не вдалося прочитати, тож їх відкладено, і вони не діють. Виконайте `/розклад налаштувати`, щоб налаштувати розклад знову.',
  },
  lookup: {
    noAgreementChoice: 'немає угоди в наших даних',
    notPartner: (country: string) =>
      `У наших даних Україна не має безпекової угоди з партнером «${country}».`,
    blank: 'Введіть назву партнера: країну, ЄС або пізніший документ, наприклад коаліцію охочих.',
  },
  record: {
    status: {
      signed: 'Підписано',
      ratified: 'Підписано й ратифіковано',
      framework: 'Рамка чи процес, а не угода з умовами',
      drafted: 'Підготовлено, не підписано',
      talks: 'Переговори, угоду не підписано',
      none: 'Безпекової угоди немає',
    },
    stepStatus: {
      signed: 'підписано',
      ratified: 'ратифіковано',
      framework: 'рамка',
      drafted: 'підготовлено, не підписано',
      talks: 'переговори',
      none: 'угоди немає',
      meeting: 'зустріч',
      statement: 'заява',
    },
    later:
      'Пізніший документ (2025–2026), окремо від 28 безпекових угод і рамкових документів 2023–24 років.',
    statusLine: (status: string) => `Стан: **${status}**`,
    translated:
      '🔤 Назва, зобов’язання, кроки й примітки — наш переклад з англійської; англійський оригінал — кнопкою «Англійський оригінал» нижче, дослівні речення — у джерелах.',
    // English original of a later record, one click from its Ukrainian reply (issue 12)
    englishOriginal: 'Англійський оригінал',
    englishOriginalGone: (id: string) =>
      `Запису «${id}» більше немає в даних бота. Знайдіть його знову через \`/угода\`.`,
    date: 'Дата',
    notSigned: 'Нічого не підписано',
    signatoriesPartner: 'Сторона партнера',
    signatoriesUkraine: 'Від України',
    steps: 'Кроки',
    stepsMore: 'Кроки (далі)',
    commitments: 'Зобов’язання',
    notes: 'Примітки',
    conflicts: '⚠️ Джерела розходяться',
    footer: (runsTo: string, checked: string) =>
      `Наші дані сягають ${runsTo} · запис востаннє перевірено ${checked} · хибний факт? /повідомити`,
    agreementFooter: (runsTo: string) =>
      `Факти з джерел, поданих вище · наші дані сягають ${runsTo} · хибний факт? /повідомити`,
  },
  laterTimeline: {
    title: 'Від 2025 року: пізніші документи',
    description: (count: number) =>
      `${count} ${stepsWord(count)} після 28 угод, до найпізнішого в наших даних. Докладно: \`/угода\`; гарантії: \`/гарантії\`.`,
  },
  guarantees: {
    title: 'Шлях до гарантій безпеки від 2025 року',
    description: (count: number, runsTo: string) =>
      `${count} ${stepsWord(count)}, кожен із датою, станом і джерелом. Наші дані сягають ${runsTo}.`,
    footer: 'Кожен документ докладно: /угода (коаліція охочих, Паризька декларація, гарантії США…)',
  },
  changes: {
    title: 'Останні зміни в даних',
    description: (shown: number, total: number, runsTo: string) =>
      `Останні ${shown} з ${total} змін, найновіші першими. Наші дані сягають ${runsTo}.`,
    kind: { added: 'Додано', corrected: 'Виправлено' },
    none: 'У даних ще немає записаних змін.',
    footer: 'Кожна зміна називає свої джерела · /про-бота: як повідомити про помилку',
    translated:
      '🔤 Тексти змін — наш переклад з англійської; дослівні речення — у джерелах за посиланнями.',
  },
  errors: {
    unexpected: 'Щось пішло не так з мого боку. Спробуйте ще раз за мить.',
    unknownButton: 'Ця кнопка більше не діє. Запустіть команду ще раз.',
    badOption: (name: string) =>
      `Параметр «${name}» надійшов не в тому вигляді, якого чекає команда. Запустіть команду ще раз із меню Discord.`,
  },
  search: {
    title: (query: string) => `Пошук: «${query}»`,
    found: (total: number) =>
      `${ukrainianPlural(total, 'Знайдено запис', 'Знайдено записи', 'Знайдено записів')}: ${total}.`,
    someWords: 'Жоден запис не містить усіх слів; ці містять деякі з них.',
    fields: {
      name: 'назва',
      title: 'заголовок',
      commitments: 'зобов’язання',
      clause: 'пункт про 24 години',
      place: 'місце',
      signatories: 'підписанти',
      status: 'статус',
      notes: 'примітка',
      sources: 'джерело',
      said: 'цитата',
      speaker: 'автор',
    },
    quoteBy: (name: string) => `Цитата: ${name}`,
    source: (label: string) => `Джерело: ${label}`,
    sourcesOf: (command: string) => `Джерела: ${command}`,
    clauseStated: 'зазначено пункт про консультації протягом 24 годин',
    noMatch: (query: string) => `У наших записах немає нічого на «${query}».`,
    noMatchTry:
      'Спробуйте менше чи інші слова, українською чи англійською, або виберіть підказку під час введення.',
    empty: 'Введіть слово чи два для пошуку, наприклад `F-16`, `ППО` або `24 години`.',
    footer: 'Жирним: що збіглося · /угода і /цитата показують запис повністю',
    quoteTopicNone: (speaker: string, topic: string) =>
      `${speaker}: жодна з цитат не згадує «${topic}».`,
  },
  compare: {
    title: (a: string, b: string) => `${a} і ${b}: порівняння`,
    description:
      'За нашими джерелами. «У наших джерелах не вказано» означає, що вони про це мовчать, а не «ні».',
    fieldName: (aspect: string, partner: string) => `${aspect}: ${partner}`,
    aspects: {
      signed: 'Підписано',
      signatories: 'Підписанти',
      term: 'Строк',
      commitments: 'Зобов’язання (англійською)',
      clause: 'Пункт про 24 години',
      status: 'Статус',
    },
    ukraineSide: 'Україна',
    statusShort: {
      official: 'Офіційний перелік',
      framework: 'Рамковий документ',
      disputed: 'Спірна',
    },
    same: (name: string) => `Обидва параметри вказують на ${name}. Виберіть дві різні угоди.`,
    sameTry: 'Для однієї угоди: `/угода`.',
    footer: 'Факти з джерел кожної угоди: /угода їх перелічує',
    chart: {
      title: 'Зобов’язання за роками й сумами',
      note: 'Стовпці порівнюють суми лише в одній валюті; курси не застосовано.',
      noYear: 'без року',
      none: 'У наших джерелах сум не вказано',
      alt: (a: string, b: string) =>
        `Діаграма зобов’язань із сумами. Ліворуч: ${a}; праворуч: ${b}.`,
      altSide: (partner: string, lines: string) => `${partner}: ${lines}.`,
      altNone: (partner: string) => `${partner}: у наших джерелах сум не вказано.`,
    },
  },
  filters: {
    title: (shown: number, total: number) => `Безпекові угоди України: ${shown} з ${total}`,
    clause: {
      stated: (n: number, total: number, unknown: number) =>
        `${n} з ${total} ${ukrainianPlural(n, 'містить', 'містять', 'містять')} пункт про 24 години; щодо ${unknown} наші джерела нічого не кажуть.`,
      'not-stated': (n: number, total: number, stated: number) =>
        `Щодо ${n} з ${total} наші джерела нічого не кажуть про пункт про 24 години; ${stated} ${ukrainianPlural(stated, 'його містить', 'його містять', 'його містять')}.`,
      none: (n: number, total: number) =>
        `${n} з ${total} ${ukrainianPlural(n, 'не встановлює', 'не встановлюють', 'не встановлюють')} у тексті 24-годинного строку.`,
    },
    year: (n: number, total: number, year: number) => `${n} з ${total} підписано ${year} року.`,
    kind: {
      official: (n: number, total: number) =>
        `${n} з ${total} ${ukrainianPlural(n, 'входить', 'входять', 'входять')} до офіційного переліку України.`,
      framework: (n: number, total: number) => `${n} з ${total}: рамкові документи.`,
      disputed: (n: number, total: number) =>
        `${n} з ${total}: спірні, їх рахують деякі джерела, але не переліки України.`,
      // Issue 12, the later records in /agreements: kind:later and kind:no-agreement.
      later: (n: number, agreements: number) =>
        `${n} ${ukrainianPlural(n, 'пізніший документ', 'пізніші документи', 'пізніших документів')} (від 2025 року), окремо від ${agreements}: кожен зі своїм станом, підписаний чи ні.`,
      'no-agreement': (n: number, talks: number) =>
        `${n} ${ukrainianPlural(n, 'партнер не має', 'партнери не мають', 'партнерів не мають')} безпекової угоди з Україною: ${talks} ведуть переговори, ${n - talks} мають щонайбільше інші угоди.`,
    },
    // Issue 12, the later records in /agreements.
    recordYear: (n: number, total: number, year: number) =>
      `${n} з ${total} ${ukrainianPlural(n, 'має', 'мають', 'мають')} датований крок у ${year} році.`,
    clauseOnlyAgreements: (agreements: number) =>
      `Пункт про 24 години записано лише для ${agreements} угод.`,
    noneMatch: 'Жоден документ не відповідає всім цим фільтрам.',
    noneTry: 'Спробуйте фільтри по одному або `/угоди` для повного переліку.',
  },
  // Community (issue 13): /report, the operator's /reports, poll results, /follow and its DMs.
  report: {
    storeAway:
      'Зараз я не можу дістатися до сховища бота, тож нічого не змінено. Спробуйте трохи згодом.',
    notServed: 'Цей екземпляр бота не приймає повідомлень про помилки.',
    unknownRecord: (typed: string) =>
      `Я не знаю запису «${typed}». Виберіть його зі списку під час введення, напр. \`Німеччина\`.`,
    unknownField: (typed: string) =>
      `«${typed}» не є полем цього запису. Виберіть поле зі списку або \`other\` (інше).`,
    tooShort: (min: number) =>
      `Опишіть, що не так, щонайменше ${min} символами, щоб це можна було перевірити.`,
    tooLong: (max: number) => `Будь ласка, не більше ${max} символів: що не так і чому.`,
    badSource: 'Джерело має бути вебадресою, що починається з https:// або http://.',
    limitedMember: (when: string) =>
      `Ви нещодавно надіслали кілька повідомлень. Наступне можна надіслати ${when}.`,
    limitedGuild: (when: string) =>
      `Цей сервер нещодавно надіслав багато повідомлень. Наступне можна надіслати ${when}.`,
    received: (id: string) =>
      `Дякуємо: ваше повідомлення **${id}** збережено й передано розробникам бота. Називайте цей номер, якщо пишете про нього ще.`,
    receivedUndelivered: (id: string) =>
      `Дякуємо: ваше повідомлення **${id}** збережено. Зараз його не вдалося передати; розробники побачать його у своєму переліку.`,
    fields: {
      date: 'дата',
      status: 'статус',
      signatories: 'підписанти',
      sources: 'джерела',
      other: 'щось інше',
    },
  },
  reports: {
    notOwner: 'Цією командою може користуватися лише оператор бота.',
    none: 'Відкритих повідомлень немає.',
    listTitle: (shown: number, total: string) => `Відкриті повідомлення (${shown}${total})`,
    more: ' і ще',
    notFound: (id: string) => `Повідомлення **${id}** немає.`,
    alreadyClosed: (id: string) => `Повідомлення **${id}** уже закрито.`,
    closed: (id: string) => `Повідомлення **${id}** закрито з вашою приміткою.`,
    noteTooLong: (max: number) => `Будь ласка, не більше ${max} символів у примітці.`,
    undelivered: 'не передано',
  },
  pollResults: {
    title: 'Результати опитування',
    votes: (n: number) => `${n} ${votesWord(n)}`,
    noVotes: 'Опитування завершилося без жодного голосу.',
    total: (n: number) => `Усього ${n} ${votesWord(n)}`,
    notFinal: 'Discord не завершив підрахунок; це останні дані, які він дав.',
  },
  follow: {
    added: (name: string) =>
      `Ви стежите за угодою: ${name}. Я надішлю вам одне особисте повідомлення в її річницю і коли зміняться її дані. У каналах нічого не з’явиться.`,
    already: (name: string) => `Ви вже стежите за угодою: ${name}.`,
    resumed: (name: string, n: number) =>
      `Ви стежите за угодою: ${name}; призупинені стеження (${n}) знову ввімкнено. Переконайтеся, що бот може писати вам в особисті.`,
    tooMany: (max: number) =>
      `Можна стежити щонайбільше за ${max} угодами. Спершу \`/не-стежити\` одну; \`/стежити перелік\` показує їх.`,
    removed: (name: string) => `Ви більше не стежите за угодою: ${name}.`,
    notFollowing: (name: string) =>
      `Ви не стежите за угодою: ${name}. \`/стежити перелік\` показує, за чим ви стежите.`,
    listTitle: 'За чим ви стежите',
    listEmpty: 'Ви не стежите за жодною угодою. Спробуйте `/стежити додати партнер:Німеччина`.',
    paused: 'призупинено: особисті закриті',
    dmsClosed:
      'Я намагався надіслати вам особисте повідомлення про угоду, за якою ви стежите, але ваші особисті повідомлення для мене закриті, тож стеження призупинено. Дозвольте особисті повідомлення від учасників цього сервера, а тоді `/стежити додати` будь-яку угоду, щоб знову їх увімкнути.',
    anniversaryDm: (name: string, years: number, date: string) =>
      `📅 Сьогодні ${years} ${yearsWord(years)} (${date}) відтоді, як Україна та ${name} підписали безпекову угоду. \`/угода\` покаже її.`,
    changeDm: (name: string, change: string) =>
      `🔄 Дані про угоду (${name}) змінилися: ${change} \`/зміни\` перелічує всі зміни.`,
    dmFooter: 'Ви отримуєте це, бо стежите за угодою · `/не-стежити`, щоб припинити',
  },
  // Suggestions and admin tools (issue 13, part 1): /suggest, its queue, /schedule test and skip.
  suggest: {
    notInGuild: 'Пропозиції належать серверу: скористайтеся командою на сервері.',
    notServed: 'Пропозиції недоступні в цьому екземплярі бота.',
    tooShort: (min: number) => `Закоротко для питання: щонайменше ${min} символів, будь ласка.`,
    tooLong: (max: number) =>
      `Задовго: питання може мати щонайбільше ${max} символів (обмеження Discord для опитування).`,
    mention:
      'Будь ласка, приберіть згадки (@everyone, @here, учасників чи ролі): пропозиції нікого не згадують.',
    link: 'На цьому сервері посилання в пропозиціях заборонені. Напишіть питання без посилання, а джерело назвіть словами.',
    answersCount: (min: number, max: number) =>
      `Опитуванню потрібно від ${min} до ${max} відповідей, через \`;\`, наприклад \`Так; Ні; Не знаю\`.`,
    answerTooLong: (max: number) => `Кожна відповідь може мати щонайбільше ${max} символів.`,
    answersDuplicate: 'Дві відповіді однакові: наведіть кожну один раз.',
    cap: (open: number) =>
      `У вас уже ${open} пропозицій чекають на рішення. Коли адміністратори вирішать щодо однієї, можна буде запропонувати знову.`,
    cooldown: (when: string) =>
      `Ви щойно зробили пропозицію: наступну можна буде надіслати ${when}.`,
    receipt: (id: string) =>
      `Дякуємо! Ваша пропозиція **#${id}** чекає на рішення адміністраторів сервера. Ви дізнаєтеся, що вони вирішать.`,
    channelTitle: (id: string) => `Нова пропозиція #${id}`,
    channelHint: 'Схваліть чи відхиліть її в `/розклад пропозиції`.',
    question: 'Питання',
    answers: 'Відповіді для опитування',
    by: 'Запропонував(-ла)',
    when: 'Запропоновано',
    reason: 'Причина',
    decidedBy: (who: string, when: string) => `Рішення: ${who} ${when}`,
    states: { open: 'чекають', approved: 'схвалені', denied: 'відхилені' },
    queueTitle: (state: string, n: number, total: number) =>
      `Пропозиції (${state}): ${n} з ${total}`,
    queueEmpty: (state: string) => `Пропозицій немає (${state}).`,
    approve: 'Схвалити',
    deny: 'Відхилити',
    previous: 'Попередня',
    next: 'Наступна',
    approved: (id: string) =>
      `Схвалено **#${id}**: пропозиція стає в чергу питань цього сервера, наступною.`,
    denied: (id: string) => `Відхилено **#${id}**. Її збережено: її ще можна схвалити пізніше.`,
    alreadyDecided: (id: string, state: string) =>
      `Щодо **#${id}** щойно вирішив хтось інший (${state}); ось черга як вона є.`,
    notFound: 'Цієї пропозиції вже немає.',
    modalTitle: 'Відхилити цю пропозицію',
    reasonLabel: 'Причина (необовʼязково; автор її побачить)',
    reasonPlaceholder: 'Наприклад: це питання вже було минулого місяця.',
    dmApproved: (server: string, question: string) =>
      `Вашу пропозицію на сервері **${server}** схвалено, її опублікують як питання для обговорення:\n> ${question}`,
    dmDenied: (server: string, question: string) =>
      `Вашу пропозицію на сервері **${server}** цього разу не взяли:\n> ${question}`,
    dmReason: (reason: string) => `Причина: ${reason}`,
    noticeTitle: 'Що сталося з вашими пропозиціями',
    noticeApproved: (id: string, question: string) => `✅ **#${id}** схвалено: ${question}`,
    noticeDenied: (id: string, question: string) => `❌ **#${id}** не взяли: ${question}`,
    thisServer: 'цей сервер',
    needsSetup:
      'Спершу налаштуйте розклад (`/розклад налаштувати`): налаштування пропозицій зберігаються разом із ним.',
    channelSet: (channel: string) =>
      `Нові пропозиції показуватимуться адміністраторам у ${channel}.`,
    channelCleared: 'Нові пропозиції більше не публікуватимуться в каналі.',
    linksOn: 'Посилання в пропозиціях тепер дозволені.',
    linksOff: 'Посилання в пропозиціях більше не дозволені.',
  },
  adminTools: {
    testMarker: '🧪 **Тестовий допис** (надіслано через `/розклад тест`; не частина розкладу)',
    testSending: (channel: string) =>
      `Надсилаю тестовий допис у ${channel}. Якщо він не зʼявиться, я скажу тут чому.`,
    testFailed: (channel: string, reason: string) =>
      `Не вдалося надіслати тестовий допис у ${channel}: ${reason}`,
    testNone:
      'Зараз немає допису цього виду, який можна показати як зразок (жодного в найближчі два тижні).',
    skipped: (kind: string, when: string) =>
      `Наступний допис «${kind}» (${when}) буде пропущено. Наступні вийдуть як завжди.`,
    skipNone: 'У найближчі два тижні немає допису цього виду, тож пропускати нічого.',
    skipAlready: (kind: string, when: string) =>
      `Наступний допис «${kind}» (${when}) уже пропущено.`,
    statusSuggestions: 'Пропозиції, що чекають',
    statusReports: 'Відкриті повідомлення про помилки',
    statusSkips: 'Пропущено',
    skipLine: (kind: string, when: string) => `${kind}: ${when}`,
  },
} as const satisfies Strings;

/** "щопонеділка", "щоп’ятниці": on every such weekday, from its name in `weekdayNames`. */
function everyWeekday(weekday: string): string {
  const every: Readonly<Record<string, string>> = {
    понеділок: 'щопонеділка',
    вівторок: 'щовівторка',
    середа: 'щосереди',
    четвер: 'щочетверга',
    пʼятниця: 'щопʼятниці',
    субота: 'щосуботи',
    неділя: 'щонеділі',
  };
  return every[weekday] ?? `день: ${weekday}`;
}

function stepsWord(n: number): string {
  return ukrainianPlural(n, 'крок', 'кроки', 'кроків');
}

function yearsWord(n: number): string {
  return ukrainianPlural(n, 'рік', 'роки', 'років');
}

function votesWord(n: number): string {
  return ukrainianPlural(n, 'голос', 'голоси', 'голосів');
}
