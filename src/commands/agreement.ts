import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Agreement } from '../data/schema.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import type { ReplyBody } from '../render/reply.js';
import { renderAgreement } from '../render/agreement.js';
import { partnerChoices, readPartnerOption } from './partner-option.js';
import type { SlashCommand } from './types.js';

/**
 * The data never changes while the bot runs, so each agreement's reply is rendered once per
 * language and reused: the most asked command costs a lookup, not a render.
 */
const rendered = new WeakMap<Agreement, Map<string, ReplyBody>>();
function renderedAgreement(found: Agreement, strings: Strings): ReplyBody {
  const byLocale = rendered.get(found) ?? new Map<string, ReplyBody>();
  rendered.set(found, byLocale);
  let body = byLocale.get(strings.locale);
  if (!body) {
    body = renderAgreement(found, strings);
    byLocale.set(strings.locale, body);
  }
  return body;
}

export const agreement: SlashCommand = {
  data: {
    name: 'agreement',
    description: 'The facts of one security agreement, with sources',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'partner',
        description: 'Country or organisation: Germany, UK, EU, G7, 🇫🇷, Німеччина…',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },

  respond(input, { data }) {
    const strings = stringsFor(input.locale);
    const read = readPartnerOption(String(input.options['partner'] ?? ''), data, strings);
    return read.kind === 'found' ? renderedAgreement(read.agreement, strings) : read.body;
  },

  autocomplete(input, { data }) {
    return partnerChoices(data, input.focused.value, input.locale);
  },
};
