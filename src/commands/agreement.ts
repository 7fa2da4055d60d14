import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Dataset } from '../data/load.js';
import type { LaterRecord } from '../data/records-schema.js';
import type { Agreement } from '../data/schema.js';
import { stringsFor, type Strings } from '../i18n/index.js';
import { resolveSubject, suggestSubjects, type Subject } from '../lookup/subjects.js';
import { partnerLabel, renderAgreement } from '../render/agreement.js';
import { renderNotFound } from '../render/not-found.js';
import { recordLabel, renderRecord } from '../render/record.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { echoUserText } from '../render/user-text.js';
import { renderBlankQuery, renderNotPartner } from './partner-option.js';
import { defineCommand } from './types.js';

/**
 * The data never changes while the bot runs, so each agreement's or record's reply is rendered
 * once per language and reused: the most asked command costs a lookup, not a render.
 */
const rendered = new WeakMap<Agreement | LaterRecord, Map<string, ReplyBody>>();
function renderedSubject(subject: Subject, data: Dataset, strings: Strings): ReplyBody {
  const item = subject.kind === 'agreement' ? subject.agreement : subject.record;
  const byLocale = rendered.get(item) ?? new Map<string, ReplyBody>();
  rendered.set(item, byLocale);
  let body = byLocale.get(strings.locale);
  if (!body) {
    body =
      subject.kind === 'agreement'
        ? renderAgreement(subject.agreement, strings, data.dataRunsTo)
        : renderRecord(subject.record, data.dataRunsTo, strings);
    byLocale.set(strings.locale, body);
  }
  return body;
}

function subjectLabel(subject: Subject, strings: Strings): string {
  return subject.kind === 'agreement'
    ? partnerLabel(subject.agreement, strings)
    : recordLabel(subject.record, strings);
}

/** The reply to what was typed: the record, or an ephemeral answer saying what we do not know. */
export function answerAgreement(query: string, data: Dataset, strings: Strings): ReplyBody {
  const match = resolveSubject(query, data);
  switch (match.kind) {
    case 'found':
      return renderedSubject(match.subject, data, strings);
    case 'blank':
      return renderBlankQuery(strings);
    case 'not-partner':
      return renderNotPartner(match.country, strings);
    case 'ambiguous':
    case 'not-found': {
      const echoed = echoUserText(query);
      const [message, guesses] =
        match.kind === 'ambiguous'
          ? [strings.notFound.ambiguous(echoed), match.candidates]
          : [strings.notFound.partner(echoed), match.suggestions];
      return renderNotFound(
        message,
        guesses.map((s) => subjectLabel(s, strings)),
        strings.notFound.tryList,
        strings,
      );
    }
  }
}

/**
 * The answer to a Ukrainian record's "English original" button (custom_id `agreement:en:<id>`):
 * the same record in English, to the one who clicked only, the Ukrainian message left as it is.
 * A record gone from the data since the message was sent gets a message saying so, in the
 * clicker's language.
 */
export function answerEnglishOriginal(
  args: readonly string[],
  data: Dataset,
  locale: string,
): ReplyBody {
  const [what, id = ''] = args;
  const record = what === 'en' ? data.recordById.get(id) : undefined;
  if (!record) {
    return {
      ...ephemeral({
        content: stringsFor(locale).record.englishOriginalGone(echoUserText(id, 60)),
      }),
      replyApart: true,
    };
  }
  const english = renderedSubject({ kind: 'record', record }, data, stringsFor('en-GB'));
  return { ...ephemeral(english), replyApart: true };
}

/**
 * What people type repeats, and the answer depends only on the text and the language: keep
 * recent answers, bounded so odd input cannot grow it.
 */
const SUGGESTION_CACHE_SIZE = 2000;
const suggestions = new WeakMap<Dataset, Map<string, ReturnType<typeof suggestSubjects>>>();

export const agreement = defineCommand({
  data: {
    name: 'agreement',
    description: 'The facts of one security agreement or later document, with sources',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'partner',
        description:
          'Country, organisation or document: Germany, UK, EU, 🇫🇷, coalition of the willing…',
        required: true,
        autocomplete: true,
        max_length: 100,
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
    const cache = suggestions.get(data) ?? new Map<string, ReturnType<typeof suggestSubjects>>();
    suggestions.set(data, cache);
    const key = `${input.locale}|${input.focused.value.slice(0, 200)}`;
    let choices = cache.get(key);
    if (!choices) {
      choices = suggestSubjects(input.focused.value, data, input.locale);
      if (cache.size >= SUGGESTION_CACHE_SIZE) cache.clear();
      cache.set(key, choices);
    }
    return choices;
  },
});
