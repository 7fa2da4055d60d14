import type { Dataset } from '../data/load.js';
import { pick, type Strings } from '../i18n/index.js';
import { choice } from '../lookup/choices.js';
import type { RecordType } from '../search/documents.js';
import { search, suggestQueries } from '../search/index.js';
import { NAME_GROUP } from '../search/synonyms.js';
import { LIMITS } from './limits.js';
import { renderNotFound } from './not-found.js';
import { ephemeral, type ReplyBody } from './reply.js';
import { carriedQuery, renderSearchResults, type SearchScope } from './search.js';
import { echoUserText } from './user-text.js';

/* /search's answers and suggestions, pure: the command only reads its options and a button's id. */

const SCOPE_TYPES: Readonly<Record<SearchScope, RecordType | undefined>> = {
  x: undefined,
  a: 'agreement',
  q: 'quote',
};

/** A search and one page of its answer; the first page and every button run this. */
export function answerSearch(
  rawQuery: string,
  scope: SearchScope,
  page: number,
  data: Dataset,
  strings: Strings,
): ReplyBody {
  const query = carriedQuery(rawQuery);
  const outcome = search(data.indexes.search, { query, type: SCOPE_TYPES[scope] });
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

/**
 * Autocomplete for a query: words the index holds that start like what was typed; nothing typed
 * yet, one way of saying each synonym group, in the reader's script.
 */
export function suggestSearchChoices(data: Dataset, typed: string, strings: Strings) {
  const index = data.indexes.search;
  const suggestions =
    typed.trim() === ''
      ? index.synonyms.groups
          .filter((group) => !group.id.startsWith(NAME_GROUP))
          .map((group) =>
            pick(
              {
                en: group.terms[0]!,
                uk: group.terms.find((term) => /\p{Script=Cyrillic}/u.test(term)) ?? null,
              },
              strings.language,
            ),
          )
      : suggestQueries(index, typed, LIMITS.autocompleteChoices);
  return suggestions
    .slice(0, LIMITS.autocompleteChoices)
    .map(carriedQuery)
    .map((text) => choice(text, text))
    .filter((c) => c.name.trim() !== '' && c.value.trim() !== '');
}
