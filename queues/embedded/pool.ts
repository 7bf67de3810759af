// A pool of worker threads running the processor, off the main event loop. Each thread holds at most
// PIPELINE batches so it never idles waiting for the main thread, and the pool never holds more than the
// caller gives it. A thread that dies is replaced; the documents it held are rejected, not lost.
// A document that holds its thread past the processor's deadline (ProcessorRef.deadlineMs, plus a grace that
// lets the processor's own check between rules answer first) is pre-empted: the thread is terminated, the
// document becomes a `timeout` dead letter, the other documents the thread held go back to the queue, and a fresh
// thread takes its place. One long-running rule can then no longer stall a worker (#12).
// Each thread's old generation is bounded when the processor says how much a document may need (ProcessorRef.heapMb):
// V8 otherwise lets an idle-looking heap grow to several times what it holds, so a long stream's RSS grew with its
// length (#10). A thread that runs out (ERR_WORKER_OUT_OF_MEMORY) is handled like a pre-empted one: the document it
// was on becomes a `too-large` dead letter, the others it held go back to the queue, a fresh thread takes its place.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { prepare, type RawDocument } from '../../src/core/document.ts';
import { type DeadLetter, deadLetter } from '../dead-letters.ts';
import { moduleUrl } from '../module-url.ts';
import type { ProcessorRef, ProcessResult } from '../processor.ts';
import { Watch } from './watch.ts';

export type ThreadRequest = { seq: number; items: { raw: RawDocument; input: string }[] };
export type ThreadReply = { ready: true; ruleset: string } | { seq: number; results: ProcessResult[] };

interface Task {
  raw: RawDocument;
  input: string;
  resolve(r: ProcessResult): void;
  reject(e: Error): void;
}
type Place = { seq: number; index: number };
interface Slot {
  worker: Worker;
  ready: boolean;
  busy: Map<number, Task[]>;
  watch: Watch;
  /** Set when the watchdog terminated the thread: the document that ran past the deadline. */
  overdue?: Place;
}

const BATCH = 4;
const PIPELINE = 2;
// Each thread's young generation (two semi-spaces and the new large objects): V8's default lets it reach 48 MB per
// thread, which a document's short-lived garbage never needs; 12 MB took ~55 MB off a two-thread run's peak RSS at
// the same CPU time (npm run bench stream). The old generation is not limited: a 5 MB document may need it.
const YOUNG_GENERATION_MB = 12;
const ENTRY = moduleUrl('./thread.ts', import.meta.url);
// From the sources a thread must register tsx before it can import TypeScript; compiled, it runs the JavaScript directly.
const BOOTSTRAP = ENTRY.pathname.endsWith('.ts') ? new URL('./bootstrap.mjs', import.meta.url) : ENTRY;

// The cores this process may run on (its CPU affinity: under `taskset -c 0` one, where os.cpus() lists them all).
export const defaultWorkers = (): number => availableParallelism() || 1;

/**
 * How long a document may hold a thread before it is stopped (0: never): its deadline and a grace past it, which lets
 * the processor's own check between rules answer first.
 */
export const hardDeadlineMs = (deadlineMs = 0): number => (deadlineMs > 0 ? deadlineMs + 1000 + deadlineMs / 10 : 0);

/** A document the pool dropped because it was closed with the document still queued (an interrupted run). */
export class PoolClosedError extends Error {
  constructor() {
    super('pool closed');
  }
}

export class ThreadPool {
  ruleset = '';
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private seq = 0;
  private closing = false;
  private watchdog: NodeJS.Timeout | undefined;
  private readonly hardMs: number;

