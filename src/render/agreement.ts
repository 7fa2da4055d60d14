import {
  ButtonStyle,
  ComponentType,
  type APIEmbed,
  type APIEmbedField,
} from 'discord-api-types/v10';
import type { Agreement, FactKey } from '../data/schema.js';
import { ARTICLE_SOURCE } from '../data/schema.js';
import { pick, type Strings } from '../i18n/index.js';
import { COLOUR } from './colours.js';
import { fitEmbed, joinLines, truncate } from './fit.js';
import { addYears, discordDate, formatAmount, sourceLabel } from './format.js';
import { LIMITS } from './limits.js';
import { shortDate } from '../lookup/choices.js';
import type { ReplyBody } from './reply.js';

/** Embed colours by status: Ukraine's blue, Discord's blurple for frameworks, amber if disputed. */
export const COLOURS = {
  official: COLOUR.ukraine,
  framework: COLOUR.framework,
  disputed: COLOUR.caution,
  /** A problem an admin should act on (a blocked schedule). */
  alert: COLOUR.stopped,
} as const;

export function partnerName(agreement: Agreement, strings: Strings): string {
  return pick(agreement.partner.shortName, strings.language);
}

/** The place in the reader's language where the data has it; the English fact otherwise. */
export function placeName(agreement: Agreement, strings: Strings): string | null {
  return agreement.place && pick(agreement.place, strings.language);
}

/** One side's signatories, each in Ukrainian where the data has a spelling we trust. */
export function signatoryNames(
  agreement: Agreement,
  side: 'partner' | 'ukraine',
  strings: Strings,
): string[] {
  return agreement.signatories[side].map((name) => pick(name, strings.language));
}

export function partnerLabel(agreement: Agreement, strings: Strings): string {
  const flag = agreement.partner.flag ? `${agreement.partner.flag} ` : '';
  return `${flag}${partnerName(agreement, strings)}`;
}

/** The partner inside a sentence: "the United Kingdom" in English; Ukrainian has no article. */
export function partnerInSentence(agreement: Agreement, strings: Strings): string {
  return strings.agreement.inSentence(
    partnerName(agreement, strings),
    agreement.partner.definiteArticle,
  );
}

/** The flag and the partner inside a sentence: "🇬🇧 the United Kingdom". */
export function partnerLabelInSentence(agreement: Agreement, strings: Strings): string {
  const flag = agreement.partner.flag ? `${agreement.partner.flag} ` : '';
  return `${flag}${partnerInSentence(agreement, strings)}`;
}

/** A title that only repeats the partner's name ("Ukraine Compact") is not worth saying twice. */
export function titleRepeatsName(agreement: Agreement): boolean {
  const same = (name: string | null) =>
    name !== null && name.trim().toLowerCase() === agreement.title.trim().toLowerCase();
  const { name, shortName } = agreement.partner;
  return same(shortName.en) || same(name.en);
}

/** "🇩🇪 Germany: Agreement on…", or the name alone where the title is the name. */
export function agreementHeading(agreement: Agreement, strings: Strings): string {
  const label = partnerLabel(agreement, strings);
  return titleRepeatsName(agreement) ? label : `${label}: ${agreement.title}`;
}

export const STATUS_MARK = { official: '✅', framework: '🧭', disputed: '⚠️' } as const;

