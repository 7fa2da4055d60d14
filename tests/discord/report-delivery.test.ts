import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { createReportDelivery } from '../../src/discord/report-delivery.js';
import { createLogger } from '../../src/log.js';
import type { FactReport } from '../../src/store/reports.js';
import { apiError, fakeRest } from './fake-rest.js';

const data = loadData();
const OPERATOR_CHANNEL = '600000000000000001';
/** Obviously fake: the shape of a Discord webhook URL, with a token nobody issued. */
const WEBHOOK =
  'https://discord.invalid/api/webhooks/600000000000000002/fake-webhook-token-not-real';

const REPORT: FactReport = {
  id: 'R0123456789',
  guildId: '700000000000000001',
  reporterId: '700000000000000002',
  recordId: 'de',
  field: 'signed',
  text: 'The date is wrong @everyone <@700000000000000003>',
  sourceUrl: 'https://example.org/source',
  createdAt: new Date('2026-12-01T10:00:00Z'),
  state: 'open',
  delivered: false,
  closedAt: null,
  closeNote: null,
};

/** The bot's own logger, writing its JSON lines here. */
function recordingLog() {
  const raw: string[] = [];
  const log = createLogger('info', { write: (line: string) => void raw.push(line) });
  return {
    log,
    get lines() {
      return raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}

interface SentBody {
  content: string;
  embeds: { title?: string; description?: string; fields?: { value: string }[] }[];
  allowed_mentions?: unknown;
}

/** A delivery to the operator's channel (REPORT_CHANNEL_ID) through the fake REST. */
function channelDelivery(
  fake: ReturnType<typeof fakeRest>,
  logged: ReturnType<typeof recordingLog>,
) {
  return createReportDelivery({
    rest: fake.rest,
    data,
    log: logged.log,
    channelId: OPERATOR_CHANNEL,
  });
}

describe('createReportDelivery', () => {
  test('GIVEN REPORT_CHANNEL_ID WHEN a report is delivered THEN one post reaches that channel, naming the record and the member by id, pinging nobody', async () => {
    const fake = fakeRest().answers('POST', `/channels/${OPERATOR_CHANNEL}/messages`, { id: '1' });
    const logged = recordingLog();
    const deliver = channelDelivery(fake, logged);

    expect(await deliver(REPORT)).toBe(true);
    expect(fake.calls).toHaveLength(1);
    const body = fake.calls[0]!.body as SentBody;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toContain('**R0123456789**');
    const fields = body.embeds[0]!.fields!.map((f) => f.value).join('\n');
    // Markdown-escaped, as all of the member's and the record's text is.
    expect(fields).toMatch(/Germany.*\\?\(de\\?\)/);
    expect(fields).toContain('user 700000000000000002 · server 700000000000000001');
    expect(logged.lines).toEqual([]);
  });

  test('GIVEN the operator’s channel refuses (403/50013) WHEN delivered THEN false, logged, nothing thrown', async () => {
    const fake = fakeRest().fails(
      'POST',
      `/channels/${OPERATOR_CHANNEL}/messages`,
      apiError(50013, 403, 'Missing Permissions'),
    );
    const logged = recordingLog();
    const deliver = channelDelivery(fake, logged);
    expect(await deliver(REPORT)).toBe(false);
    expect(logged.lines).toEqual([
      expect.objectContaining({ level: 40, reportId: 'R0123456789', err: 'Missing Permissions' }),
    ]);
  });

  test('GIVEN only REPORT_WEBHOOK_URL WHEN delivered THEN it is POSTed there as JSON, and the bot’s REST is not used', async () => {
    const fake = fakeRest();
    const requests: { url: string; init: RequestInit }[] = [];
    const fetchFake = ((url: string, init: RequestInit) => {
      requests.push({ url, init });
      return Promise.resolve(new Response(null, { status: 204 }));
    }) as typeof fetch;
    const deliver = createReportDelivery({
      rest: fake.rest,
      data,
      log: recordingLog().log,
      webhookUrl: WEBHOOK,
      fetch: fetchFake,
    });
    expect(await deliver(REPORT)).toBe(true);
    expect(fake.calls).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe(WEBHOOK);
    expect(requests[0]!.init.method).toBe('POST');
    const body = JSON.parse(requests[0]!.init.body as string) as SentBody;
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toContain('R0123456789');
  });

  test.each([
    ['the webhook answers 404', () => Promise.resolve(new Response('{}', { status: 404 }))],
    [
      'the webhook never answers in time',
      (_: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal!.addEventListener('abort', () =>
            reject(new Error('The operation was aborted')),
          ),
        ),
    ],
  ])(
    'GIVEN %s WHEN delivered THEN false, and the log never holds the webhook’s URL',
    async (_, answer) => {
      const logged = recordingLog();
      const deliver = createReportDelivery({
        rest: fakeRest().rest,
        data,
        log: logged.log,
        webhookUrl: WEBHOOK,
        fetch: answer as typeof fetch,
        timeoutMs: 50,
      });
      expect(await deliver(REPORT)).toBe(false);
      expect(logged.lines).toHaveLength(1);
      expect(JSON.stringify(logged.lines)).not.toContain('fake-webhook-token-not-real');
    },
  );

  test('GIVEN neither a channel nor a webhook WHEN delivered THEN false, and nothing is sent', async () => {
    const fake = fakeRest();
    const deliver = createReportDelivery({ rest: fake.rest, data, log: recordingLog().log });
    expect(await deliver(REPORT)).toBe(false);
    expect(fake.calls).toEqual([]);
  });
});
