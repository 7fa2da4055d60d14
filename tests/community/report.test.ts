import { describe, expect, test } from 'vitest';
import { report } from '../../src/commands/report.js';
import { REPORT_LIMITS } from '../../src/community/report-text.js';
import { reports } from '../../src/commands/reports.js';
import type { CommunityContext } from '../../src/commands/types.js';
import { renderOperatorReport } from '../../src/render/report.js';
import { isEphemeral } from '../../src/render/reply.js';
import { stringsFor } from '../../src/i18n/index.js';
import { openMemoryStore } from '../../src/store/memory.js';
import type { FactReport } from '../../src/store/reports.js';
import { input, testContext } from '../helpers/context.js';

const OWNER = '100000000000000099';

function community(deliver: (r: FactReport) => Promise<boolean> = () => Promise.resolve(true)) {
  const store = openMemoryStore();
  const delivered: FactReport[] = [];
  let n = 0;
  const ctx: CommunityContext = {
    store,
    deliverReport: async (r) => {
      delivered.push(r);
      return deliver(r);
    },
    ownerId: OWNER,
    newReportId: () => `R${String((n += 1)).padStart(4, '0')}`,
  };
  return { store, delivered, ctx: testContext({ community: ctx }) };
}

const text = (body: { content?: string }) => body.content ?? '';
const ask = (options: Record<string, string>, overrides = {}) =>
  input(
    { record: 'de', field: 'signed', what: 'The date should be 16 February', ...options },
    overrides,
  );

describe('/report', () => {
  test('GIVEN a valid report THEN it is stored open, delivered, and the member gets its id in an ephemeral receipt', async () => {
    const { store, delivered, ctx } = community();
    const body = await report.respond(ask({ source: 'https://example.org/a' }), ctx);
    expect(isEphemeral(body)).toBe(true);
    expect(text(body)).toContain('R0001');
    const stored = await store.reports.get('R0001');
    expect(stored).toMatchObject({
      recordId: 'de',
      field: 'signed',
      delivered: true,
      sourceUrl: 'https://example.org/a',
    });
    expect(delivered.map((r) => r.id)).toEqual(['R0001']);
  });

  test('GIVEN delivery fails THEN the report is kept undelivered and the receipt says it will be seen in the list', async () => {
    const { store, ctx } = community(() => Promise.resolve(false));
    const body = await report.respond(ask({}), ctx);
    expect(text(body)).toContain('could not be passed on');
    expect(await store.reports.get('R0001')).toMatchObject({ delivered: false, state: 'open' });
  });

  test('GIVEN a member over the hourly limit THEN the next report is refused with when to retry, and nothing is stored', async () => {
    const { store, ctx } = community();
    for (let i = 0; i < REPORT_LIMITS.perMember.max; i += 1) await report.respond(ask({}), ctx);
    const body = await report.respond(ask({}), ctx);
    expect(text(body)).toMatch(/next one <t:\d+:R>/);
    expect(await store.reports.listOpen(100)).toHaveLength(REPORT_LIMITS.perMember.max);
  });

  test('GIVEN a server over its daily limit THEN another member is refused too', async () => {
    const { ctx } = community();
    for (let i = 0; i < REPORT_LIMITS.perGuild.max; i += 1) {
      await report.respond(
        ask({}, { userId: `2000000000000000${String(i).padStart(2, '0')}` }),
        ctx,
      );
    }
    const body = await report.respond(ask({}, { userId: '300000000000000001' }), ctx);
    expect(text(body)).toContain('This server has sent many reports');
  });

  test.each([
    [{ record: 'Atlantis' }, 'I don’t know a record'],
    [{ field: 'colour' }, 'is not a field'],
    [{ what: '  ​ ' }, 'at least 5 characters'],
    [{ source: 'javascript:alert(1)' }, 'web address'],
  ])(
    'GIVEN bad input %o THEN an ephemeral error that says what to do, and nothing stored',
    async (options, message) => {
      const { store, delivered, ctx } = community();
      const body = await report.respond(ask(options), ctx);
      expect(isEphemeral(body)).toBe(true);
      expect(text(body)).toContain(message);
      expect(await store.reports.listOpen(10)).toEqual([]);
      expect(delivered).toEqual([]);
    },
  );

  test('GIVEN hostile text (mentions, markdown, invisible characters) THEN it is stored as plain text and the operator copy cannot ping or break layout', async () => {
    const { store, ctx } = community();
    await report.respond(
      ask({
        what: '@everyone <@123456789012345678> **bold** \u202Ereversed\u200B [x](https://evil.example)',
      }),
      ctx,
    );
    const stored = (await store.reports.get('R0001'))!;
    expect(stored.text).not.toMatch(/[\u202E\u200B]/);
    const message = renderOperatorReport(stored, 'Germany', stringsFor('en'));
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const description = message.embeds[0]!.description!;
    expect(description).not.toContain('<@1');
    expect(description).toContain('\\@everyone');
    expect(description).toContain('\\*\\*bold\\*\\*');
  });

  test('GIVEN autocomplete THEN records match what was typed, and fields are those of the chosen record', () => {
    const { ctx } = community();
    const records = report.autocomplete!(
      { ...ask({}), focused: { name: 'record', value: 'germ' } },
      ctx,
    );
    expect(records.map((c) => c.value)).toContain('de');
    const fields = report.autocomplete!(
      { ...ask({ record: 'de' }), focused: { name: 'field', value: '' } },
      ctx,
    );
    expect(fields.map((c) => c.value)).toEqual(
      expect.arrayContaining(['signed', 'place', 'commitments.1', 'other']),
    );
    expect(fields.length).toBeLessThanOrEqual(25);
  });
});

describe('/reports (operator)', () => {
  test('GIVEN a member who is not the operator THEN refused, nothing shown', async () => {
    const { ctx } = community();
    await report.respond(ask({}), ctx);
    const body = await reports.respond(input({}, { subcommand: 'list' }), ctx);
    expect(text(body)).toContain('Only the bot’s operator');
    expect(body.embeds).toBeUndefined();
  });

  test('GIVEN open reports THEN the operator lists them, closes one with a note, and a second close says it was closed', async () => {
    const { store, ctx } = community();
    await report.respond(ask({}), ctx);
    const list = await reports.respond(input({}, { subcommand: 'list', userId: OWNER }), ctx);
    expect(list.embeds?.[0]?.description).toContain('R0001');
    const closed = await reports.respond(
      input({ id: 'R0001', note: 'Fixed' }, { subcommand: 'close', userId: OWNER }),
      ctx,
    );
    expect(text(closed)).toContain('closed with your note');
    expect(await store.reports.get('R0001')).toMatchObject({ state: 'closed', closeNote: 'Fixed' });
    const again = await reports.respond(
      input({ id: 'R0001', note: 'x' }, { subcommand: 'close', userId: OWNER }),
      ctx,
    );
    expect(text(again)).toContain('closed already');
    const empty = await reports.respond(input({}, { subcommand: 'list', userId: OWNER }), ctx);
    expect(text(empty)).toBe('No open reports.');
  });
});
