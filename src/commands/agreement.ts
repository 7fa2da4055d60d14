import { stringsFor } from '../i18n/index.js';
import { recentAnswers } from '../lookup/recent-answers.js';
import { suggestSubjects } from '../lookup/subjects.js';
import { answerAgreement, answerEnglishOriginal } from '../render/subject-answer.js';
import { PARTNER_OPTION } from './partner-option.js';
import { defineCommand, type Choice } from './types.js';

const subjectAnswers = recentAnswers<Choice[]>();

export const agreement = defineCommand({
  data: {
    name: 'agreement',
    description: 'The facts of one security agreement or later document, with sources',
    options: [
      {
        ...PARTNER_OPTION,
        name: 'partner',
        description:
          'Country, organisation or document: Germany, UK, EU, 🇫🇷, coalition of the willing…',
        required: true,
      },
    ],
  },

  respond(input, { data }) {
    return answerAgreement(input.options.partner, data, stringsFor(input.locale));
  },

  button(input, { data }) {
    return answerEnglishOriginal(input.args, data, input.locale);
  },

  autocomplete(input, { data }) {
    const key = `${input.locale}|${input.focused.value.slice(0, 200)}`;
    return subjectAnswers.answerFor(data, key, () =>
      suggestSubjects(input.focused.value, data, input.locale),
    );
  },
});
