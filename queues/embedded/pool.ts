// A pool of worker threads running the processor, off the main event loop. Each thread holds at most
// PIPELINE batches so it never idles waiting for the main thread, and the pool never holds more than the
// caller gives it. A thread that dies is replaced; the documents it held are rejected, not lost.
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../../src/core/document.ts';
import { moduleUrl } from '../module-url.ts';
import type { ProcessorRef, ProcessResult } from '../processor.ts';

export type ThreadRequest = { seq: number; items: { raw: RawDocument; input: string }[] };
export type ThreadReply = { ready: true; ruleset: string } | { seq: number; results: ProcessResult[] };

interface Task {
  raw: RawDocument;
  input: string;
  resolve(r: ProcessResult): void;
  reject(e: Error): void;
}
interface Slot {
  worker: Worker;
  ready: boolean;
  busy: Map<number, Task[]>;
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

export const defaultWorkers = (): number => cpus().length || 1;

export class ThreadPool {
  ruleset = '';
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private seq = 0;
  private closing = false;

  constructor(
    private readonly ref: ProcessorRef,
    readonly size: number = defaultWorkers(),
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a pool needs at least one thread, not ${size}`);
  }

  /** Starts the threads and resolves when they have all loaded the processor. */
  async start(): Promise<void> {
    const started = Array.from({ length: this.size }, () => this.spawn());
    await Promise.all(started);
  }

  run(raw: RawDocument, input: string): Promise<ProcessResult> {
    if (this.closing) return Promise.reject(new Error('pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ raw, input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }

  private spawn(): Promise<void> {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: ENTRY.href, ref: this.ref },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, ready: false, busy: new Map() };
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
