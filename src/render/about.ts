import type { Dataset } from '../data/load.js';
import type { Strings } from '../i18n/index.js';
import { shortDate } from '../lookup/choices.js';
import { COLOURS } from './agreement.js';
import { fitEmbed } from './fit.js';
import type { ReplyBody } from './reply.js';

export function renderAbout(data: Dataset, reportUrl: string | null, strings: Strings): ReplyBody {
  const a = strings.about;
  const official = data.agreements.filter((x) => x.status === 'official').length;
  return {
    embeds: [
      fitEmbed({
        title: a.title,
        description: a.description,
        color: COLOURS.official,
        fields: [
          {
            name: a.counts,
            value: a.countsValue(
              data.agreements.length,
              official,
              data.quotes.length,
              data.people.length,
            ),
          },
          {
            name: a.dataTitle,
            value: a.dataRunsTo(shortDate(data.dataRunsTo, strings.locale), data.records.length),
          },
          { name: a.sourcesTitle, value: a.sourcesValue },
          { name: a.commands, value: a.commandsValue },
          {
            name: a.reportTitle,
            value: reportUrl ? a.reportWithUrl(reportUrl) : a.reportWithoutUrl,
          },
        ],
      }),
    ],
  };
}
