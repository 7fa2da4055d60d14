/**
 * Reads V8's `--trace-gc` lines (one per collection, on stdout), which say how often a process
 * collected garbage, how long it paused, and how much heap was live after a full collection: the
 * figure that tells a leak or a bigger working set from heap V8 merely keeps around.
 */

export interface GcStats {
  scavenges: number;
  markCompacts: number;
  /** Main-thread pause time of all collections, ms. */
  pauseMs: number;
  /** The longest single pause, ms. */
  maxPauseMs: number;
  /** Heap in use after each full (mark-compact) collection, MB, in order. */
  liveAfterFullGcMB: number[];
}

const LINE =
  /(Scavenge|Mark-Compact|Mark-Sweep)\D*[\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+) \/ [\d.]+ ms/;

export function readGcTrace(lines: readonly string[]): GcStats {
  const stats: GcStats = {
    scavenges: 0,
    markCompacts: 0,
    pauseMs: 0,
    maxPauseMs: 0,
    liveAfterFullGcMB: [],
  };
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, kind, after, pause] = match;
    const pauseMs = Number(pause);
    stats.pauseMs += pauseMs;
    stats.maxPauseMs = Math.max(stats.maxPauseMs, pauseMs);
    if (kind === 'Scavenge') stats.scavenges += 1;
    else {
      stats.markCompacts += 1;
      stats.liveAfterFullGcMB.push(Number(after));
    }
  }
  return stats;
}
