import type { Language } from './language.js';

/** English months read the same in a date and on their own (Ukrainian's differ in case). */
const MONTHS = [
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
] as const;

/** Every string the bot shows, in English. Other languages implement the same shape. */
export const en = {
  locale: 'en-GB',
  /** The language `pick` reads localized data in. */
  language: 'en',
  notStated: 'Not stated in our sources',
  unknown: 'Unknown',
  agreement: {
    /** A commitment's period when it recurs each year: "2024–2027 (annual)". */
    annual: 'annual',
    signed: 'Signed',
    place: 'Place',
    signatoriesPartner: (partner: string) => `For ${partner}`,
    /** A framework document's other side: the many partners who signed it. */
    signatoriesPartners: 'For the partners',
    /** A partner's name inside a sentence: "the United Kingdom", "Germany". */
    inSentence: (name: string, definiteArticle: boolean) =>
      definiteArticle ? `the ${name}` : name,
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
    footer: 'Facts from the sources linked above · a wrong fact? /report it',
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
    translationDocument:
      'Worded as DW quotes it: the article was written in Ukrainian, so the document’s own wording may differ.',
    notVerbatim: 'Paraphrase, not verbatim.',
    source: 'Source',
    date: 'Date',
    undated: 'Undated',
    undatedReported: (date: string) => `Not given; reported ${date}`,
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
    // Issue 12, the later records in /agreements.
    recordsTitle: (shown: number, total: number) =>
      `Later documents and partners with no agreement: ${shown} of ${total}`,
    latestStep: (date: string) => `latest step ${date}`,
    recordLegend: 'Each in full: `/agreement`; the guarantee track: `/guarantees`.',
    moreKinds: (later: number, none: number) =>
      `Not in this list: ${later} later ${later === 1 ? 'document' : 'documents'} (since 2025) and ${none} ${none === 1 ? 'partner' : 'partners'} with no agreement; pick them in the kind option.`,
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
    partnerDescription: (inSentence: string, name: string) =>
      `Where ${inSentence} is, in the shade of the date it signed. The facts: \`/agreement partner:${name}\``,
    notACountry: (label: string, name: string) =>
      `The map cannot show ${label}: it is not a country. Its facts: \`/agreement partner:${name}\`; every partner country: \`/map\`.`,
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
    // The address ends the sentence: punctuation after it would read as part of the link.
    reportWithUrl: (url: string) =>
      `Use \`/report\`: pick the record and the fact, say what is wrong, add a source; you get its id. Or report it here: ${url}`,
    reportWithoutUrl:
      'Use `/report`: pick the record and the fact, say what is wrong and add a source. It reaches the bot’s maintainers, and you get its id.',
    commands: 'Commands',
    commandsValue:
      '`/agreement` one agreement · `/agreements` the list · `/search` by what it says · `/compare` two side by side · `/timeline` in order · `/map` where · `/quote` what experts said · `/discuss` a question to talk over · `/guarantees` the guarantee track since 2025 · `/changes` what changed in the data · `/report` a wrong fact · `/follow` a DM on an agreement’s anniversary · `/unfollow` stop · `/suggest` a question for this server · `/about` this',
    dataTitle: 'How current',
    dataRunsTo: (runsTo: string, later: number) =>
      `Our data runs to ${runsTo}: the newest date among its sources. ${later} later records (2025–2026) are kept apart from the agreements; \`/changes\` lists what was added or corrected.`,
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
      `${names} ${count === 1 ? 'was' : 'were'} signed`,
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
      dwWording: 'as DW words it',
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
    // Suggestions (issue 13): the credit on a member's approved prompt.
    suggestedTitle: 'A question from this server',
    suggestedBy: (who: string) => `Suggested by ${who}`,
    // Data-change announcements (issue 12)
    changeContent: (kind: 'added' | 'corrected', date: string) =>
      kind === 'added'
        ? `📢 **New in the bot’s data** (${date})`
        : `📢 **Corrected in the bot’s data** (${date})`,
    changeTitle: { added: 'Added to the data', corrected: 'Corrected in the data' },
    changeTranslated: '',
    changeOriginal: 'English original',
    changeWhere: 'Read it',
    changeFooter: (date: string) =>
      `Change of ${date} · /changes lists them all · /schedule set changes:False stops these posts`,
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
    monthsInDate: MONTHS,
    /** On its own: "July 2024: Luxembourg, Romania". English has one form; Ukrainian two. */
    monthsAlone: MONTHS,
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
      // Issue 12, the later records on the timeline picture.
      subtitleLater: (count: number) =>
        `, then ${count} later ${count === 1 ? 'document' : 'documents'}`,
      later: 'Later document (since 2025), not among the 28',
      draftedPill: (name: string) => `${name} (drafted)`,
      dataEnd: (date: string) => `Our data runs to ${date}`,
      altLater: (count: number, list: string) =>
        `Then ${count} later ${count === 1 ? 'document' : 'documents'}, outlined, not among the 28: ${list}.`,
      altDrafted: 'drafted, not signed',
      altDataEnd: (date: string) => `Our data runs to ${date}.`,
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
    clockChange: (zone: string, time: string, from: string, to: string, last: string) =>
      `In ${zone} the clocks change between ${from} and ${to}, so a post at ${time} would be skipped on the day they go forward and sent twice on the day they go back. Please pick a time outside ${from}–${last}, e.g. ${to}.`,
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
    kinds: {
      anniversary: 'Anniversaries',
      digest: 'Weekly digest',
      prompt: 'Discussion prompts',
      change: 'Data changes',
    },
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
    /** `/schedule off` asks first: a button to confirm, one to keep the schedule. */
    offConfirm: {
      question: (until: string) =>
        `Turn off this server’s scheduled posts? Its settings (channel, time, time zone, which posts, the role to ping) will be forgotten; the log of past posts is kept. The button works until ${until}.`,
      confirm: 'Turn off',
      cancel: 'Keep the schedule',
      kept: 'Nothing changed: the schedule stays as it was.',
      expired:
        'This confirmation has expired, or the schedule changed since it was asked. Run `/schedule off` again if you still want to turn it off.',
      notYours: 'Only the admin who ran `/schedule off` can confirm it.',
    },
    previewNone:
      'Nothing of that kind is scheduled in the next two weeks. Check `/schedule status`.',
    previewNote: (when: string) => `This would be posted ${when}:`,
    discussCooldown: (when: string) =>
      `A discussion was started here a moment ago. Try again ${when}.`,
    // Data-change announcements (issue 12)
    changesSince: (date: string) => `changes dated from ${date} on`,
  },
  /** When the store of settings cannot answer or keep a change (the schedule commands). */
  storage: {
    unavailable:
      'I can’t reach this server’s schedule settings right now, so nothing was changed. Please try again shortly.',
    notSaved: 'That change was not saved: I couldn’t store it just now. Please try again shortly.',
    setAside:
      'Note: after a restart this server’s schedule settings could not be read, so they were kept aside and are not in use. Run `/schedule setup` to set the schedule up again.',
  },
  lookup: {
    /** Beside a country with no agreement in autocomplete: "🇸🇰 Slovakia · no agreement in our data". */
    noAgreementChoice: 'no agreement in our data',
    notPartner: (country: string) =>
      `Ukraine has no security agreement with ${country} in our data.`,
    blank:
      'Type a partner’s name: a country, the EU, or a later document such as the coalition of the willing.',
  },
  record: {
    status: {
      signed: 'Signed',
      ratified: 'Signed and ratified',
      framework: 'A framework or process, not an agreement with terms',
      drafted: 'Drafted, not signed',
      talks: 'Talks, no agreement signed',
      none: 'No security agreement',
    },
    stepStatus: {
      signed: 'signed',
      ratified: 'ratified',
      framework: 'framework',
      drafted: 'drafted, not signed',
      talks: 'talks',
      none: 'no agreement',
      meeting: 'meeting',
      statement: 'statement',
    },
    later:
      'A later document (2025–2026), kept apart from the 28 security agreements and the 2023–24 frameworks.',
    statusLine: (status: string) => `Status: **${status}**`,
    /** Shown only where a Ukrainian text is our translation; the English reply never needs it. */
    translated: '',
    // English original of a later record, one click from its Ukrainian reply (issue 12)
    englishOriginal: 'English original',
    englishOriginalGone: (id: string) =>
      `The record “${id}” is no longer in the bot’s data. Look it up again with \`/agreement\`.`,
    date: 'Date',
    notSigned: 'Nothing signed',
    signatoriesPartner: 'Partner side',
    signatoriesUkraine: 'For Ukraine',
    steps: 'Steps',
    stepsMore: 'Steps, continued',
    commitments: 'Commitments',
    notes: 'Notes',
    conflicts: '⚠️ Sources disagree',
    footer: (runsTo: string, checked: string) =>
      `Our data runs to ${runsTo} · this record last checked ${checked} · a wrong fact? /report it`,
    agreementFooter: (runsTo: string) =>
      `Facts from the sources linked above · our data runs to ${runsTo} · a wrong fact? /report it`,
  },
  laterTimeline: {
    title: 'Since 2025: later documents',
    description: (count: number) =>
      `${count} dated steps after the 28 agreements, to the latest our data holds. Each in full: \`/agreement\`; the guarantee track: \`/guarantees\`.`,
  },
  guarantees: {
    title: 'The security-guarantee track since 2025',
    description: (count: number, runsTo: string) =>
      `${count} steps, each dated, with its status and source. Our data runs to ${runsTo}.`,
    footer:
      'Each document in full: /agreement (the coalition of the willing, the Paris Declaration, US guarantees…)',
  },
  changes: {
    title: 'Recent changes to the data',
    description: (shown: number, total: number, runsTo: string) =>
      `The ${shown} most recent of ${total} changes, newest first. Our data runs to ${runsTo}.`,
    kind: { added: 'Added', corrected: 'Corrected' },
    none: 'The data has no recorded changes yet.',
    footer: 'Every change names its sources · /about tells how to report an error',
    /** Shown in Ukrainian only, where a change's text is our translation. */
    translated: '',
  },
  errors: {
    unexpected: 'Something went wrong on my side. Please try again in a moment.',
    unknownButton: 'This button is no longer in use. Run the command again.',
    badOption: (name: string) =>
      `The option “${name}” did not come through as this command expects. Run the command again from Discord’s menu.`,
  },
  /** /search and the quote topic (issue 16). */
  search: {
    title: (query: string) => `Search: “${query}”`,
    found: (total: number) => `${total} ${total === 1 ? 'record matches' : 'records match'}.`,
    someWords: 'No record has every word; these have some of them.',
    fields: {
      name: 'name',
      title: 'title',
      commitments: 'commitment',
      clause: '24-hour clause',
      place: 'place',
      signatories: 'signatories',
      status: 'status',
      notes: 'note',
      sources: 'source',
      said: 'quote',
      speaker: 'speaker',
    },
    quoteBy: (name: string) => `Quote: ${name}`,
    source: (label: string) => `Source: ${label}`,
    sourcesOf: (command: string) => `Sources: ${command}`,
    /** Text the index holds for an agreement that states the clause, so "24 hours" finds it. */
    clauseStated: 'a 24-hour consultations clause is stated',
    noMatch: (query: string) => `Nothing in our records matches “${query}”.`,
    noMatchTry:
      'Try fewer or other words, in English or Ukrainian, or pick a suggestion as you type.',
    empty: 'Type a word or two to search for, such as `F-16`, `air defence` or `24 hours`.',
    footer: 'In bold: what matched · /agreement and /quote show the whole record',
    quoteTopicNone: (speaker: string, topic: string) =>
      `None of ${speaker}’s quotes mention “${topic}”.`,
  },
  /** /compare (issue 16). */
  compare: {
    title: (a: string, b: string) => `${a} and ${b}, side by side`,
    description:
      'From our sources. “Not stated in our sources” means they say nothing, which is not a “no”.',
    fieldName: (aspect: string, partner: string) => `${aspect}: ${partner}`,
    aspects: {
      signed: 'Signed',
      signatories: 'Signatories',
      term: 'Term',
      commitments: 'Commitments',
      clause: '24-hour clause',
      status: 'Status',
    },
    ukraineSide: 'Ukraine',
    statusShort: {
      official: 'Official list',
      framework: 'Framework document',
      disputed: 'Disputed',
    },
    same: (name: string) => `Both options name ${name}. Pick two different agreements to compare.`,
    sameTry: 'For one agreement alone: `/agreement`.',
    footer: 'Facts from the sources on each agreement: /agreement lists them',
    chart: {
      title: 'Commitments by year and amount',
      note: 'Bars compare amounts in the same currency only; no exchange rate is applied.',
      noYear: 'no year',
      none: 'No amounts stated in our sources',
      alt: (a: string, b: string) =>
        `Chart of the commitments with amounts: ${a} on the left, ${b} on the right.`,
      altSide: (partner: string, lines: string) => `${partner}: ${lines}.`,
      altNone: (partner: string) => `${partner}: no amounts stated in our sources.`,
    },
  },
  /** The /agreements filters (issue 16). */
  filters: {
    title: (shown: number, total: number) => `Ukraine’s security agreements: ${shown} of ${total}`,
    clause: {
      stated: (n: number, total: number, unknown: number) =>
        `${n} of ${total} ${n === 1 ? 'states' : 'state'} a 24-hour clause; for ${unknown} our sources say nothing.`,
      'not-stated': (n: number, total: number, stated: number) =>
        `For ${n} of ${total} our sources say nothing of a 24-hour clause; ${stated} ${stated === 1 ? 'states' : 'state'} one.`,
      none: (n: number, total: number) =>
        `${n} of ${total} ${n === 1 ? 'sets' : 'set'} no 24-hour deadline in the text.`,
    },
    year: (n: number, total: number, year: number) =>
      `${n} of ${total} ${n === 1 ? 'was' : 'were'} signed in ${year}.`,
    kind: {
      official: (n: number, total: number) =>
        `${n} of ${total} ${n === 1 ? 'is' : 'are'} on Ukraine’s official list.`,
      framework: (n: number, total: number) =>
        `${n} of ${total} ${n === 1 ? 'is a framework document' : 'are framework documents'}.`,
      disputed: (n: number, total: number) =>
        `${n} of ${total} ${n === 1 ? 'is' : 'are'} disputed: counted by some sources, not by Ukraine’s lists.`,
      // Issue 12, the later records in /agreements: kind:later and kind:no-agreement.
      later: (n: number, agreements: number) =>
        `${n} later ${n === 1 ? 'document' : 'documents'} (since 2025), kept apart from the ${agreements}: each with its status, signed or not.`,
      'no-agreement': (n: number, talks: number) =>
        `${n} ${n === 1 ? 'partner has' : 'partners have'} no security agreement with Ukraine: ${talks} in talks, ${n - talks} with other agreements at most.`,
    },
    // Issue 12, the later records in /agreements.
    recordYear: (n: number, total: number, year: number) =>
      `${n} of ${total} ${n === 1 ? 'has' : 'have'} a dated step in ${year}.`,
    clauseOnlyAgreements: (agreements: number) =>
      `The 24-hour clause is recorded for the ${agreements} agreements only.`,
    noneMatch: 'No document matches all of these filters.',
    noneTry: 'Try one filter at a time, or `/agreements` for the whole list.',
  },
  // Community (issue 13): /report, the operator's /reports, poll results, /follow and its DMs.
  report: {
    storeAway:
      'I can’t reach the bot’s storage right now, so nothing was changed. Please try again shortly.',
    notServed: 'Reports are not taken on this instance of the bot.',
    unknownRecord: (typed: string) =>
      `I don’t know a record called “${typed}”. Pick one from the list as you type, e.g. \`Germany\`.`,
    unknownField: (typed: string) =>
      `“${typed}” is not a field of that record. Pick one from the list as you type, or \`other\`.`,
    tooShort: (min: number) =>
      `Please say what is wrong in at least ${min} characters, so it can be checked.`,
    tooLong: (max: number) => `Please keep it to ${max} characters: what is wrong, and why.`,
    badSource: 'The source must be a web address starting with https:// or http://.',
    limitedMember: (when: string) =>
      `You have sent several reports recently. You can send the next one ${when}.`,
    limitedGuild: (when: string) =>
      `This server has sent many reports recently. The next one can be sent ${when}.`,
    received: (id: string) =>
      `Thank you: your report **${id}** is saved and has reached the bot’s maintainers. Quote its id if you follow it up.`,
    receivedUndelivered: (id: string) =>
      `Thank you: your report **${id}** is saved. It could not be passed on just now; the maintainers will see it in their list.`,
    fields: {
      date: 'date',
      status: 'status',
      signatories: 'signatories',
      sources: 'sources',
      other: 'something else',
    },
  },
  reports: {
    notOwner: 'Only the bot’s operator can use this command.',
    none: 'No open reports.',
    listTitle: (shown: number, total: string) => `Open reports (${shown}${total})`,
    more: ' and more',
    notFound: (id: string) => `There is no report **${id}**.`,
    alreadyClosed: (id: string) => `Report **${id}** was closed already.`,
    closed: (id: string) => `Report **${id}** is closed with your note.`,
    noteTooLong: (max: number) => `Please keep the note to ${max} characters.`,
    undelivered: 'not delivered',
  },
  pollResults: {
    title: 'Poll results',
    votes: (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
    noVotes: 'The poll has closed with no votes.',
    total: (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'} in all`,
    notFinal: 'Discord had not finalised the count; these are the last counts it gave.',
  },
  follow: {
    added: (name: string) =>
      `You follow ${name}: I’ll send you one DM on its anniversary and when its data changes. Nothing is posted in any channel.`,
    already: (name: string) => `You already follow ${name}.`,
    resumed: (name: string, n: number) =>
      `You follow ${name}, and your ${n} paused ${n === 1 ? 'follow is' : 'follows are'} on again: make sure the bot may DM you.`,
    tooMany: (max: number) =>
      `You can follow up to ${max} agreements. \`/unfollow\` one first; \`/follow list\` shows them.`,
    removed: (name: string) => `You no longer follow ${name}.`,
    notFollowing: (name: string) => `You don’t follow ${name}. \`/follow list\` shows what you do.`,
    listTitle: 'What you follow',
    listEmpty: 'You don’t follow any agreement. Try `/follow add partner:Germany`.',
    paused: 'paused: DMs closed',
    dmsClosed:
      'I tried to send you a DM about an agreement you follow, but your DMs are closed to me, so your follows are paused. Allow DMs from this server’s members, then `/follow add` any agreement to turn them on again.',
    anniversaryDm: (name: string, years: number, date: string) =>
      `📅 ${years} ${years === 1 ? 'year' : 'years'} ago today (${date}), Ukraine and ${name} signed their security agreement. \`/agreement\` shows it.`,
    changeDm: (name: string, change: string) =>
      `🔄 The data on ${name} changed: ${change} \`/changes\` lists every change.`,
    dmFooter: 'You get this because you follow it · `/unfollow` to stop',
  },
  // Suggestions and admin tools (issue 13, part 1): /suggest, its queue, /schedule test and skip.
  suggest: {
    notInGuild: 'Suggestions belong to a server: run this in one.',
    notServed: 'Suggestions are not available on this instance of the bot.',
    tooShort: (min: number) =>
      `That is too short for a question: at least ${min} characters, please.`,
    tooLong: (max: number) =>
      `That is too long: a question can have at most ${max} characters (Discord's limit for a poll).`,
    mention:
      'Please leave out mentions (@everyone, @here, members or roles): suggestions never ping anyone.',
    link: 'This server does not allow links in suggestions. Write the question without it, and name the source in words.',
    answersCount: (min: number, max: number) =>
      `A poll needs ${min} to ${max} answers, separated by \`;\`, e.g. \`Yes; No; Not sure\`.`,
    answerTooLong: (max: number) => `Each answer can have at most ${max} characters.`,
    answersDuplicate: 'Two answers are the same: give each answer once.',
    cap: (open: number) =>
      `You have ${open} suggestions waiting already. When an admin has decided one, you can suggest again.`,
    cooldown: (when: string) =>
      `You made a suggestion a moment ago: you can suggest again ${when}.`,
    receipt: (id: string) =>
      `Thank you! Your suggestion **#${id}** is waiting for this server's admins. You will hear what they decide.`,
    channelTitle: (id: string) => `New suggestion #${id}`,
    channelHint: 'Approve or deny it in `/schedule suggestions`.',
    question: 'Question',
    answers: 'Poll answers',
    by: 'Suggested by',
    when: 'Suggested',
    reason: 'Reason',
    decidedBy: (who: string, when: string) => `Decided by ${who} ${when}`,
    states: { open: 'waiting', approved: 'approved', denied: 'denied' },
    queueTitle: (state: string, n: number, total: number) =>
      `Suggestions ${state}: ${n} of ${total}`,
    queueEmpty: (state: string) => `No suggestions ${state}.`,
    approve: 'Approve',
    deny: 'Deny',
    previous: 'Previous',
    next: 'Next',
    approved: (id: string) =>
      `Approved **#${id}**: it joins this server's prompt rotation, next in line.`,
    denied: (id: string) => `Denied **#${id}**. It is kept: you can still approve it later.`,
    alreadyDecided: (id: string, state: string) =>
      `**#${id}** was decided by someone else a moment ago (${state}); here is the queue as it stands.`,
    notFound: 'That suggestion is no longer there.',
    modalTitle: 'Deny this suggestion',
    reasonLabel: 'Reason (optional; the author sees it)',
    reasonPlaceholder: 'e.g. We had this question last month.',
    dmApproved: (server: string, question: string) =>
      `Your suggestion in **${server}** was approved and will be posted as a discussion prompt:\n> ${question}`,
    dmDenied: (server: string, question: string) =>
      `Your suggestion in **${server}** was not taken this time:\n> ${question}`,
    dmReason: (reason: string) => `Reason: ${reason}`,
    noticeTitle: 'What became of your suggestions',
    noticeApproved: (id: string, question: string) => `✅ **#${id}** approved: ${question}`,
    noticeDenied: (id: string, question: string) => `❌ **#${id}** not taken: ${question}`,
    thisServer: 'this server',
    needsSetup:
      'Set up the schedule first (`/schedule setup`): the suggestion settings are kept with it.',
    channelSet: (channel: string) => `New suggestions will be shown to admins in ${channel}.`,
    channelCleared: 'New suggestions will no longer be posted in a channel.',
    linksOn: 'Links are now allowed in suggestions.',
    linksOff: 'Links are no longer allowed in suggestions.',
  },
  adminTools: {
    testMarker: '🧪 **Test post** (sent with `/schedule test`; not part of the schedule)',
    testSending: (channel: string) =>
      `Sending a test post to ${channel}. If it does not arrive, I will tell you why here.`,
    testFailed: (channel: string, reason: string) =>
      `The test post could not be sent to ${channel}: ${reason}`,
    testNone:
      'There is no post of that kind to show as a sample right now (none in the next two weeks).',
    skipped: (kind: string, when: string) =>
      `Skipping the next post: **${kind}**, ${when}. Posts after it go out as usual.`,
    skipNone: 'No post of that kind is due in the next two weeks, so there is nothing to skip.',
    skipAlready: (kind: string, when: string) =>
      `Already skipping the next post: **${kind}**, ${when}.`,
    statusSuggestions: 'Suggestions waiting',
    statusReports: 'Open reports',
    statusSkips: 'Skipped',
    skipLine: (kind: string, when: string) => `${kind}: ${when}`,
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language must fill: a missing key is a type error. */
export type Strings = Omit<Widen<typeof en>, 'language'> & { readonly language: Language };