  constructor(
    private readonly ref: ProcessorRef,
    readonly size: number = defaultWorkers(),
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a pool needs at least one thread, not ${size}`);
    this.hardMs = hardDeadlineMs(ref.deadlineMs);
  }

  /** Starts the threads and resolves when they have all loaded the processor. */
  async start(): Promise<void> {
    const started = Array.from({ length: this.size }, () => this.spawn());
    await Promise.all(started);
    if (this.hardMs) this.watchdog = setInterval(() => this.preempt(), Math.min(1000, Math.max(50, this.hardMs / 20))).unref();
  }

  run(raw: RawDocument, input: string): Promise<ProcessResult> {
    if (this.closing) return Promise.reject(new PoolClosedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ raw, input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.watchdog);
    for (const t of this.queue.splice(0)) t.reject(new PoolClosedError());
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }

  private spawn(): Promise<void> {
    const watch = new Watch();
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: ENTRY.href, ref: this.ref, watch: watch.buffer },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(this.ref.heapMb ? { maxOldGenerationSizeMb: this.ref.heapMb } : {}) },
    });
    const slot: Slot = { worker, ready: false, busy: new Map(), watch };
    this.slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (msg: ThreadReply) => {
        if ('ready' in msg) {
          slot.ready = true;
          this.ruleset = msg.ruleset;
          resolve();
          this.dispatch();
          return;
        }
        const tasks = slot.busy.get(msg.seq) ?? [];
        slot.busy.delete(msg.seq);
        tasks.forEach((t, i) => t.resolve(msg.results[i]!));
        this.dispatch();
      });
      let gone = false;
      const died = (err: Error) => {
        if (gone) return;
        gone = true;
        this.slots = this.slots.filter((s) => s !== slot);
        if (slot.overdue) this.timedOut(slot, slot.overdue);
        else if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') this.outOfMemory(slot);
        for (const tasks of slot.busy.values()) for (const t of tasks) t.reject(err);
        slot.busy.clear();
        if (!slot.ready) return reject(err);
        if (!this.closing) this.spawn().catch((e: Error) => this.failAll(e));
      };
      worker.on('error', died);
      worker.on('exit', (code) => {
        if (!this.closing) died(new Error(`worker thread exited with code ${code}`));
      });
    });
  }

  /** Terminates each thread whose current document has run past the deadline and its grace. */
  private preempt(): void {
    for (const slot of this.slots) {
      if (slot.overdue || !slot.busy.size) continue;
      const overdue = slot.watch.overdue(this.hardMs);
      if (!overdue || !slot.busy.has(overdue.seq)) continue;
      slot.overdue = overdue;
      void slot.worker.terminate();
    }
  }

  /** The thread of this slot was pre-empted: its overdue document is a timeout, the rest it held go back to the queue. */
  private timedOut(slot: Slot, overdue: Place): void {
    const message = `extraction took longer than ${this.ref.deadlineMs} ms; its worker thread was stopped after ${Math.round(this.hardMs)} ms and replaced`;
    this.stopped(slot, overdue, (t) => deadLetter(prepare(t.raw).id, t.input, 'extract', 'timeout', message));
  }

  /**
   * The thread of this slot ran out of its heap bound: the document it was on is too large for it, the rest it held
   * go back to the queue. Out of memory between documents (no document on the thread) names none: the documents it
   * held are then rejected, as for any thread that dies.
   */
  private outOfMemory(slot: Slot): void {
    const on = slot.watch.current();
    if (!on || !slot.busy.get(on.seq)?.[on.index]) return;
    const message =
      `extraction needed more memory than a worker thread's bound of ${this.ref.heapMb} MB (sized from --max-bytes); ` +
      'its worker thread was stopped and replaced';
    this.stopped(slot, on, (t) => deadLetter(prepare(t.raw).id, t.input, 'extract', 'too-large', message));
  }

  /** A thread was stopped on the document at `culprit`: that one becomes a dead letter, the others go back to the queue first. */
  private stopped(slot: Slot, culprit: Place, dead: (t: Task) => DeadLetter): void {
    const again: Task[] = [];
    for (const [seq, tasks] of [...slot.busy].sort((a, b) => a[0] - b[0])) {
      tasks.forEach((t, i) => {
        if (seq !== culprit.seq || i !== culprit.index) return again.push(t);
        t.resolve({ ok: false, deadLetter: dead(t) });
      });
    }
    slot.busy.clear();
    this.queue.unshift(...again);
  }

  private failAll(err: Error): void {
    for (const t of this.queue.splice(0)) t.reject(err);
  }

  // Round-robin, one batch per thread per pass, so a short queue is spread over every thread.
  private dispatch(): void {
    let gave = true;
    while (gave && this.queue.length) {
      gave = false;
      const free = this.slots.filter((s) => s.ready && s.busy.size < PIPELINE);
      const size = Math.min(BATCH, Math.ceil(this.queue.length / Math.max(free.length, 1)));
      for (const slot of free) {
        const tasks = this.queue.splice(0, size);
        if (!tasks.length) break;
        const seq = ++this.seq;
        slot.busy.set(seq, tasks);
        slot.worker.postMessage({ seq, items: tasks.map(({ raw, input }) => ({ raw, input })) } satisfies ThreadRequest);
        gave = true;
      }
    }
  }
}
