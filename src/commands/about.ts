import { stringsFor } from '../i18n/index.js';
import { renderAbout } from '../render/about.js';
import { defineCommand } from './types.js';

export const about = defineCommand({
  data: {
    name: 'about',
    description: 'What this bot knows, where its facts come from, how to report an error',
  },

  respond(input, { data, reportUrl }) {
    return renderAbout(data, reportUrl, stringsFor(input.locale));
  },
});
