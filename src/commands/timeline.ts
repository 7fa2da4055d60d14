import { stringsFor } from '../i18n/index.js';
import { withPicture } from '../render/picture-reply.js';
import { renderTimeline } from '../render/timeline.js';
import { loadPictures } from './pictures.js';
import type { SlashCommand } from './types.js';

export const timeline: SlashCommand = {
  data: {
    name: 'timeline',
    description: 'The agreements in the order they were signed, month by month, with a chart',
  },

  async respond(input, { data }) {
    const body = renderTimeline(data.agreements, stringsFor(input.locale));
    const { renderTimelinePng } = await loadPictures();
    return withPicture(body, await renderTimelinePng(data, { locale: input.locale }));
  },
};
