import { stringsFor } from '../i18n/index.js';
import { renderChanges } from '../render/later.js';
import { defineCommand } from './types.js';

export const changes = defineCommand({
  data: {
    name: 'changes',
    description: 'What was recently added to or corrected in the bot’s data, with sources',
  },

  respond(input, { data }) {
    return renderChanges(data, stringsFor(input.locale));
  },
});
