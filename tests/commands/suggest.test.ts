import { ComponentType, PermissionFlagsBits } from 'discord-api-types/v10';
import { beforeEach, describe, expect, test } from 'vitest';
import { Cooldowns } from '../../src/commands/cooldowns.js';
import { schedule } from '../../src/commands/schedule.js';
import { suggest } from '../../src/commands/suggest.js';
import { SUGGESTION_LIMITS } from '../../src/suggest/submit.js';
import type { CommandContext, CommandInput, ScheduleContext } from '../../src/commands/types.js';
import { en } from '../../src/i18n/en.js';
import { isEphemeral, type ReplyBody } from '../../src/render/reply.js';
import { loadPrompts } from '../../src/schedule/prompts.js';
import { checkSuggestion } from '../../src/suggest/check.js';
import { input, testContext, testData } from '../helpers/context.js';
import { expectWithinDiscordLimits } from '../helpers/limits.js';
import { guildSettings } from '../helpers/settings.js';
import { testStore, type TestStore } from '../helpers/store.js';

const s = en.suggest;
const GUILD = '100000000000000001';
const MEMBER = '100000000000000003';
const ADMIN_A = '700000000000000001';
const ADMIN_B = '700000000000000002';
const ADMIN = PermissionFlagsBits.ManageGuild;
const QUESTION = 'Which guarantee in the agreements matters most to you?';
const prompts = loadPrompts(testData());

let view: TestStore;
let clock: { now: Date };
let ctx: CommandContext;

beforeEach(() => {
  clock = { now: new Date('2026-02-16T05:00:00.000Z') };
  view = testStore(clock);
  const scheduleCtx: ScheduleContext = {
    store: view.store,
    prompts,
    channels: { inspect: () => Promise.resolve({ kind: 'ok', name: 'general', missing: [] }) },
    cooldowns: new Cooldowns(),
  };
  ctx = testContext({ now: () => clock.now, schedule: scheduleCtx });
});

async function suggestAs(
  options: CommandInput['options'],
  overrides: Partial<CommandInput> = {},
): Promise<ReplyBody> {
  const reply = await suggest.respond(input(options, overrides), ctx);
  expect(isEphemeral(reply)).toBe(true);
  expectWithinDiscordLimits(reply);
  return reply;
}

async function click(customId: string, userId = ADMIN_A, permissions: bigint | null = ADMIN) {
  const [, ...args] = customId.split(':');
  const body = await suggest.button!(
    { ...input({}, { userId, memberPermissions: permissions }), args },
    ctx,
  );
  expectWithinDiscordLimits(body);
  return body;
}

function buttonIds(body: ReplyBody): string[] {
  return (body.components ?? []).flatMap((row) =>
    row.components.flatMap((c) =>
      c.type === ComponentType.Button && 'custom_id' in c ? [c.custom_id] : [],
    ),
  );
}

async function queue(options: CommandInput['options'] = {}): Promise<ReplyBody> {
  const reply = await schedule.respond(
    input(options, { subcommand: 'suggestions', memberPermissions: ADMIN, userId: ADMIN_A }),
    ctx,
  );
  expect(isEphemeral(reply)).toBe(true);
  expectWithinDiscordLimits(reply);
  return reply;
}

describe('checkSuggestion: hostile and odd text', () => {
  test.each([
    ['too short', 'Why?', null, 'too-short'],
    ['too long', 'x'.repeat(301), null, 'too-long'],
    ['@everyone', `${QUESTION} @everyone`, null, 'mention'],
    ['@here hidden by a zero-width space', `${QUESTION} @\u200bhere`, null, 'mention'],
    ['a user mention', `${QUESTION} <@123456789012345678>`, null, 'mention'],
    ['a role mention', `${QUESTION} <@&123456789012345678>`, null, 'mention'],
    ['a mention in an answer', QUESTION, 'Yes; <@!123456789012345678>', 'mention'],
    ['a link', `${QUESTION} https://example.com/x`, null, 'link'],
    ['an invite', `${QUESTION} discord.gg/abc`, null, 'link'],
    ['a bare domain', `${QUESTION} see evil.com now`, null, 'link'],
    ['one answer', QUESTION, 'Yes', 'answers-count'],
    [
      'eleven answers',
      QUESTION,
      Array.from({ length: 11 }, (_, i) => `A${i}`).join(';'),
      'answers-count',
    ],
    ['an answer too long', QUESTION, `Yes; ${'n'.repeat(56)}`, 'answer-too-long'],
    ['the same answer twice', QUESTION, 'Yes; yes', 'answers-duplicate'],
  ])('GIVEN %s WHEN checked THEN it is refused as %s', (_, question, answers, kind) => {
    const check = checkSuggestion(question, answers, { allowLinks: false });
    expect(check).toMatchObject({ kind: 'invalid', problem: { kind } });
  });

  test('GIVEN control, direction-override and zero-width characters and runs of spaces WHEN checked THEN they are cleaned out of what is stored', () => {
    const check = checkSuggestion(
      `  Which\u202e  guarantee\u0007 matters\u200b\n\nmost?  `,
      'Yes ;  No |Maybe',
      {
        allowLinks: false,
      },
    );
    expect(check).toEqual({
      kind: 'ok',
      question: 'Which guarantee matters most?',
      answers: ['Yes', 'No', 'Maybe'],
    });
  });

  test('GIVEN a link WHEN the server allows links THEN it passes; mentions still do not', () => {
    expect(
      checkSuggestion(`${QUESTION} https://example.com`, null, { allowLinks: true }).kind,
    ).toBe('ok');
    expect(checkSuggestion(`${QUESTION} @everyone`, null, { allowLinks: true }).kind).toBe(
      'invalid',
    );
  });

  test('GIVEN an abbreviation with dots (U.S., e.g.) WHEN checked THEN it is not taken for a link', () => {
    expect(
      checkSuggestion('Should the U.S. guarantee, e.g. by treaty, matter?', null, {
        allowLinks: false,
      }).kind,
    ).toBe('ok');
  });
});

