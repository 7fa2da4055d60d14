import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { languageOf, stringsFor, type Strings } from '../i18n/index.js';
import { choice } from '../lookup/choices.js';
import { LIMITS } from '../render/limits.js';
import { renderNotFound } from '../render/not-found.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import {
  carriedQuery,
  isSearchScope,
  renderSearchResults,
  type SearchScope,
} from '../render/search.js';
import { echoUserText } from '../render/user-text.js';
import type { Dataset } from '../data/load.js';
import type { RecordType } from '../search/documents.js';
import { search, searchIndexFor, suggestQueries } from '../search/index.js';
import { NAME_GROUP } from '../search/synonyms.js';
import type { SlashCommand } from './types.js';

const SCOPE_TYPES: Readonly<Record<SearchScope, RecordType | undefined>> = {
  x: undefined,
  a: 'agreement',
  q: 'quote',
};

/** The `kind` option's values, as the scope a page button carries. */
const KIND_SCOPES: Readonly<Record<string, SearchScope>> = { agreements: 'a', quotes: 'q' };

/** A search and one page of its answer; the first page and every button run this. */
export function answerSearch(
  rawQuery: string,
  scope: SearchScope,
  page: number,
  data: Dataset,
  strings: Strings,
): ReplyBody {
  const query = carriedQuery(rawQuery);
  const outcome = search(searchIndexFor(data), { query, type: SCOPE_TYPES[scope] });
  switch (outcome.kind) {
    case 'empty':
      return ephemeral({ content: strings.search.empty });
    case 'no-match':
      return renderNotFound(
        strings.search.noMatch(echoUserText(query)),
        outcome.closeTerms,
        strings.search.noMatchTry,
        strings,
      );
    case 'found':
      return renderSearchResults(
        outcome.hits,
        { text: query, shown: echoUserText(query, 80), scope, allWords: outcome.allWords },
        page,
        strings,
      );
  }
}

export const searchCommand: SlashCommand = {
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
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'kind',
        description: 'Only agreements, or only quotes',
        choices: [
          { name: 'Agreements', value: 'agreements' },
          { name: 'Quotes', value: 'quotes' },
        ],
      },
    ],
  },

  respond(input, { data }) {
    const query = input.options['query'];
    const kind = input.options['kind'];
    // Own keys only: "toString" is a key of every object.
    const scope =
      typeof kind === 'string' && Object.hasOwn(KIND_SCOPES, kind) ? KIND_SCOPES[kind]! : 'x';
    return answerSearch(
      typeof query === 'string' ? query : '',
      scope,
      0,
      data,
      stringsFor(input.locale),
    );
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
    const index = searchIndexFor(data);
    const typed = input.focused.value;
    const suggestions =
      typed.trim() === ''
        ? // Nothing typed yet: one way of saying each synonym group, in the reader's script.
          index.synonyms.groups
            .filter((group) => !group.id.startsWith(NAME_GROUP))
            .map(
              (group) =>
                (languageOf(input.locale) === 'uk'
                  ? group.terms.find((t) => /\p{Script=Cyrillic}/u.test(t))
                  : undefined) ?? group.terms[0]!,
            )
        : suggestQueries(index, typed, LIMITS.autocompleteChoices);
    return suggestions
      .slice(0, LIMITS.autocompleteChoices)
      .map(carriedQuery)
      .map((text) => choice(text, text))
      .filter((c) => c.name.trim() !== '' && c.value.trim() !== '');
  },
};
