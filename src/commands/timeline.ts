import { stringsFor } from '../i18n/index.js';
import { withPicture } from '../render/picture-reply.js';
import { renderTimeline } from '../render/timeline.js';
import { loadPictures } from './pictures.js';
import { defineCommand } from './types.js';

export const timeline = defineCommand({
  data: {
    name: 'timeline',
    description:
      'The agreements in the order they were signed, month by month, then what came after',
  },

  async respond(input, { data }) {
    const body = renderTimeline(data.agreements, stringsFor(input.locale), data.records);
    const { renderTimelinePng } = await loadPictures();
    return withPicture(body, await renderTimelinePng(data, { locale: input.locale }));
  },
});
