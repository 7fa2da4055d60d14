import type {
  EmulatorHandle,
  InteractionPayload,
  RecordedCallback,
} from '../../tests/e2e/emulator/index.js';

/**
 * Hands each new callback to whoever waits for its interaction. `handle.waitForCallback` scans
 * every callback so far on every emulator change, which grows with the run and would slow the
 * later measurements; this reads each callback once.
 */
export class CallbackWatcher {
  readonly #handle: EmulatorHandle;
  readonly #waiting = new Map<
    string,
    { resolve: (callback: RecordedCallback) => void; reject: (error: Error) => void }
  >();
  #cursor: number;
  #armed = false;
  #failure: Error | null = null;

  constructor(handle: EmulatorHandle) {
    this.#handle = handle;
    this.#cursor = handle.callbacks.length;
  }

  /** Resolves with the first callback for the interaction recorded after this watcher began. */
  next(interactionId: string): Promise<RecordedCallback> {
    if (this.#failure) return Promise.reject(this.#failure);
    const callback = new Promise<RecordedCallback>((resolve, reject) => {
      this.#waiting.set(interactionId, { resolve, reject });
    });
    this.#arm();
    return callback;
  }

  #arm(): void {
    if (this.#armed) return;
    this.#armed = true;
    const callbacks = this.#handle.callbacks;
    this.#handle
      .waitFor(() => callbacks.length > this.#cursor || null, 10_000, 'a callback')
      .then(
        () => {
          this.#armed = false;
          this.#drain();
          if (this.#waiting.size > 0) this.#arm();
        },
        (error: unknown) => {
          const failure = error instanceof Error ? error : new Error(String(error));
          this.#failure = failure;
          for (const { reject } of this.#waiting.values()) reject(failure);
          this.#waiting.clear();
        },
      );
  }

  #drain(): void {
    const callbacks = this.#handle.callbacks;
    for (; this.#cursor < callbacks.length; this.#cursor += 1) {
      const callback = callbacks[this.#cursor]!;
      const waiter = this.#waiting.get(callback.interactionId);
      if (!waiter) continue;
      this.#waiting.delete(callback.interactionId);
      waiter.resolve(callback);
    }
  }
}

export interface DriveResult {
  /** Dispatch-to-callback times as the emulator measured them, ms, in dispatch order. */
  latencies: number[];
  /** Callbacks that Discord would have refused (late, duplicate, invalid body). */
  failures: RecordedCallback[];
  wallMs: number;
}

/**
 * Sends `total` interactions, keeping `concurrency` in flight: each callback releases the next.
 * Payloads are built before their dispatch, so building them is not timed.
 */
export async function drive(
  handle: EmulatorHandle,
  make: (index: number) => InteractionPayload,
  total: number,
  concurrency: number,
  check: (callback: RecordedCallback) => boolean = () => true,
): Promise<DriveResult> {
  const watcher = new CallbackWatcher(handle);
  const latencies = new Array<number>(total);
  const failures: RecordedCallback[] = [];
  const started = performance.now();
  let next = 0;
  let done = 0;

  await new Promise<void>((resolve, reject) => {
    const launch = (): void => {
      const index = next;
      next += 1;
      const payload = make(index);
      const { id } = handle.dispatchInteraction(payload);
      watcher.next(id).then((callback) => {
        latencies[index] = callback.elapsedMs;
        if (callback.status >= 300 || !check(callback)) failures.push(callback);
        done += 1;
        if (next < total) launch();
        else if (done === total) resolve();
      }, reject);
    };
    for (let i = 0; i < Math.min(concurrency, total); i += 1) launch();
  });
  return { latencies, failures, wallMs: performance.now() - started };
}
