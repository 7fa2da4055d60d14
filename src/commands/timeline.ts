import { stringsFor } from '../i18n/index.js';
import { renderTimeline } from '../render/timeline.js';
import type { SlashCommand } from './types.js';

export const timeline: SlashCommand = {
  data: {
    name: 'timeline',
    description: 'The agreements in the order they were signed, month by month',
  },

  respond(input, { data }) {
    return renderTimeline(data.agreements, stringsFor(input.locale));
  },
};
