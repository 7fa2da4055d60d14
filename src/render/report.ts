import type { APIEmbed } from 'discord-api-types/v10';
import { fieldLabel } from '../community/report-targets.js';
import type { Strings } from '../i18n/index.js';
import type { FactReport } from '../store/reports.js';
import { discordTimestamp } from './format.js';
import { LIMITS } from './limits.js';
import { echoUserText } from './user-text.js';

/** What the operator's channel or webhook gets for a new report: every user text escaped. */
export interface OperatorMessage {
  content: string;
  embeds: APIEmbed[];
  allowed_mentions: { parse: [] };
}

const unix = (date: Date) => Math.floor(date.getTime() / 1000);

/** The operator's copy of a report: who, where, what, with the id to close it by. */
export function renderOperatorReport(
  report: FactReport,
  recordLabel: string,
  strings: Strings,
): OperatorMessage {
  const fields = [
    {
      name: 'Record',
      value: echoUserText(`${recordLabel} (${report.recordId})`, 200),
      inline: true,
    },
    { name: 'Field', value: echoUserText(fieldLabel(report.field, strings), 100), inline: true },
    {
      name: 'From',
      // The ids as text, never a mention: the operator's channel must not ping the member.
      value: `user ${report.reporterId}${report.guildId ? ` · server ${report.guildId}` : ' · DM'}`,
      inline: false,
    },
  ];
  if (report.sourceUrl) {
    fields.push({ name: 'Source', value: echoUserText(report.sourceUrl, 500), inline: false });
  }
  return {
    content: `New fact report **${report.id}** · close it with \`/reports close id:${report.id}\``,
    embeds: [
      {
        title: `Report ${report.id}`,
        description: echoUserText(report.text, 1000),
        fields,
        footer: { text: `sent ${report.createdAt.toISOString()}` },
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

/** The operator's list of open reports, in one embed within Discord's limits. */
export function renderOpenReports(
  reports: readonly FactReport[],
  hasMore: boolean,
  labelOf: (recordId: string) => string,
  strings: Strings,
): APIEmbed {
  const s = strings.reports;
  const lines: string[] = [];
  let length = 0;
  for (const r of reports) {
    const line = [
      `**${r.id}** · ${echoUserText(labelOf(r.recordId), 60)} · ${echoUserText(fieldLabel(r.field, strings), 40)} · ${discordTimestamp(unix(r.createdAt), 'R')}${r.delivered ? '' : ` · ${s.undelivered}`}`,
      `> ${echoUserText(r.text, 200)}${r.sourceUrl ? `\n> ${echoUserText(r.sourceUrl, 200)}` : ''}`,
    ].join('\n');
    if (length + line.length + 2 > LIMITS.embedDescription - 100) break;
    lines.push(line);
    length += line.length + 2;
  }
  const more = hasMore || lines.length < reports.length ? s.more : '';
  return { title: s.listTitle(lines.length, more), description: lines.join('\n\n') };
}
