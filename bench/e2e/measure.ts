import type { EmulatorHandle, RecordedCallback } from '../../tests/e2e/emulator/index.js';
import { CallbackType } from '../../tests/e2e/emulator/index.js';
import { loadData } from '../../src/data/load.js';
import { drive } from './driver.js';
import type { DriveResult } from './driver.js';
import { readCpuMs, readRssBytes } from '../lib/proc.js';

export type Workload = 'agreement' | 'autocomplete';

export interface Phase {
  id: string;
  workload: Workload;
  concurrency: number;
}

/** The measured phases, each run for both subjects. */
export const PHASES: readonly Phase[] = [
  { id: 'agreement@1', workload: 'agreement', concurrency: 1 },
  { id: 'agreement@10', workload: 'agreement', concurrency: 10 },
  { id: 'autocomplete@1', workload: 'autocomplete', concurrency: 1 },
  { id: 'autocomplete@10', workload: 'autocomplete', concurrency: 10 },
];

/** What users send: partner ids as autocomplete hands them over, and what they type on the way. */
const PARTNERS = loadData().agreements.map((agreement) => agreement.id);
const TYPED = ['', 'g', 'ge', 'fra', 'uni', 'po', 'e', 'нім', 'uk', 'den', 'ital', 'jap'];

export function payloadFor(handle: EmulatorHandle, workload: Workload, index: number) {
  if (workload === 'agreement') {
    return handle.interactions.slash({
      name: 'agreement',
      options: { partner: PARTNERS[index % PARTNERS.length]! },
    });
  }
  return handle.interactions.autocomplete({
    name: 'agreement',
    focused: 'partner',
    options: { partner: TYPED[index % TYPED.length]! },
  });
}

/** A callback counts only if it is the answer the workload expects (an embed, or choices). */
export function expectedAnswer(workload: Workload) {
  return (callback: RecordedCallback): boolean => {
    if (workload === 'autocomplete') return callback.type === CallbackType.AutocompleteResult;
    const data = callback.data as { embeds?: unknown[]; flags?: number } | null;
    return (
      callback.type === CallbackType.ChannelMessage &&
      (data?.embeds?.length ?? 0) > 0 &&
      ((data?.flags ?? 0) & 64) === 0
    );
  };
}

export interface ChunkResult extends DriveResult {
  cpuMs: number;
  /** RSS after the chunk, bytes. */
  rssBytes: number;
}

/** Runs `count` interactions of one phase against one subject, with its CPU and RSS around them. */
export async function runChunk(
  handle: EmulatorHandle,
  pid: number,
  phase: Phase,
  firstIndex: number,
  count: number,
): Promise<ChunkResult> {
  const cpuBefore = readCpuMs(pid);
  const result = await drive(
    handle,
    (index) => payloadFor(handle, phase.workload, firstIndex + index),
    count,
    phase.concurrency,
    expectedAnswer(phase.workload),
  );
  return { ...result, cpuMs: readCpuMs(pid) - cpuBefore, rssBytes: readRssBytes(pid) };
}
