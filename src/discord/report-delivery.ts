import { Routes, type REST } from 'discord.js';
import type { Dataset } from '../data/load.js';
import { reportTargets } from '../community/report-targets.js';
import { stringsFor } from '../i18n/index.js';
import type { Logger } from '../log.js';
import { renderOperatorReport } from '../render/report.js';
import type { FactReport } from '../store/reports.js';

export interface ReportDeliveryDeps {
  rest: Pick<REST, 'post'>;
  data: Dataset;
  log: Pick<Logger, 'warn' | 'info'>;
  /** REPORT_CHANNEL_ID: a channel in the operator's server. */
  channelId?: string | undefined;
  /** REPORT_WEBHOOK_URL, used when no channel is set. A secret: never logged. */
  webhookUrl?: string | undefined;
  fetch?: typeof fetch;
  /** How long the webhook may take before the report is kept undelivered. */
  timeoutMs?: number;
}

/**
 * Sends each new report to where the operator wants them: their channel (through the bot's own
 * REST client, so it is rate limited with the rest) or their webhook. Reports always reach the
 * store first; this answers false on any failure and never throws, so a member's report is never
 * lost to a delivery problem. Written in English: it is for the operator.
 */
export function createReportDelivery(
  deps: ReportDeliveryDeps,
): (report: FactReport) => Promise<boolean> {
  const strings = stringsFor('en-GB');
  const labels = new Map(reportTargets(deps.data, strings).map((t) => [t.id, t.label]));
  const doFetch = deps.fetch ?? fetch;
  return async (report) => {
    const body = renderOperatorReport(
      report,
      labels.get(report.recordId) ?? report.recordId,
      strings,
    );
    try {
      if (deps.channelId) {
        await deps.rest.post(Routes.channelMessages(deps.channelId), { body });
        return true;
      }
      if (deps.webhookUrl) {
        const response = await doFetch(deps.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(deps.timeoutMs ?? 1500),
        });
        if (!response.ok) {
          deps.log.warn(
            { reportId: report.id, status: response.status },
            'report webhook refused the report',
          );
          return false;
        }
        return true;
      }
      return false;
    } catch (error) {
      // The error names the route, not the webhook's secret URL: discord.js errors carry the
      // path; fetch errors are logged by message only.
      deps.log.warn(
        { reportId: report.id, err: error instanceof Error ? error.message : String(error) },
        'could not deliver a fact report; it stays listed in /reports',
      );
      return false;
    }
  };
}
