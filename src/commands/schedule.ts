import { stringsFor } from '../i18n/index.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { suggestTimeZones } from '../schedule/timezones.js';
import { answerSkip, answerSuggestions, answerTestPost } from './schedule-admin.js';
import { answerPause, answerResume, answerSet, answerSetup } from './schedule-changes.js';
import { checkAdminAccess } from './schedule-checks.js';
import { scheduleData } from './schedule-definition.js';
import { askToTurnOff, answerTurnOff } from './schedule-off.js';
import { answerPreview, answerStatus } from './schedule-show.js';
import { StoreUnavailable, takeNotice, type ScheduleHandlers } from './schedule-store.js';
import { routeSubcommand } from './subcommands.js';
import { defineCommand } from './types.js';

/** One handler per subcommand: a subcommand added to the definition without one fails to compile. */
const HANDLERS = {
  setup: answerSetup,
  set: answerSet,
  status: answerStatus,
  preview: answerPreview,
  pause: answerPause,
  resume: answerResume,
  off: askToTurnOff,
  // Suggestions and admin tools (issue 13), in schedule-admin.ts.
  suggestions: answerSuggestions,
  test: answerTestPost,
  skip: answerSkip,
} satisfies ScheduleHandlers;

export const schedule = defineCommand({
  ephemeral: true,
  data: scheduleData,

  async respond(input, ctx) {
    const strings = stringsFor(input.locale);
    const access = checkAdminAccess(input, ctx, strings.schedule);
    if (access.kind === 'refused') return ephemeral({ content: access.content });
    const { guildId, deps } = access;
    let reply: ReplyBody;
    try {
      const scope = { guildId, deps, data: ctx.data, now: ctx.now(), strings };
      reply = await routeSubcommand(HANDLERS, input, scope);
    } catch (error) {
      if (!(error instanceof StoreUnavailable)) throw error;
      return ephemeral({ content: strings.storage.unavailable });
    }
    // Told once, with whatever the admin asked for: their settings were set aside at a start.
    if (!(await takeNotice(deps, guildId))) return reply;
    const content = [strings.storage.setAside, reply.content].filter(Boolean).join('\n\n');
    return { ...reply, content };
  },

  autocomplete(input, ctx) {
    if (input.focused.name !== 'timezone') return [];
    return suggestTimeZones(input.focused.value.slice(0, 64), ctx.now());
  },

  button: answerTurnOff,
});
