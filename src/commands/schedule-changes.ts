import { languageOf } from '../i18n/index.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { renderPermissionList, renderScheduleStatus } from '../render/schedule-status.js';
import { echoUserText } from '../render/user-text.js';
import { applyResume, applySettingsChoices, applySetup } from '../schedule/settings-rules.js';
import {
  checkPostingTime,
  checkTimeZone,
  clockChangeAt,
  clockTime,
} from '../schedule/timezones.js';
import { suggestZonesFor } from '../schedule/zone-suggestions.js';
import type { GuildSettings } from '../store/domain.js';
import { ifSetUp } from '../store/update-settings.js';
import { checkPostingChannel } from './schedule-checks.js';
import {
  answerUnsaved,
  loadSettings,
  loadStatusFacts,
  saveSettings,
  type ScheduleHandler,
  type ScheduleScope,
} from './schedule-store.js';

/* The subcommands that change the settings: setup, set, pause and resume. */

/** A change saved: the words for it, and the status as it now stands. */
async function answerSaved(
  scope: ScheduleScope,
  settings: GuildSettings,
  content: string,
): Promise<ReplyBody> {
  const { deps, guildId, data, now, strings } = scope;
  const facts = await loadStatusFacts(deps, guildId, settings, data, now);
  return ephemeral({ content, embeds: [renderScheduleStatus(settings, facts, strings.schedule)] });
}

export const answerSetup: ScheduleHandler<'setup'> = async (input, scope) => {
  const { guildId, deps, now } = scope;
  const strings = scope.strings.schedule;
  const time = checkPostingTime(input.options.time);
  if (time.kind === 'invalid') {
    return ephemeral({ content: strings.badTime(echoUserText(input.options.time, 20)) });
  }
  const zoneText = input.options.timezone;
  const zone = checkTimeZone(zoneText);
  if (zone.kind === 'invalid') {
    const suggestions = suggestZonesFor(zoneText, zone.suggestions).map((z) => `\`${z}\``);
    return ephemeral({
      content: strings.badZone(echoUserText(zoneText, 40), suggestions.join(', ')),
    });
  }
  const change = clockChangeAt(zone.name, time.hour, time.minute, now);
  if (change) {
    const { start, end } = change;
    const at = clockTime(time.hour * 60 + time.minute);
    return ephemeral({
      content: strings.clockChange(
        zone.name,
        at,
        clockTime(start),
        clockTime(end),
        clockTime(end - 1),
      ),
    });
  }
  const channelId = input.options.channel;
  const check = await checkPostingChannel(deps, guildId, channelId);
  if (check.kind === 'gone') return ephemeral({ content: strings.channelGone });
  if (check.kind === 'blocked') {
    const missing = renderPermissionList(check.missing, strings);
    return ephemeral({ content: strings.missing(`<#${channelId}>`, missing) });
  }
  const setup = {
    channelId,
    hour: time.hour,
    minute: time.minute,
    timeZone: zone.name,
    // The server's preferred locale; null (English) where Discord gave none.
    language: input.guildLocale ? languageOf(input.guildLocale) : null,
  };
  const saved = await saveSettings(deps, guildId, (previous) => applySetup(previous, setup, now));
  if (saved.kind !== 'saved') return answerUnsaved(saved, scope.strings);
  const optional = check.optionalMissing;
  const content = [
    strings.saved,
    optional.length > 0 ? strings.missingOptional(renderPermissionList(optional, strings)) : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
  return answerSaved(scope, saved.settings, content);
};

export const answerSet: ScheduleHandler<'set'> = async (input, scope) => {
  const { guildId, deps, now } = scope;
  const change = ifSetUp((current) => applySettingsChoices(current, input.options, now));
  const saved = await saveSettings(deps, guildId, change);
  if (saved.kind !== 'saved') return answerUnsaved(saved, scope.strings);
  return answerSaved(scope, saved.settings, scope.strings.schedule.saved);
};

export const answerPause: ScheduleHandler<'pause'> = async (_input, { guildId, deps, strings }) => {
  const saved = await saveSettings(
    deps,
    guildId,
    ifSetUp((c) => ({ ...c, paused: true })),
  );
  if (saved.kind !== 'saved') return answerUnsaved(saved, strings);
  return ephemeral({ content: strings.schedule.paused_now });
};

export const answerResume: ScheduleHandler<'resume'> = async (_input, scope) => {
  const { guildId, deps, now } = scope;
  const strings = scope.strings.schedule;
  const current = await loadSettings(deps, guildId);
  if (!current) return ephemeral({ content: strings.notSetUp });
  const check = await checkPostingChannel(deps, guildId, current.channelId);
  if (check.kind === 'gone') return ephemeral({ content: strings.channelGone });
  if (check.kind === 'blocked') {
    return ephemeral({
      content: strings.stillBlocked(renderPermissionList(check.missing, strings)),
    });
  }
  const saved = await saveSettings(
    deps,
    guildId,
    ifSetUp((c) => applyResume(c, now)),
  );
  if (saved.kind !== 'saved') return answerUnsaved(saved, scope.strings);
  return answerSaved(scope, saved.settings, strings.resumed);
};
