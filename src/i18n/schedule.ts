/** The strings of /schedule and /discuss, in English; uk below has the same shape. */
export const scheduleEn = {
  notInGuild: 'Schedules belong to a server: run this in one.',
  notAdmin: 'Only members with the **Manage Server** permission can change this server’s schedule.',
  notServed: 'Schedules are not available on this instance of the bot.',
  badTime: (input: string) => `“${input}” is not a time I can read. Use 24-hour time, e.g. \`09:00\` or \`18:30\`.`,
  smallHours:
    'Please pick a time from 04:00 on: clocks change between midnight and 04:00 in most zones, and a post there could be skipped or doubled.',
  badZone: (input: string, suggestions: string) =>
    `“${input}” is not a time zone I know. Pick one from the list as you type${suggestions ? `, e.g. ${suggestions}` : ''}.`,
  channelGone: 'I can’t find that channel. Pick a text channel I can see.',
  missing: (channel: string, permissions: string) =>
    `I can’t post in ${channel} yet. Give me these permissions there, then run the setup again: ${permissions}.`,
  missingOptional: (permissions: string) =>
    `Posts will go out, but without threads or polls until I also have: ${permissions}.`,
  permissionNames: {
    ViewChannel: 'View Channel',
    SendMessages: 'Send Messages',
    EmbedLinks: 'Embed Links',
    CreatePublicThreads: 'Create Public Threads',
    SendMessagesInThreads: 'Send Messages in Threads',
    SendPolls: 'Create Polls',
  },
  saved: 'Schedule saved.',
  notSetUp: 'This server has no schedule yet. Start with `/schedule setup`.',
  statusTitle: 'Scheduled posts',
  where: 'Where and when',
  whereValue: (channel: string, time: string, zone: string) => `${channel} at **${time}** (${zone})`,
  kinds: { anniversary: 'Anniversaries', digest: 'Weekly digest', prompt: 'Discussion prompts' },
  off: 'off',
  next: (when: string) => `next ${when}`,
  noneSoon: 'nothing in the next two weeks',
  weekdayNames: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  digestOn: (weekday: string) => `on ${weekday}s`,
  cadence: { daily: 'daily', weekly: 'weekly, with the digest', off: 'off' },
  ping: 'Ping',
  pingNone: 'nobody',
  last: 'Last post',
  lastValue: (kind: string, when: string, status: string) => `${kind}, ${when}: ${status}`,
  lastNone: 'none yet',
  statusWords: { posted: 'posted', skipped: 'skipped', failed: 'failed' },
  state: 'State',
  running: '✅ running',
  paused: '⏸️ paused: `/schedule resume` to restart',
  blocked: (reason: string, since: string) =>
    `⛔ stopped ${since}: ${reason}. Fix it, then run \`/schedule resume\`.`,
  paused_now: 'Paused. Nothing will be posted until `/schedule resume`.',
  resumed: 'Resumed. Posts due from now on will go out; what came due while paused is not posted.',
  stillBlocked: (permissions: string) => `Still can’t post there: I need ${permissions}.`,
  turnedOff: 'Scheduled posts are off for this server, and its settings are forgotten.',
  previewNone: 'Nothing of that kind is scheduled in the next two weeks. Check `/schedule status`.',
  previewNote: (when: string) => `This would be posted ${when}:`,
  discussCooldown: (when: string) => `A discussion was started here a moment ago. Try again ${when}.`,
} as const;

type Widen<T> = T extends string
  ? string
  : T extends readonly string[]
    ? readonly string[]
    : T extends (...args: infer A) => infer R
      ? (...args: A) => Widen<R>
      : { readonly [K in keyof T]: Widen<T[K]> };
export type ScheduleStrings = Widen<typeof scheduleEn>;

