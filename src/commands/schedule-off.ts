import { ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { stringsFor } from '../i18n/index.js';
import { discordTimestamp } from '../render/format.js';
import { ephemeral, type ReplyBody } from '../render/reply.js';
import { checkAdminAccess } from './schedule-checks.js';
import { loadSettings, StoreUnavailable, type ScheduleHandler } from './schedule-store.js';
import type { ButtonInput, CommandContext } from './types.js';

/*
 * `/schedule off` asks before it forgets the settings. The buttons carry everything the answer
 * needs in their custom_id, so they work after a restart and need no memory:
 * `schedule:off:<user>:<expires>:<activeSince>` (both instants in base 36 milliseconds) and
 * `schedule:keep:<user>`. A click is refused when it is not the asking admin's, when the prompt
 * has expired, or when the schedule was set up or resumed again since (its activeSince moved).
 */
const OFF_CONFIRM_MS = 5 * 60_000;

export const askToTurnOff: ScheduleHandler<'off'> = async (
  input,
  { guildId, deps, now, strings },
) => {
  const { offConfirm, notSetUp } = strings.schedule;
  const current = await loadSettings(deps, guildId);
  if (!current) return ephemeral({ content: notSetUp });
  const expires = now.getTime() + OFF_CONFIRM_MS;
  const active = Date.parse(current.activeSince);
  return ephemeral({
    content: offConfirm.question(discordTimestamp(expires / 1000, 'f')),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: offConfirm.confirm,
            custom_id: `schedule:off:${input.userId}:${expires.toString(36)}:${active.toString(36)}`,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: offConfirm.cancel,
            custom_id: `schedule:keep:${input.userId}`,
          },
        ],
      },
    ],
  });
};

/** The click on a `/schedule off` button: it replaces the question, buttons and all. */
export async function answerTurnOff(input: ButtonInput, ctx: CommandContext): Promise<ReplyBody> {
  const strings = stringsFor(input.locale);
  const { offConfirm, notSetUp, turnedOff } = strings.schedule;
  const access = checkAdminAccess(input, ctx, strings.schedule);
  if (access.kind === 'refused') return { content: access.content };
  const [action, userId, expires, active] = input.args;
  if (userId !== input.userId) return { content: offConfirm.notYours };
  if (action === 'keep') return { content: offConfirm.kept };
  const { deps, guildId } = access;
  let current;
  try {
    current = await loadSettings(deps, guildId);
  } catch (error) {
    if (!(error instanceof StoreUnavailable)) throw error;
    return { content: strings.storage.unavailable };
  }
  if (!current) return { content: notSetUp };
  const fresh =
    action === 'off' &&
    ctx.now().getTime() <= Number.parseInt(expires ?? '', 36) &&
    Date.parse(current.activeSince) === Number.parseInt(active ?? '', 36);
  if (!fresh) return { content: offConfirm.expired };
  try {
    await deps.store.settings.delete(guildId);
  } catch {
    return { content: strings.storage.notSaved };
  }
  return { content: turnedOff };
}