describe('/suggest', () => {
  test('GIVEN a valid question with answers WHEN suggested THEN the member gets an ephemeral receipt with its id, and it waits in the queue', async () => {
    const reply = await suggestAs({ question: QUESTION, answers: 'Air defence; Money; Troops' });
    const open = await view.store.suggestions.list(GUILD, 'open', 0, 10);
    expect(open.total).toBe(1);
    expect(open.items[0]).toMatchObject({
      authorId: MEMBER,
      answers: ['Air defence', 'Money', 'Troops'],
    });
    expect(reply.content).toBe(s.receipt(open.items[0]!.id));
    expect(reply.effects ?? []).toEqual([]);
  });

  test('GIVEN a hostile question WHEN suggested THEN the refusal says why, echoes nothing, and nothing is stored', async () => {
    const reply = await suggestAs({ question: `${QUESTION} @everyone` });
    expect(reply.content).toBe(s.mention);
    expect(await view.store.suggestions.countOpen(GUILD)).toBe(0);
  });

  test('GIVEN a member who suggested a moment ago WHEN they suggest again THEN they are told when they may; ten minutes later they may', async () => {
    await suggestAs({ question: QUESTION });
    const again = await suggestAs({ question: `${QUESTION} Second.` });
    const retry = Math.ceil((clock.now.getTime() + SUGGESTION_LIMITS.cooldownMs) / 1000);
    expect(again.content).toBe(s.cooldown(`<t:${retry}:R>`));
    clock.now = new Date(clock.now.getTime() + SUGGESTION_LIMITS.cooldownMs);
    expect((await suggestAs({ question: `${QUESTION} Second.` })).content).toMatch(/^Thank you!/);
  });

  test('GIVEN a member with three suggestions waiting WHEN they suggest a fourth, past the cooldown THEN the cap refuses it', async () => {
    for (let n = 0; n < SUGGESTION_LIMITS.maxOpen; n += 1) {
      await suggestAs({ question: `${QUESTION} ${n}` });
      clock.now = new Date(clock.now.getTime() + SUGGESTION_LIMITS.cooldownMs);
    }
    expect((await suggestAs({ question: `${QUESTION} more` })).content).toBe(
      s.cap(SUGGESTION_LIMITS.maxOpen),
    );
    expect(await view.store.suggestions.countOpen(GUILD)).toBe(3);
  });

  test('GIVEN a suggestions channel set WHEN a member suggests THEN the reply carries a post for that channel naming the author by a mention in an embed, with no pings', async () => {
    await view.store.settings.put(
      GUILD,
      guildSettings({ suggestionsChannelId: '800000000000000001' }),
      null,
    );
    const reply = await suggestAs({ question: `${QUESTION} **bold** _x_` });
    expect(reply.effects).toHaveLength(1);
    const effect = reply.effects![0]!;
    expect(effect).toMatchObject({ kind: 'post', channelId: '800000000000000001' });
    const embed = effect.body.embeds![0]!;
    expect(JSON.stringify(embed)).toContain(`<@${MEMBER}>`);
    expect(embed.fields![0]!.value).toContain('\\*\\*bold\\*\\*');
    expect(effect.body.content ?? '').not.toMatch(/<@/);
  });

  test('GIVEN a link WHEN the server allows links THEN it is taken; by default it is refused', async () => {
    expect((await suggestAs({ question: `${QUESTION} https://example.com` })).content).toBe(s.link);
    await view.store.settings.put(GUILD, guildSettings({ suggestionLinks: true }), null);
    expect((await suggestAs({ question: `${QUESTION} https://example.com` })).content).toMatch(
      /^Thank you!/,
    );
  });

  test('GIVEN no server WHEN suggested THEN it says suggestions belong to a server', async () => {
    expect((await suggestAs({ question: QUESTION }, { guildId: null })).content).toBe(s.notInGuild);
  });
});

