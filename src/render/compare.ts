import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Agreement, Commitment } from '../data/schema.js';
import type { Strings } from '../i18n/index.js';
import {
  COLOURS,
  partnerLabel,
  partnerName,
  periodText,
  placeName,
  signatoryNames,
} from './agreement.js';
import { fitEmbed, joinLines, truncate } from './fit.js';
import { addYears, discordDate, formatAmount } from './format.js';
import { LIMITS } from './limits.js';
import type { ReplyBody } from './reply.js';

/** An empty inline field: Discord puts three inline fields on a row, the comparison wants two. */
const SPACER: APIEmbedField = { name: '\u200b', value: '\u200b', inline: true };
/** Each side's commitments get this much, so both sides of the longest pair fit the 6000 total. */
const COMMITMENTS_MAX = 900;

type Aspect = keyof Strings['compare']['aspects'];
const ASPECTS: readonly Aspect[] = [
  'signed',
  'term',
  'clause',
  'signatories',
  'commitments',
  'status',
];

/** A commitment's figure and period, "€7.1bn, 2024", or null where the source gives none. */
export function commitmentFigure(commitment: Commitment, strings: Strings): string | null {
  const parts: string[] = [];
  if (commitment.amount !== null && commitment.currency !== null) {
    parts.push(formatAmount(commitment.amount, commitment.currency, strings));
  }
  if (commitment.period !== null) parts.push(periodText(commitment.period, strings));
  else if (commitment.year !== null) parts.push(String(commitment.year));
  return parts.length > 0 ? parts.join(', ') : null;
}

/** What one side says about one aspect; "not stated in our sources" where it says nothing. */
function aspectText(agreement: Agreement, aspect: Aspect, strings: Strings): string {
  const a = strings.agreement;
  const c = strings.compare;
  switch (aspect) {
    case 'signed': {
      const flag = agreement.unconfirmed.includes('signed') ? strings.posts.dateUnconfirmed : '';
      return `${discordDate(agreement.signed)}${flag}\n${placeName(agreement, strings) ?? strings.notStated}`;
    }
    case 'term':
      return agreement.durationYears === null
        ? strings.notStated
        : a.durationYears(
            agreement.durationYears,
            discordDate(addYears(agreement.signed, agreement.durationYears)),
          );
    case 'clause':
      if (agreement.consultations24h === null) return strings.notStated;
      return agreement.consultations24h ? a.consultationsYes : a.consultationsNo;
    case 'signatories': {
      const side = (names: string[]) => (names.length > 0 ? names.join('; ') : strings.notStated);
      return [
        `**${partnerName(agreement, strings)}**: ${side(signatoryNames(agreement, 'partner', strings))}`,
        `**${c.ukraineSide}**: ${side(signatoryNames(agreement, 'ukraine', strings))}`,
      ]
        .map((line) => truncate(line, 480))
        .join('\n');
    }
    case 'commitments':
      if (agreement.commitments.length === 0) return a.noCommitments;
      return joinLines(
        agreement.commitments.map((commitment) => {
          const figure = commitmentFigure(commitment, strings);
          return truncate(`• ${figure ? `**${figure}**: ` : ''}${commitment.text}`, 300);
        }),
        COMMITMENTS_MAX,
        a.moreLines,
      );
    case 'status':
      return `${c.statusShort[agreement.status]}\n${a.kind[agreement.kind]}`;
  }
}

/** The reply to `/compare`: each aspect as a row of two inline fields, first beside second. */
export function renderComparison(first: Agreement, second: Agreement, strings: Strings): ReplyBody {
  const c = strings.compare;
  const fields = ASPECTS.flatMap((aspect): APIEmbedField[] => [
    ...[first, second].map((agreement): APIEmbedField => ({
      name: c.fieldName(c.aspects[aspect], partnerName(agreement, strings)),
      value: aspectText(agreement, aspect, strings),
      inline: true,
    })),
    SPACER,
  ]);
  const embed: APIEmbed = {
    title: c.title(partnerLabel(first, strings), partnerLabel(second, strings)),
    description: c.description,
    color: first.status === second.status ? COLOURS[first.status] : COLOURS.official,
    fields: fields.slice(0, LIMITS.embedFields),
    footer: { text: c.footer },
  };
  return { embeds: [fitEmbed(embed)] };
}
