import type { APIEmbed } from 'discord-api-types/v10';
import type { ChannelPermission } from '../commands/types.js';
import { blockedReason, languageOf, type Strings } from '../i18n/index.js';
import type { GuildSettings, PostKind } from '../store/domain.js';
import type { LedgerEntry } from '../store/ports.js';
import { COLOURS } from './agreement.js';
import { fitEmbed, truncate } from './fit.js';
import { discordTimestamp } from './format.js';

type ScheduleStrings = Strings['schedule'];

/** What `/schedule status` shows beside the settings: when each kind is next, and the last post. */
export interface StatusFacts {
  /** The next time of each kind as if running (so an admin sees what resuming would bring). */
  readonly next: Partial<Record<PostKind, Date>>;
  /** The newest post that is not a claim still in flight. */
  readonly last: LedgerEntry | undefined;
}

/** "**Send Messages**, **Embed Links**": permissions as the admin sees them named. */
export function renderPermissionList(
  list: readonly ChannelPermission[],
  strings: ScheduleStrings,
): string {
  return list.map((permission) => `**${strings.permissionNames[permission]}**`).join(', ');
}

/** The reason in the reader's language where the code is a known one; as recorded otherwise. */
function renderBlockedReason(
  blocked: NonNullable<GuildSettings['blocked']>,
  strings: ScheduleStrings,
): string {
  return blockedReason(blocked.code, strings) ?? blocked.reason ?? String(blocked.code);
}

function renderState(settings: GuildSettings, strings: ScheduleStrings): string {
  if (settings.blocked) {
    return strings.blocked(
      renderBlockedReason(settings.blocked, strings),
      discordTimestamp(Date.parse(settings.blocked.since) / 1000, 'R'),
    );
  }
  return settings.paused ? strings.paused : strings.running;
}

function renderLastPost(last: LedgerEntry | undefined, strings: ScheduleStrings): string {
  if (!last) return strings.lastNone;
  const line = strings.lastValue(
    strings.kinds[last.kind],
    discordTimestamp(last.at.getTime() / 1000, 'R'),
    strings.statusWords[last.state === 'claimed' ? 'posted' : last.state],
  );
  // A skipped or failed post is a problem the admin should see the reason for.
  return last.state !== 'posted' && last.reason ? `${line} (${truncate(last.reason, 300)})` : line;
}

/** The status embed: where and when, each kind's next post, the language, ping, last post, state. */
export function renderScheduleStatus(
  settings: GuildSettings,
  facts: StatusFacts,
  strings: ScheduleStrings,
): APIEmbed {
  const time = `${String(settings.hour).padStart(2, '0')}:${String(settings.minute).padStart(2, '0')}`;
  const kindLine = (kind: PostKind, enabled: boolean, detail: string) => {
    if (!enabled) return `**${strings.kinds[kind]}**: ${strings.off}`;
    const at = facts.next[kind];
    const when = at ? strings.next(discordTimestamp(at.getTime() / 1000, 'R')) : strings.noneSoon;
    return `**${strings.kinds[kind]}**${detail ? ` (${detail})` : ''}: ${when}`;
  };
  const weekday = strings.weekdayNames[settings.digest.weekday - 1] ?? '';
  const changesSince = settings.changes
    ? strings.changesSince(discordTimestamp(Date.parse(settings.changes.since) / 1000, 'D'))
    : '';
  return fitEmbed({
    title: strings.statusTitle,
    color: settings.blocked ? COLOURS.alert : COLOURS.official,
    fields: [
      {
        name: strings.where,
        value: strings.whereValue(`<#${settings.channelId}>`, time, settings.timeZone),
      },
      {
        name: strings.statusTitle,
        value: [
          kindLine('anniversary', settings.anniversaries, ''),
          kindLine('digest', settings.digest.enabled, strings.digestOn(weekday)),
          kindLine('prompt', settings.prompts !== 'off', strings.cadence[settings.prompts]),
          kindLine('change', Boolean(settings.changes), changesSince),
        ].join('\n'),
      },
      {
        name: strings.language,
        value: strings.languageNames[languageOf(settings.language)],
        inline: true,
      },
      {
        name: strings.ping,
        value: settings.pingRoleId ? `<@&${settings.pingRoleId}>` : strings.pingNone,
        inline: true,
      },
      { name: strings.last, value: renderLastPost(facts.last, strings), inline: true },
      { name: strings.state, value: renderState(settings, strings) },
    ],
  });
}
