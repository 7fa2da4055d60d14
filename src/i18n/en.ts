/** Every string the bot shows, in English. Other languages implement the same shape. */
export const en = {
  locale: 'en-GB',
  notStated: 'Not stated in our sources',
  unknown: 'Unknown',
  agreement: {
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
      '`/agreement` one agreement · `/agreements` the list · `/timeline` in order · `/map` where · `/quote` what experts said · `/about` this',
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
