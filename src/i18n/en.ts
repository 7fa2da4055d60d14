/** Every string the bot shows, in English. Other languages implement the same shape. */
export const en = {
  locale: 'en-GB',
  notStated: 'Not stated in our sources',
  unknown: 'Unknown',
  agreement: {
    /** A commitment's period when it recurs each year: "2024–2027 (annual)". */
    annual: 'annual',
    signed: 'Signed',
    place: 'Place',
    signatoriesPartner: (partner: string) => `For ${partner}`,
    signatoriesUkraine: 'For Ukraine',
    duration: 'Duration',
    durationYears: (years: number, until: string) => `${years} years, until ${until}`,
    consultations: '24-hour consultations',
    consultationsYes: 'Yes: stated in our sources',
    consultationsNo: 'No 24-hour deadline in the text',
    commitments: 'Commitments',
    noCommitments: 'None listed in our sources',
    sources: 'Sources',
    notes: 'Notes',
    readText: 'Read the text',
    readSource: 'Read the source',
    unconfirmed: (facts: string) => `⚠️ Not confirmed by our sources: ${facts}.`,
    kind: { bilateral: 'Bilateral agreement', multilateral: 'Multilateral document' },
    status: {
      official: 'On Ukraine’s official list of security agreements.',
      framework: 'A framework document around the bilateral agreements, not one of them.',
      disputed: '⚠️ Disputed: counted by some sources, but absent from Ukraine’s official lists.',
    },
    factNames: {
      title: 'title',
      signed: 'signing date',
      place: 'place',
      'signatories.partner': 'partner’s signatories',
      'signatories.ukraine': 'Ukraine’s signatories',
      durationYears: 'duration',
      consultations24h: '24-hour clause',
      textUrl: 'link to the text',
      commitment: (n: number) => `commitment ${n}`,
    },
    moreLines: (n: number) => `…and ${n} more`,
    footer: 'Facts from the sources linked above · /about tells how to report an error',
  },
  notFound: {
    partner: (query: string) => `I don’t know an agreement with “${query}”.`,
    ambiguous: (query: string) => `“${query}” fits more than one agreement.`,
    didYouMean: (names: string) => `Did you mean ${names}?`,
    tryList: 'Try `/agreements` to see them all, or pick from the suggestions as you type.',
    speaker: (query: string) => `I have no quotes from “${query}”.`,
    speakerList: (names: string) => `Speakers I know: ${names}.`,
    topic: (topic: string) => `No quote mentions “${topic}”.`,
    topicTry: 'Try a broader word, or leave the topic out for a random quote.',
    or: ' or ',
  },
  quote: {
    translation: 'Translated: the source article was written in Ukrainian.',
    notVerbatim: 'Paraphrase, not verbatim.',
    source: 'Source',
    date: 'Date',
    undated: 'Undated',
    context: 'Context',
    article: 'DW, “Security pacts bridge gap until Ukraine joins NATO”, 11 July 2024',
  },
  list: {
    title: (count: number) => `Ukraine’s security agreements (${count})`,
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    previous: 'Previous',
    next: 'Next',
    order: { date: 'by date', name: 'by name' },
    legend: 'Official list: ✅ · framework document: 🧭 · disputed: ⚠️',
  },
  timeline: {
    title: 'Timeline of the security agreements',
    description: (count: number) =>
      `${count} documents, from the G7 declaration in Vilnius to the latest agreement.`,
  },
  map: {
    title: 'Ukraine’s security agreement partners',
    description: {
      all: 'Every partner country, shaded by the date it signed. Ukraine in yellow; the EU and the multilateral documents are listed beside the map.',
      '2024': 'The partners that signed in 2024.',
      '2025': 'The partners that signed in 2025.',
      dw21: 'The 21 agreements DW counted on 11 July 2024.',
    },
    partnerTitle: (label: string) => `${label} on the map`,
    partnerDescription: (name: string) =>
      `Where ${name} is, in the shade of the date it signed. The facts: \`/agreement partner:${name}\``,
    notACountry: (label: string, name: string) =>
      `${label} is not a country, so the map cannot show it. Its facts: \`/agreement partner:${name}\`; every partner country: \`/map\`.`,
    footer:
      'Map: Natural Earth via world-atlas, with Crimea shown as part of Ukraine (UN GA resolution 68/262)',
  },
  about: {
    title: 'About this bot',
    description:
      'Facts on the security agreements Ukraine signed with its partners while it waits to join NATO: the bilateral pacts, the EU’s joint security commitments, and the G7 declaration that started them. Every fact carries its source.',
    counts: 'What I know',
    countsValue: (agreements: number, official: number, quotes: number, people: number) =>
      `${agreements} documents (${official} on Ukraine’s official list) · ${quotes} quotes from ${people} speakers`,
    sourcesTitle: 'Where the facts come from',
    sourcesValue:
      'The DW article “Security pacts bridge gap until Ukraine joins NATO” (11 July 2024) and the official and press sources linked on each agreement. Unknown facts are shown as “not stated in our sources”, never guessed.',
    reportTitle: 'Found a wrong fact?',
    reportWithUrl: (url: string) =>
      `Report it here: ${url}: name the agreement, the fact and a source.`,
    reportWithoutUrl:
      'Tell this server’s admins, naming the agreement, the fact and a source; they can pass it to the bot’s maintainers.',
    commands: 'Commands',
    commandsValue:
      '`/agreement` one agreement · `/agreements` the list · `/timeline` in order · `/map` where · `/quote` what experts said · `/discuss` a question to talk over · `/about` this',
  },
  posts: {
    years: (n: number) => `${n} year${n === 1 ? '' : 's'}`,
    months: (n: number) => `${n} month${n === 1 ? '' : 's'}`,
    and: ' and ',
    yearsAgoToday: (years: number, date: string, clause: string) =>
      `📅 **${years} year${years === 1 ? '' : 's'} ago today** (${date}), ${clause}.`,
    signedWithOne: (partner: string) => `Ukraine and ${partner} signed their security agreement`,
    signedWithMany: (partners: string) => `Ukraine signed security agreements with ${partners}`,
    frameworksSigned: (names: string, count: number) =>
      `the ${names} ${count === 1 ? 'was' : 'were'} signed`,
    clauseJoin: ', and ',
    fullRecord: (commands: string) => `The full record and its sources: ${commands}.`,
    signedOnThisDay: (count: number) =>
      count === 1 ? 'Signed on this day' : `${count} signed on this day`,
    termEnded: (term: string, end: string) => `Term: ${term}, ended ${end}.`,
    termLeft: (term: string, end: string, left: string) =>
      `Term: ${term}, to ${end}: ${left} left.`,
    lessThanAMonth: 'less than a month',
    unconfirmed: ' (unconfirmed)',
    dateUnconfirmed: ' (date unconfirmed)',
    status: {
      framework: '🧭 A framework document, not one of the bilateral agreements.',
      disputed: "⚠️ Disputed: counted by some sources, absent from Ukraine's official lists.",
    },
    signed: (date: string, place: string) => `Signed ${date}${place}.`,
    signedPlace: (place: string) => ` in ${place}`,
    more: (command: string) => `More: ${command}`,
    /** What to type after the slash to find an agreement, up to the name: as this reader sees it. */
    agreementCommand: 'agreement partner:',
    quoteNotes: {
      translated: 'translated',
      notVerbatim: 'not verbatim',
      attributionInferred: 'attribution inferred',
    },
    noneUpcoming: 'None in the next 7 days.',
    upcomingLine: (date: string, partner: string, years: number) =>
      `${date}: ${partner}, ${years} year${years === 1 ? '' : 's'}`,
    upcomingTitle: 'Anniversaries in the next 7 days',
    featured: (partner: string) => `Featured: ${partner}`,
    quoteOfTheWeek: 'Quote of the week',
    digestTitle: "This week in Ukraine's security agreements",
    digestContent: (date: string) => `🗞️ **Weekly digest**, ${date}`,
    promptTitle: 'Where this starts from',
    quote: 'Quote',
    vote: 'Vote, then say why.',
    whatDoYouThink: 'What do you think?',
    promptContent: (question: string, invite: string) =>
      `💬 **Discussion prompt**\n${question}\n${invite}`,
  },
  pictures: {
    /** Spelled here, not by Intl, so a picture never varies with the machine's ICU. */
    monthsShort: [
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ],
    /** In a date: "12 July 2023". */
    monthsInDate: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    /** On its own: "July 2024: Luxembourg, Romania". */
    monthsAlone: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    kinds: { bilateral: 'Bilateral', eu: 'European Union', multilateral: 'Multilateral' },
    /** The EU's name on a crowded chart. */
    eu: 'EU',
    /**
     * The Ukraine Compact's name on a picture, for languages the data has no name in (its
     * `shortName.uk` is null): in English, the data's own name.
     */
    compact: 'Ukraine Compact',
    summitLabels: { vilnius: 'NATO Vilnius', washington: 'NATO Washington' },
    summitPlaces: { vilnius: 'Vilnius', washington: 'Washington' },
    timeline: {
      title: "Ukraine's security agreements",
      subtitle: (count: number, from: string, to: string) =>
        `${count} agreements by date signed, ${from} – ${to}`,
      empty: 'No agreements',
      disputed: 'Disputed',
      disputedPill: (name: string) => `${name} (disputed)`,
      summit: 'NATO summit',
      altEmpty: 'Timeline of Ukraine’s security agreements: none recorded.',
      altRange: (count: number, first: string, firstDate: string, last: string, lastDate: string) =>
        `Timeline of ${count} agreements on Ukraine’s security, from ${first} on ${firstDate} to ${last} on ${lastDate}.`,
      altKinds: (bilateral: number, eu: number, multilateral: number) =>
        `Coloured by kind: ${bilateral} bilateral, ${eu} with the European Union, ${multilateral} multilateral.`,
      altDisputed: (names: string) => `Marked as disputed: ${names}.`,
      altSummits: (summits: string) => `Bands mark the NATO summits in ${summits}.`,
      and: ' and ',
    },
    map: {
      title: "Ukraine's security agreement partners",
      scope: {
        dw21Year: (year: number) =>
          `Of the 21 in DW's count (11 Jul 2024), those signed in ${year}`,
        dw21: "The 21 agreements in DW's count of 11 Jul 2024",
        year: (year: number) => `Agreements signed in ${year}`,
        all: 'Every agreement',
        partner: (name: string, date: string) => `${name}: signed ${date}`,
      },
      subtitle: (scope: string, countries: number) =>
        `${scope}: ${countries} ${countries === 1 ? 'country' : 'countries'}, shaded by date signed`,
      ukraineLabel: 'UKRAINE',
      dateSigned: 'Date signed',
      ukraine: 'Ukraine',
      hatched: 'Hatched: disputed',
      notPartnerHere: 'Not a partner here',
      otherCountries: 'Other countries',
      notPartner: 'Not a partner',
      notCountries: 'Not countries, so not mapped:',
      alt: {
        intro: (count: number, scope: string, from: string, to: string) =>
          `Map of Europe with ${count} countries that signed a security agreement with Ukraine: ${scope}, shaded from dark purple (${from}) to green (${to}).`,
        ukraine:
          'Ukraine, in its internationally recognised borders including Crimea, is yellow with a blue outline.',
        overseas: 'The United States, Canada and Japan are shown in boxes beside the map.',
        disputed: (names: string) => `Hatched as disputed: ${names}.`,
        notMapped: (list: string) => `Not countries, listed beside the map: ${list}.`,
        byMonth: (months: string) => `By month: ${months}.`,
        none: 'No country in this selection.',
        partner: (name: string, date: string, overseas: boolean) =>
          overseas
            ? `Map from Ukraine to ${name}, with ${name} highlighted in the shade of its signing date, ${date}.`
            : `Map of Europe with ${name} highlighted in the shade of its signing date, ${date}.`,
      },
    },
  },
  schedule: {
    notInGuild: 'Schedules belong to a server: run this in one.',
    notAdmin:
      'Only members with the **Manage Server** permission can change this server’s schedule.',
    notServed: 'Schedules are not available on this instance of the bot.',
    badTime: (input: string) =>
      `“${input}” is not a time I can read. Use 24-hour time, e.g. \`09:00\` or \`18:30\`.`,
    smallHours:
      'Please pick a time from 04:00 on: clocks change between midnight and 04:00 in most zones, and a post there could be skipped or doubled.',
    badZone: (input: string, suggestions: string) =>
      `“${input}” is not a time zone I know. Pick one from the list as you type${suggestions ? `, e.g. ${suggestions}` : ''}.`,
    channelGone: 'I can’t find that channel. Pick a text channel I can see.',
    missing: (channel: string, permissions: string) =>
      `I can’t post in ${channel} yet. Give me these permissions there, then run the setup again: ${permissions}.`,
    missingOptional: (permissions: string) =>
      `Posts will go out, but without threads or polls until I also have: ${permissions}.`,
    permissionNames: {
      ViewChannel: 'View Channel',
      SendMessages: 'Send Messages',
      EmbedLinks: 'Embed Links',
      CreatePublicThreads: 'Create Public Threads',
      SendMessagesInThreads: 'Send Messages in Threads',
      SendPolls: 'Create Polls',
    },
    saved: 'Schedule saved.',
    notSetUp: 'This server has no schedule yet. Start with `/schedule setup`.',
    statusTitle: 'Scheduled posts',
    where: 'Where and when',
    whereValue: (channel: string, time: string, zone: string) =>
      `${channel} at **${time}** (${zone})`,
    kinds: { anniversary: 'Anniversaries', digest: 'Weekly digest', prompt: 'Discussion prompts' },
    off: 'off',
    next: (when: string) => `next ${when}`,
    noneSoon: 'nothing in the next two weeks',
    weekdayNames: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    digestOn: (weekday: string) => `on ${weekday}s`,
    cadence: { daily: 'daily', weekly: 'weekly, with the digest', off: 'off' },
    ping: 'Ping',
    pingNone: 'nobody',
    language: 'Language',
    languageNames: { en: 'English', uk: 'Ukrainian' },
    last: 'Last post',
    lastValue: (kind: string, when: string, status: string) => `${kind}, ${when}: ${status}`,
    lastNone: 'none yet',
    statusWords: { posted: 'posted', skipped: 'skipped', failed: 'failed' },
    state: 'State',
    running: '✅ running',
    paused: '⏸️ paused: `/schedule resume` to restart',
    blocked: (reason: string, since: string) =>
      `⛔ stopped ${since}: ${reason}. Fix it, then run \`/schedule resume\`.`,
    /** Why posting stopped, by Discord error code (what the runner records in English). */
    blockedReasons: {
      '10003': 'the channel was deleted',
      '10004': 'the bot is no longer in the server',
      '50001': 'the bot can no longer see the channel',
      '50013': 'the bot lacks a permission it needs in the channel',
    },
    paused_now: 'Paused. Nothing will be posted until `/schedule resume`.',
    resumed:
      'Resumed. Posts due from now on will go out; what came due while paused is not posted.',
    stillBlocked: (permissions: string) => `Still can’t post there: I need ${permissions}.`,
    turnedOff: 'Scheduled posts are off for this server, and its settings are forgotten.',
    previewNone:
      'Nothing of that kind is scheduled in the next two weeks. Check `/schedule status`.',
    previewNote: (when: string) => `This would be posted ${when}:`,
    discussCooldown: (when: string) =>
      `A discussion was started here a moment ago. Try again ${when}.`,
  },
  errors: {
    unexpected: 'Something went wrong on my side. Please try again in a moment.',
    unknownButton: 'This button is no longer in use. Run the command again.',
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language must fill: a missing key is a type error. */
export type Strings = Widen<typeof en>;
