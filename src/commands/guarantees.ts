import { stringsFor } from '../i18n/index.js';
import { renderGuarantees } from '../render/later.js';
import { defineCommand } from './types.js';

export const guarantees = defineCommand({
  data: {
    name: 'guarantees',
    description:
      'The security-guarantee track since 2025: each step dated, sourced, with its status',
  },

  respond(input, { data }) {
    return renderGuarantees(data, stringsFor(input.locale));
  },
});
