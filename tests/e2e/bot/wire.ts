import type { EmulatorHandle, InteractionPayload, RecordedCallback } from '../emulator/index.js';
import { CallbackType } from '../emulator/index.js';

/** The fields of a message callback's `data` that the tests read, as discord.js puts them on the wire. */
export interface WireMessage {
  content?: string;
  embeds?: WireEmbed[];
  components?: WireRow[];
  flags?: number;
  allowed_mentions?: {
    parse?: string[];
    users?: string[];
    roles?: string[];
    replied_user?: boolean;
  };
}

export interface WireEmbed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
}

export interface WireRow {
  type: number;
  components: { type: number; custom_id?: string; disabled?: boolean; label?: string }[];
}

export interface WireChoice {
  name: string;
  value: string | number;
}

export const EPHEMERAL = 1 << 6;

export function messageOf(callback: RecordedCallback): WireMessage {
  return callback.data ?? {};
}

export function choicesOf(callback: RecordedCallback): WireChoice[] {
  return ((callback.data ?? {}) as { choices?: WireChoice[] }).choices ?? [];
}

/**
 * Whether Discord could ping anyone for this body. Without `allowed_mentions` Discord parses every
 * mention in the content, so only an explicit empty `parse` with no listed users or roles is safe.
 */
export function canPing(message: WireMessage): boolean {
  const allowed = message.allowed_mentions;
  if (!allowed) return true;
  return (
    (allowed.parse?.length ?? 0) > 0 ||
    (allowed.users?.length ?? 0) > 0 ||
    (allowed.roles?.length ?? 0) > 0
  );
}

/** Every custom_id of the buttons and selects in a message. */
export function customIds(message: { components?: unknown[] }): string[] {
  return ((message.components ?? []) as WireRow[]).flatMap((row) =>
    row.components.flatMap((component) => (component.custom_id ? [component.custom_id] : [])),
  );
}

/**
 * The answer the user finally sees: the callback's message (type 4), or, when the bot deferred
 * (type 5), the `@original` edit that followed, read from the emulator's stored message.
 */
export async function finalAnswer(
  handle: EmulatorHandle,
  callback: RecordedCallback,
  timeoutMs = 15_000,
): Promise<WireMessage> {
  if (callback.type !== CallbackType.DeferredChannelMessage) return messageOf(callback);
  const edited = await handle.waitFor(
    () => {
      const original = handle.interactionMessages(callback.interactionId).original;
      return original?.editedAt !== null ? original : null;
    },
    timeoutMs,
    `the edit of deferred interaction ${callback.interactionId}`,
  );
  return {
    content: edited.content,
    embeds: edited.embeds as WireEmbed[],
    components: edited.components as WireRow[],
    flags: edited.flags,
    allowed_mentions: edited.allowedMentions ?? undefined,
  };
}

/** Dispatches an interaction and resolves with the bot's first callback to it. */
export async function roundTrip(
  handle: EmulatorHandle,
  payload: InteractionPayload,
  timeoutMs = 5_000,
): Promise<RecordedCallback> {
  const { id } = handle.dispatchInteraction(payload);
  return handle.waitForCallback(id, timeoutMs);
}

/** Every callback recorded for one interaction: a correct bot makes exactly one. */
export function callbacksFor(handle: EmulatorHandle, interactionId: string): RecordedCallback[] {
  return handle.callbacks.filter((callback) => callback.interactionId === interactionId);
}
