import type { CommandContext, CommunityContext, InputContext } from '../commands/types.js';
import type { Strings } from '../i18n/index.js';
import { discordTimestamp } from '../render/format.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { echoUserText } from '../render/user-text.js';
import { fieldLabel, findTarget } from './report-targets.js';
import {
  cleanReportText,
  readSourceUrl,
  REPORT_LIMITS,
  REPORT_TEXT_MAX,
  REPORT_TEXT_MIN,
} from './report-text.js';
import { attemptStore } from './store-attempt.js';

/** What a member typed into /report, as Discord checked it against the definition. */
export interface TypedReport {
  record: string;
  field: string;
  what: string;
  source?: string | undefined;
}

/**
 * Files a member's report: the record and field understood, the text checked, the report
 * stored and passed to the operator. Each refusal and a failed write is an ephemeral answer.
 */
export async function fileReport(
  typed: TypedReport,
  input: InputContext,
  community: CommunityContext,
  ctx: CommandContext,
  strings: Strings,
): Promise<ReplyBody> {
  const words = strings.report;
  const target = findTarget(ctx.data, typed.record, strings);
  if (!target) return ephemeral({ content: words.unknownRecord(echoUserText(typed.record)) });
  const typedField = typed.field.trim();
  // A field's label typed instead of picked ("signing date") is understood too.
  const field = target.fields.includes(typedField)
    ? typedField
    : target.fields.find((f) => fieldLabel(f, strings).toLowerCase() === typedField.toLowerCase());
  if (!field) return ephemeral({ content: words.unknownField(echoUserText(typedField)) });
  const text = cleanReportText(typed.what);
  if (text.length < REPORT_TEXT_MIN) return ephemeral({ content: words.tooShort(REPORT_TEXT_MIN) });
  if (text.length > REPORT_TEXT_MAX) return ephemeral({ content: words.tooLong(REPORT_TEXT_MAX) });
  let sourceUrl: string | null = null;
  if (typed.source !== undefined && typed.source.trim() !== '') {
    sourceUrl = readSourceUrl(typed.source);
    if (sourceUrl === null) return ephemeral({ content: words.badSource });
  }
  const created = await attemptStore(() =>
    community.store.reports.create(
      {
        id: community.newReportId(),
        guildId: input.guildId,
        reporterId: input.userId,
        recordId: target.id,
        field,
        text,
        sourceUrl,
        createdAt: ctx.now(),
      },
      REPORT_LIMITS,
    ),
  );
  if (created.kind === 'failed') return ephemeral({ content: strings.storage.notSaved });
  const result = created.value;
  if (result.kind === 'limited') {
    const when = discordTimestamp(Math.ceil(result.retryAt.getTime() / 1000), 'R');
    return ephemeral({
      content: result.scope === 'member' ? words.limitedMember(when) : words.limitedGuild(when),
    });
  }
  const delivered = await community.deliverReport(result.report);
  if (delivered) {
    // Listed either way; the mark only tells the operator which ones their channel has.
    await community.store.reports.markDelivered(result.report.id).catch(() => undefined);
  }
  const id = result.report.id;
  return ephemeral({ content: delivered ? words.received(id) : words.receivedUndelivered(id) });
}
