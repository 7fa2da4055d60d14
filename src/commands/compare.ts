import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { partnerLabel } from '../render/agreement.js';
import { renderComparison } from '../render/compare.js';
import { renderNotFound } from '../render/not-found.js';
import { withPicture } from '../render/picture-reply.js';
import { PARTNER_OPTION, partnerChoices, readPartnerOption } from './partner-option.js';
import { defineCommand } from './types.js';

export const compare = defineCommand({
  data: {
    name: 'compare',
    description:
      'Two agreements side by side: date, signatories, term, commitments, 24-hour clause',
    options: [
      {
        ...PARTNER_OPTION,
        name: 'first',
        description: 'The first agreement: Germany, UK, EU, 🇯🇵, Німеччина…',
        required: true,
      },
      {
        ...PARTNER_OPTION,
        name: 'second',
        description: 'The agreement to set beside it',
        required: true,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'picture',
        description: 'Add a chart of the commitments by year and amount',
      },
    ],
  },

  async respond(input, { data }) {
    const strings = stringsFor(input.locale);
    const first = readPartnerOption(input.options.first, data, strings);
    if (first.kind !== 'found') return first.body;
    const second = readPartnerOption(input.options.second, data, strings);
    if (second.kind !== 'found') return second.body;
    if (first.agreement === second.agreement) {
      return renderNotFound(
        strings.compare.same(partnerLabel(first.agreement, strings)),
        [],
        strings.compare.sameTry,
        strings,
      );
    }
    const body = renderComparison(first.agreement, second.agreement, strings);
    if (input.options.picture !== true) return body;
    // Loaded on first use, as /timeline's and /map's renderers are.
    const { renderComparePng } = await import('../render/pictures/compare.js');
    return withPicture(
      body,
      await renderComparePng(first.agreement, second.agreement, input.locale),
    );
  },

  autocomplete(input, { data }) {
    return partnerChoices(data, input.focused.value, input.locale);
  },
});
