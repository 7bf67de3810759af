// What a worker thread is working on, in memory it shares with its pool: the batch and the place in it of the
// document it is on, and since when. The thread writes it before each document; the pool reads it on a timer and
// pre-empts a thread whose document has run past its deadline (pool.ts). A generation counter, bumped after each
// write, lets the pool skip a reading taken while the thread was writing.
const INTS = 4; // generation, batch seq (0: idle), index in the batch, unused
const BYTES = INTS * 4 + 8; // + the start time as a float64

export class Watch {
  private readonly ints: Int32Array;
  private readonly started: Float64Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(BYTES)) {
    this.ints = new Int32Array(buffer, 0, INTS);
    this.started = new Float64Array(buffer, INTS * 4, 1);
  }

  starting(seq: number, index: number): void {
    this.started[0] = Date.now();
    Atomics.store(this.ints, 1, seq);
    Atomics.store(this.ints, 2, index);
    Atomics.add(this.ints, 0, 1);
  }

  idle(): void {
    Atomics.store(this.ints, 1, 0);
    Atomics.add(this.ints, 0, 1);
  }

  /** The document the thread is on (its batch seq and index), or null when idle or when the reading raced a write. */
  current(): { seq: number; index: number } | null {
    const gen = Atomics.load(this.ints, 0);
    const seq = Atomics.load(this.ints, 1);
    const index = Atomics.load(this.ints, 2);
    if (seq === 0 || Atomics.load(this.ints, 0) !== gen) return null;
    return { seq, index };
  }

  /** The document that has been running for more than `ms`, as its batch seq and index, or null. */
  overdue(ms: number, now = Date.now()): { seq: number; index: number } | null {
    const gen = Atomics.load(this.ints, 0);
    const seq = Atomics.load(this.ints, 1);
    const index = Atomics.load(this.ints, 2);
    const started = this.started[0]!;
    if (seq === 0 || Atomics.load(this.ints, 0) !== gen) return null;
    return now - started > ms ? { seq, index } : null;
  }
}
