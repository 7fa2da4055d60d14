import { readFileSync } from 'node:fs';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type {
  EmulatorHandle,
  InteractionPayload,
  OptionValue,
  RecordedRequest,
} from '../emulator/index.js';
import type { E2eStore } from './backend.js';
import { startBot, tempStoreDir, type BotProcess } from './bot-process.js';
import type { WireEmbed } from './wire.js';

/** Wake the runner every second, so a test waits seconds for a post, not minutes. */
export const EVERY_SECOND = '*/1 * * * * *';

/**
 * 09:00 in Europe/Kyiv (UTC+2 in winter) on 16 February 2027: the third anniversary of the
 * agreements with Germany and France, both signed on 16 February 2024, and a Tuesday (the digest
 * and weekly prompts default to Mondays, so only what a test turns on is due).
 */
export const ANNIVERSARY_DUE = '2027-02-16T07:00:00.000Z';
export const ANNIVERSARY_KEY = 'anniversary:2027-02-16';

/** The instant `ms` after (or before, if negative) an ISO instant, as ISO. */
export function shifted(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** A Discord timestamp's seconds, as `/schedule status` shows them. */
export function unixSeconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

/**
 * A /schedule interaction from the guild's owner, who holds the Admin role (Manage Server): the
 * member permissions on the payload are what the bot checks on its side.
 */
export function adminSchedule(
  handle: EmulatorHandle,
  subcommand: string,
  options: Record<string, OptionValue> = {},
  guildIndex = 0,
): InteractionPayload {
  const guild = handle.guild(guildIndex);
  return handle.interactions.slash({
    name: 'schedule',
    subcommand,
    options,
    guildId: guild.id,
    userId: guild.ownerId,
  });
}

/** `/schedule setup channel:<id> time:09:00 timezone:Europe/Kyiv` as Discord sends it. */
export function setupOptions(channelId: string): Record<string, OptionValue> {
  return {
    channel: { type: ApplicationCommandOptionType.Channel, value: channelId },
    time: '09:00',
    timezone: 'Europe/Kyiv',
  };
}

/** Every create-message request to a channel, in order, answered or still in flight. */
export function postsTo(handle: EmulatorHandle, channelId: string): RecordedRequest[] {
  const path = `/channels/${channelId}/messages`;
  return handle.requests.filter((r) => r.method === 'POST' && r.path === path);
}

/** The store file as the bot left it; JSON.parse throws if it is not valid JSON. */
export interface StoreFileView {
  version: number;
  guilds: Record<
    string,
    {
      channelId: string;
      hour: number;
      minute: number;
      timeZone: string;
      prompts: string;
      blocked: { reason: string; code: number | null; since: string } | null;
    }
  >;
  /** The post ledger: every post claimed before it is sent, then settled. */
  ledger: {
    guildId: string;
    kind: string;
    key: string;
    state: 'claimed' | 'posted' | 'skipped' | 'failed';
    owner: string | null;
    attempts: number;
    messageId: string | null;
    at: string;
  }[];
  /** Members' prompt suggestions (issue 13); absent in files from before them. */
  suggestions?: { id: string; authorId: string; state: 'open' | 'approved' | 'denied' }[];
}

export function readStoreFile(path: string): StoreFileView {
  return JSON.parse(readFileSync(path, 'utf8')) as StoreFileView;
}

/** All the text of an embed, for assertions that do not care which field a line is in. */
export function embedText(embed: WireEmbed | undefined): string {
  if (!embed) return '';
  return [
    embed.title,
    embed.description,
    ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
    embed.footer?.text,
  ]
    .filter((part): part is string => typeof part === 'string')
    .join('\n');
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Bot processes that share one store, as one bot across restarts: `start(clock)` starts the
 * next one with its clock at `clock`, waking every second; `stopAll()` ends every one started.
 * `store` picks the backend (tests/e2e/bot/backend.ts); without it, the JSON file.
 */
export function botsOnOneStore(emulator: () => EmulatorHandle, store: E2eStore | null = null) {
  const storeDir = tempStoreDir();
  const started: BotProcess[] = [];
  return {
    storeDir,
    started,
    start: async (clock: string): Promise<BotProcess> => {
      const bot = await startBot({
        apiUrl: emulator().restUrl,
        storeDir,
        env: {
          ...(await store?.env()),
          BOT_CLOCK_START: clock,
          SCHEDULE_CRON: EVERY_SECOND,
        },
      });
      started.push(bot);
      return bot;
    },
    stopAll: async (killAfterMs?: number): Promise<void> => {
      await Promise.all(started.map((bot) => bot.stop(killAfterMs)));
    },
  };
}