/** The reply to `/agreement`: one embed and a link button to the text (or the first source). */
export function renderAgreement(
  agreement: Agreement,
  strings: Strings,
  dataRunsTo?: string,
): ReplyBody {
  const s = strings.agreement;
  // A doubtful date or place carries its warning where it is read, not only in the description.
  const flagged = (fact: FactKey) =>
    agreement.unconfirmed.includes(fact) ? strings.posts.unconfirmed : '';
  const place = placeName(agreement, strings);
  const fields: APIEmbedField[] = [
    {
      name: s.signed,
      value: `${discordDate(agreement.signed)}${flagged('signed')}\n${place === null ? strings.notStated : `${place}${flagged('place')}`}`,
      inline: true,
    },
    { name: s.duration, value: durationText(agreement, strings), inline: true },
    { name: s.consultations, value: consultationsText(agreement, strings), inline: true },
    {
      // A framework document's other side is many partners, not the document itself.
      name:
        agreement.status === 'framework'
          ? s.signatoriesPartners
          : s.signatoriesPartner(partnerInSentence(agreement, strings)),
      value: listOrUnknown(signatoryNames(agreement, 'partner', strings), strings),
      inline: true,
    },
    {
      name: s.signatoriesUkraine,
      value: listOrUnknown(signatoryNames(agreement, 'ukraine', strings), strings),
      inline: true,
    },
    {
      name: s.commitments,
      value:
        agreement.commitments.length === 0
          ? s.noCommitments
          : joinLines(
              // Numbered, so "commitment 2" in a warning points at a line the reader can find.
              agreement.commitments.map(
                (c, i) => `${i + 1}. ${commitmentLine(c, strings)}${flagged(`commitments.${i}`)}`,
              ),
              LIMITS.embedFieldValue,
              s.moreLines,
            ),
    },
    { name: s.sources, value: sourcesText(agreement, strings) },
  ];
  if (agreement.notes.length > 0) {
    fields.push({
      name: s.notes,
      value: joinLines(
        agreement.notes.map((note) => `• ${note}`),
        LIMITS.embedFieldValue,
        s.moreLines,
      ),
    });
  }

  const description = [s.kind[agreement.kind], s.status[agreement.status]];
  if (agreement.unconfirmed.length > 0) {
    description.push(
      s.unconfirmed(agreement.unconfirmed.map((f) => factName(f, strings)).join(', ')),
    );
  }

  const embed: APIEmbed = {
    title: agreementHeading(agreement, strings),
    description: description.join('\n'),
    color: COLOURS[agreement.status],
    fields,
    // Where the data's date is known, the footer says how far it runs.
    footer: {
      text: dataRunsTo
        ? strings.record.agreementFooter(shortDate(dataRunsTo, strings.locale))
        : s.footer,
    },
  };
  if (agreement.textUrl) embed.url = agreement.textUrl;

  const link = agreement.textUrl ?? firstWebSource(agreement);
  return {
    embeds: [fitEmbed(embed)],
    components: link
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Link,
                label: agreement.textUrl ? s.readText : s.readSource,
                url: link,
              },
            ],
          },
        ]
      : [],
  };
}

function durationText(agreement: Agreement, strings: Strings): string {
  if (agreement.durationYears === null) return strings.notStated;
  const end = addYears(agreement.signed, agreement.durationYears);
  return strings.agreement.durationYears(agreement.durationYears, discordDate(end));
}

function consultationsText(agreement: Agreement, strings: Strings): string {
  if (agreement.consultations24h === null) return strings.notStated;
  return agreement.consultations24h
    ? strings.agreement.consultationsYes
    : strings.agreement.consultationsNo;
}

function listOrUnknown(names: readonly string[], strings: Strings): string {
  return names.length === 0 ? strings.notStated : names.join('\n');
}

function commitmentLine(commitment: Agreement['commitments'][number], strings: Strings): string {
  // The figure first, in bold, so amounts can be compared at a glance down the list.
  const parts: string[] = [];
  if (commitment.amount !== null && commitment.currency !== null) {
    parts.push(formatAmount(commitment.amount, commitment.currency, strings));
  }
  if (commitment.period !== null) parts.push(periodText(commitment.period, strings));
  else if (commitment.year !== null) parts.push(String(commitment.year));
  const figure = parts.length > 0 ? `**${parts.join(', ')}**: ` : '';
  return truncate(`${figure}${commitment.text}`, 400);
}

/**
 * A commitment's period as the data writes it ("2024-2027 (annual)", "annual", "2024/25") in the
 * reader's language: a year range takes an en dash, and "annual" is "щороку" in Ukrainian.
 */
export function periodText(period: string, strings: Strings): string {
  const annual = strings.agreement.annual;
  if (period === 'annual') return annual;
  return period.replace(/\b(\d{4})-(\d{4})\b/g, '$1–$2').replace(/\(annual\)$/, `(${annual})`);
}

function sourcesText(agreement: Agreement, strings: Strings): string {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const source of agreement.sources) {
    if (seen.has(source.url)) continue;
    seen.add(source.url);
    const label = sourceLabel(source.url, strings.quote.article);
    links.push(source.url === ARTICLE_SOURCE ? label : `[${label}](${source.url})`);
  }
  return joinLines(links, LIMITS.embedFieldValue, strings.agreement.moreLines).replace(
    /\n/g,
    ' · ',
  );
}

function firstWebSource(agreement: Agreement): string | null {
  const source = agreement.sources.find((s) => s.url !== ARTICLE_SOURCE);
  return source && source.url.length <= LIMITS.linkUrl ? source.url : null;
}

function factName(fact: FactKey, strings: Strings): string {
  const names = strings.agreement.factNames;
  const commitment = /^commitments\.(\d+)$/.exec(fact);
  if (commitment) return names.commitment(Number(commitment[1]) + 1);
  return names[fact as Exclude<keyof typeof names, 'commitment'>] ?? fact;
}