export const scheduleUk = {
  notInGuild: 'Розклади належать серверам: запустіть це на сервері.',
  notAdmin: 'Лише учасники з дозволом **Керувати сервером** можуть змінювати розклад цього сервера.',
  notServed: 'На цьому екземплярі бота розклади недоступні.',
  badTime: (input: string) =>
    `«${input}» не схоже на час. Використовуйте 24-годинний формат, напр. \`09:00\` чи \`18:30\`.`,
  smallHours:
    'Виберіть час від 04:00: у більшості поясів годинники переводять між північчю й 04:00, і допис у цей час може пропасти або повторитися.',
  badZone: (input: string, suggestions: string) =>
    `«${input}» не схоже на часовий пояс. Виберіть зі списку під час введення${suggestions ? `, напр. ${suggestions}` : ''}.`,
  channelGone: 'Не можу знайти цей канал. Виберіть текстовий канал, який я бачу.',
  missing: (channel: string, permissions: string) =>
    `Я ще не можу дописувати в ${channel}. Надайте мені там ці дозволи й запустіть налаштування знову: ${permissions}.`,
  missingOptional: (permissions: string) =>
    `Дописи виходитимуть, але без гілок чи опитувань, доки я не матиму також: ${permissions}.`,
  permissionNames: {
    ViewChannel: 'Переглядати канал',
    SendMessages: 'Надсилати повідомлення',
    EmbedLinks: 'Вбудовувати посилання',
    CreatePublicThreads: 'Створювати публічні гілки',
    SendMessagesInThreads: 'Надсилати повідомлення в гілках',
    SendPolls: 'Створювати опитування',
  },
  saved: 'Розклад збережено.',
  notSetUp: 'Цей сервер ще не має розкладу. Почніть із `/schedule setup`.',
  statusTitle: 'Заплановані дописи',
  where: 'Де й коли',
  whereValue: (channel: string, time: string, zone: string) => `${channel} о **${time}** (${zone})`,
  kinds: { anniversary: 'Річниці', digest: 'Щотижневий огляд', prompt: 'Питання для обговорення' },
  off: 'вимкнено',
  next: (when: string) => `наступний ${when}`,
  noneSoon: 'нічого в найближчі два тижні',
  weekdayNames: ['понеділок', 'вівторок', 'середа', 'четвер', 'пʼятниця', 'субота', 'неділя'],
  digestOn: (weekday: string) => `день: ${weekday}`,
  cadence: { daily: 'щодня', weekly: 'щотижня, з оглядом', off: 'вимкнено' },
  ping: 'Згадка',
  pingNone: 'нікого',
  last: 'Останній допис',
  lastValue: (kind: string, when: string, status: string) => `${kind}, ${when}: ${status}`,
  lastNone: 'ще не було',
  statusWords: { posted: 'опубліковано', skipped: 'пропущено', failed: 'не вдалося' },
  state: 'Стан',
  running: '✅ працює',
  paused: '⏸️ на паузі: `/schedule resume`, щоб продовжити',
  blocked: (reason: string, since: string) =>
    `⛔ зупинено ${since}: ${reason}. Виправте це й запустіть \`/schedule resume\`.`,
  paused_now: 'На паузі. Нічого не буде опубліковано до `/schedule resume`.',
  resumed: 'Продовжено. Дописи, що настануть відтепер, вийдуть; те, що припало на паузу, не публікуватиметься.',
  stillBlocked: (permissions: string) => `Досі не можу туди дописувати: потрібні ${permissions}.`,
  turnedOff: 'Заплановані дописи для цього сервера вимкнено, налаштування забуто.',
  previewNone: 'Нічого такого не заплановано на найближчі два тижні. Перегляньте `/schedule status`.',
  previewNote: (when: string) => `Ось що буде опубліковано ${when}:`,
  discussCooldown: (when: string) => `Обговорення тут щойно почали. Спробуйте ще раз ${when}.`,
} as const satisfies ScheduleStrings;

export function scheduleStringsFor(locale: string): ScheduleStrings {
  return locale === 'uk' || locale.startsWith('uk-') ? scheduleUk : scheduleEn;
}
