import type { Dataset } from '../data/load.js';
import { pick, stringsFor, type Strings } from '../i18n/index.js';
import type { Country } from '../lookup/countries.js';
import { recentAnswers } from '../lookup/recent-answers.js';
import { resolveSubject, type Subject } from '../lookup/subjects.js';
import { partnerLabel, renderAgreement } from './agreement.js';
import { renderNotFound } from './not-found.js';
import { recordLabel, renderRecord } from './record.js';
import { ephemeral, type ReplyBody } from './reply.js';
import { echoUserText } from './user-text.js';

/*
 * /agreement's answers: what was typed, resolved to an agreement or a later record, rendered; or
 * the ephemeral reply that says what we do not know. Pure: the command only reads its option.
 */

/**
 * The data never changes while the bot runs, so each agreement's or record's reply is rendered
 * once per language and reused: the most asked command costs a lookup, not a render. The keys
 * are the data's own ids, so the bound is never reached.
 */
const renderedReplies = recentAnswers<ReplyBody>();

function renderSubjectOnce(subject: Subject, data: Dataset, strings: Strings): ReplyBody {
  const key =
    subject.kind === 'agreement'
      ? `agreement:${subject.agreement.id}|${strings.locale}`
      : `record:${subject.record.id}|${strings.locale}`;
  return renderedReplies.answerFor(data, key, () =>
    subject.kind === 'agreement'
      ? renderAgreement(subject.agreement, strings, data.dataRunsTo)
      : renderRecord(subject.record, data.dataRunsTo, strings),
  );
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
      return renderSubjectOnce(match.subject, data, strings);
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
        guesses.map((subject) => subjectLabel(subject, strings)),
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
  const english = renderSubjectOnce({ kind: 'record', record }, data, stringsFor('en-GB'));
  return { ...ephemeral(english), replyApart: true };
}

/** A blank partner: say what to type, never "I don't know an agreement with “”". */
export function renderBlankQuery(strings: Strings): ReplyBody {
  return ephemeral({ content: `${strings.lookup.blank}\n${strings.notFound.tryList}` });
}

/** A real country with no agreement in the data: said plainly, with where to look instead. */
export function renderNotPartner(country: Country, strings: Strings): ReplyBody {
  const name = pick(country.name, strings.language);
  return ephemeral({
    content: `${country.flag} ${strings.lookup.notPartner(name)}\n${strings.notFound.tryList}`,
  });
}
