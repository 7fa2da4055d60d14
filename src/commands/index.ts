import { localizeCommand, ukCommands } from '../i18n/commands.js';
import { about } from './about.js';
import { agreement } from './agreement.js';
import { agreements } from './agreements.js';
import { changes } from './changes.js';
import { compare } from './compare.js';
import { discuss } from './discuss.js';
import { follow, unfollow } from './follow.js';
import { guarantees } from './guarantees.js';
import { map } from './map.js';
import { quote } from './quote.js';
import { report } from './report.js';
import { reports } from './reports.js';
import { schedule } from './schedule.js';
import { searchCommand } from './search.js';
import { suggest } from './suggest.js';
import { timeline } from './timeline.js';
import type { SlashCommand } from './types.js';

/** Every command, listed by hand: the runtime, the deploy script and the preview all use this. */
export const commands: readonly SlashCommand[] = [
  agreement,
  agreements,
  timeline,
  guarantees,
  changes,
  map,
  quote,
  searchCommand,
  compare,
  discuss,
  schedule,
  about,
  // Community (issue 13): fact reports, the operator's list, follows.
  report,
  reports,
  follow,
  unfollow,
  // Suggestions (issue 13).
  suggest,
].map((command) => ({
  ...command,
  data: localizeCommand(command.data, ukCommands[command.data.name]),
}));

export function findCommand(name: string): SlashCommand | undefined {
  return commands.find((command) => command.data.name === name);
}
