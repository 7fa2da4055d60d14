import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { MAX_QUERY_LENGTH } from '../lookup/normalize.js';
import { isSearchScope, type SearchScope } from '../render/search.js';
import { answerSearch, suggestSearchChoices } from '../render/search-answer.js';
import { defineCommand } from './types.js';

const KIND_OPTION = {
  type: ApplicationCommandOptionType.String,
  name: 'kind',
  description: 'Only agreements, or only quotes',
  choices: [
    { name: 'Agreements', value: 'agreements' },
    { name: 'Quotes', value: 'quotes' },
  ],
} as const;

/** The `kind` option's values, as the scope a page button carries. */
const KIND_SCOPES: Readonly<Record<(typeof KIND_OPTION)['choices'][number]['value'], SearchScope>> =
  { agreements: 'a', quotes: 'q' };

export const searchCommand = defineCommand({
  data: {
    name: 'search',
    description: 'Search every agreement and quote by what it says: F-16, air defence, 24 hours…',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'Words to look for, in English or Ukrainian: F-16, ППО, Warsaw…',
        required: true,
        autocomplete: true,
        max_length: MAX_QUERY_LENGTH,
      },
      KIND_OPTION,
    ],
  },

  respond(input, { data }) {
    const { query, kind } = input.options;
    const scope = kind === undefined ? 'x' : KIND_SCOPES[kind];
    return answerSearch(query, scope, 0, data, stringsFor(input.locale));
  },

  /** custom_id `search:p:<scope>:<page>:<query>`; the query may itself hold colons. */
  button(input, { data }) {
    const [, scope, page, ...query] = input.args;
    return answerSearch(
      query.join(':'),
      isSearchScope(scope) ? scope : 'x',
      Number.parseInt(page ?? '0', 10),
      data,
      stringsFor(input.locale),
    );
  },

  autocomplete(input, { data }) {
    return suggestSearchChoices(data, input.focused.value, stringsFor(input.locale));
  },
});