describe('the queue: /schedule suggestions and its buttons', () => {
  async function oneOpen(question = QUESTION) {
    await suggestAs({ question });
    return (await view.store.suggestions.list(GUILD, 'open', 0, 1)).items[0]!;
  }

  test('GIVEN a suggestion waiting WHEN an admin opens the queue THEN it shows with Approve and Deny carrying its id and version', async () => {
    const waiting = await oneOpen();
    const page = await queue();
    expect(page.embeds![0]!.title).toBe(s.queueTitle(s.states.open, 1, 1));
    expect(buttonIds(page)).toEqual([
      `suggest:approve:${waiting.id}:1:open:0`,
      `suggest:deny:${waiting.id}:1:open:0`,
      'suggest:page:open:0',
      'suggest:page:open:1',
    ]);
  });

  test('GIVEN two admins clicking Approve and Deny at the same moment WHEN both settle THEN it is decided once, and the other admin is told it was decided already', async () => {
    const waiting = await oneOpen();
    const [a, b] = await Promise.all([
      click(`suggest:approve:${waiting.id}:1:open:0`, ADMIN_A),
      click(`suggest:reason:${waiting.id}:1:open:0`, ADMIN_B),
    ]);
    const stored = await view.store.suggestions.get(GUILD, waiting.id);
    expect(stored).toMatchObject({ state: 'approved', version: 2, decidedBy: ADMIN_A });
    expect(a.content).toContain(s.approved(waiting.id));
    expect(a.effects).toMatchObject([
      { kind: 'dm', userId: MEMBER, suggestion: { guildId: GUILD, id: waiting.id } },
    ]);
    expect(b.content).toContain(s.alreadyDecided(waiting.id, s.states.approved));
    expect(b.effects).toBeUndefined();
  });

  test('GIVEN the same Approve clicked twice (a restart in between changes nothing: the state is in the id) THEN the second is told it was decided already', async () => {
    const waiting = await oneOpen();
    await click(`suggest:approve:${waiting.id}:1:open:0`);
    const again = await click(`suggest:approve:${waiting.id}:1:open:0`);
    expect(again.content).toContain(s.alreadyDecided(waiting.id, s.states.approved));
  });

  test('GIVEN Deny clicked WHEN the modal comes back with a reason THEN it is denied with the reason, kept, and the DM tells the author why', async () => {
    const waiting = await oneOpen();
    const opened = await click(`suggest:deny:${waiting.id}:1:open:0`);
    expect(opened.modal?.custom_id).toBe(`suggest:reason:${waiting.id}:1:open:0`);
    expect(await view.store.suggestions.get(GUILD, waiting.id)).toMatchObject({ state: 'open' });
    const [, ...args] = opened.modal!.custom_id.split(':');
    const body = await suggest.modal!(
      {
        ...input(
          { reason: '  We had this last month.  ' },
          { userId: ADMIN_A, memberPermissions: ADMIN },
        ),
        args,
      },
      ctx,
    );
    expect(body.content).toContain(s.denied(waiting.id));
    expect(await view.store.suggestions.get(GUILD, waiting.id)).toMatchObject({
      state: 'denied',
      reason: 'We had this last month.',
    });
    expect(body.effects![0]!.body.content).toContain('Reason: We had this last month.');
    const denied = await queue({ show: 'denied' });
    expect(buttonIds(denied)[0]).toBe(`suggest:approve:${waiting.id}:2:denied:0`);
  });

  test('GIVEN a member without Manage Server WHEN they click Approve THEN it is refused and nothing changes', async () => {
    const waiting = await oneOpen();
    const body = await click(`suggest:approve:${waiting.id}:1:open:0`, MEMBER, 0n);
    expect(body.content).toBe(en.schedule.notAdmin);
    expect(await view.store.suggestions.get(GUILD, waiting.id)).toMatchObject({ state: 'open' });
  });

  test('GIVEN a schedule WHEN an admin sets the suggestions channel and allows links THEN both are saved and said', async () => {
    await view.store.settings.put(GUILD, guildSettings(), null);
    const reply = await queue({ channel: '800000000000000001', links: true });
    expect(reply.content).toBe(
      `${s.channelSet('<#800000000000000001>')}\n${s.linksOn}\n${s.queueEmpty(s.states.open)}`,
    );
    expect(await view.getGuild(GUILD)).toMatchObject({
      suggestionsChannelId: '800000000000000001',
      suggestionLinks: true,
    });
  });

  test('GIVEN two suggestions waiting WHEN status is asked THEN it shows the queue size', async () => {
    await view.store.settings.put(GUILD, guildSettings(), null);
    await oneOpen();
    await suggestAs({ question: `${QUESTION} 2` }, { userId: '100000000000000009' });
    const status = await schedule.respond(
      input({}, { subcommand: 'status', memberPermissions: ADMIN }),
      ctx,
    );
    const field = status.embeds![0]!.fields!.find(
      (f) => f.name === en.adminTools.statusSuggestions,
    );
    expect(field?.value).toBe('2');
  });
});
