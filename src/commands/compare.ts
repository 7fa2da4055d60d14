import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { partnerLabel } from '../render/agreement.js';
import { renderComparison } from '../render/compare.js';
import { renderNotFound } from '../render/not-found.js';
import { withPicture } from '../render/picture-reply.js';
import { partnerChoices, readPartnerOption } from './partner-option.js';
import type { SlashCommand } from './types.js';

const side = (name: string, description: string) => ({
  type: ApplicationCommandOptionType.String as const,
  name,
  description,
  required: true,
  autocomplete: true,
  max_length: 100,
});

export const compare: SlashCommand = {
  data: {
    name: 'compare',
    description:
      'Two agreements side by side: date, signatories, term, commitments, 24-hour clause',
    options: [
      side('first', 'The first agreement: Germany, UK, EU, 🇯🇵, Німеччина…'),
      side('second', 'The agreement to set beside it'),
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'picture',
        description: 'Add a chart of the commitments by year and amount',
      },
    ],
  },

  async respond(input, { data }) {
    const strings = stringsFor(input.locale);
    const first = readPartnerOption(String(input.options['first'] ?? ''), data, strings);
    if (first.kind !== 'found') return first.body;
    const second = readPartnerOption(String(input.options['second'] ?? ''), data, strings);
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
    if (input.options['picture'] !== true) return body;
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
};
