// The store sink on a thread of its own (src/store/thread.ts): what extract does with a SQLite store, off the main
// thread. The main thread keeps no batch: admit() asks the thread which documents are done already, and each record
// goes to the thread as the JSON made of it for the output, with its document, in small messages, in order; the thread
// batches them into transactions as StoreSink does, in a heap whose generations are bounded (#10).
// Nothing is counted stored that the thread has not committed: flush() and close() resolve once it has. A thread
// that dies (out of memory, a bug) fails the calls waiting on it and every later one with one line: never a hang.
import { Worker } from 'node:worker_threads';
import { moduleUrl } from '../../queues/module-url.ts';
import { LIMITS } from '../config.ts';
import type { DeadLetter, IncidentRecord } from '../core/contract/record.ts';
import type { Incident } from '../incidents/incident.ts';
import { OpenError } from '../store/open.ts';
import type { NewDocument } from '../store/store.ts';
import type { Put, StoreOp, StoreReply, StoreRequest, StoreThreadData } from '../store/thread.ts';
import { admitHashes, type RunSink } from './store.ts';

const ENTRY = moduleUrl('../store/thread.ts', import.meta.url);
// from the sources the thread registers tsx first (as the extraction threads do); compiled, it runs the JavaScript
const BOOTSTRAP = ENTRY.pathname.endsWith('.ts') ? new URL('../../queues/embedded/bootstrap.mjs', import.meta.url) : ENTRY;
// Records and dead letters per message, and messages the thread may have unanswered before write() waits: a message
// is a few microseconds, and what waits in the thread's queue is bounded (a transaction's worth).
const CHUNK = 32;
const IN_FLIGHT = 8;
// ... and characters (texts, JSON) sent and not yet answered, past which write() waits: long documents, fewer in flight
const IN_FLIGHT_CHARS = 16 * 2 ** 20;
// The thread's young generation and old generation. A batch's documents, records and articles live until its commit
// (BATCH.storeWrite, 250 stream documents; the isolate allocates ~11 KB a document, ~2.7 MB a batch). At 4 MB (V8
// rounds a semi-space up to a power of two: 2 MB) they outlived two scavenges and were promoted, to die in the old
// generation; at 16 MB (semi-spaces of 8 MB, as at 24, grown by V8 as it sees objects survive) most of a batch dies
// young (asked of V8 with %InYoungGeneration: 98 % of a batch's objects still young after its commit). Extract with the
// store on 25,094 stream documents, the thread's isolate: 175 → 46 scavenges, 11 → 5 mark-compacts, 72 → 29 MB
// promoted, its collector's work on V8's helper threads ~570 → ~210 ms. (Callgrind shows no change in the thread's
// collections: slowed ~50 times, it likely allocates too slowly there for V8 to grow its semi-spaces.) V8's default
// would let it reach 48 MB. The old generation: at or under 256 MB V8 lets it grow to 1.3 times what survived its last
// full collection, where the main thread's, unbounded, grew to 47 MB with the store on it (12 MB without). The bound
// holds a transaction (BATCH.storeWriteChars), the messages in flight (IN_FLIGHT_CHARS) and a few copies of the longest
// text (--max-bytes) as it is packed and written.
const YOUNG_GENERATION_MB = 16;
const OLD_GENERATION_MIN_MB = 256;
const OLD_GENERATION_BASE_MB = 192;
const OLD_GENERATION_PER_TEXT_MB = 8;
/** The thread's old generation bound for texts of up to `maxChars` characters. */
const storeHeapMb = (maxChars: number = LIMITS.maxTextChars): number =>
  Math.max(OLD_GENERATION_MIN_MB, Math.ceil(OLD_GENERATION_BASE_MB + (OLD_GENERATION_PER_TEXT_MB * maxChars) / 2 ** 20));

/** The store thread stopped or failed a write: one line, the run's exit status is a failure. */
export class StoreThreadError extends Error {
  readonly exitStatus = 1;
}

interface Waiter {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

export class ThreadStoreSink implements RunSink {
  private seq = 0;
  private readonly waiting = new Map<number, Waiter>();
  private puts: { answered: Promise<unknown>; chars: number }[] = [];
  private chunk: Put[] = [];
  private chunkChars = 0;
  private inFlightChars = 0;
  /** Documents admitted, until their record or dead letter goes to the thread with them. */
  private pending = new Map<string, { doc: NewDocument; hash?: string }>();
  private failure: Error | null = null;
  private closed = false;

  private constructor(
    private readonly worker: Worker,
    private readonly force: boolean,
    readonly description: string,
    readonly runId: number,
  ) {
    worker.on('message', (msg: StoreReply) => {
      if ('ready' in msg) return;
      const w = this.waiting.get(msg.seq);
      this.waiting.delete(msg.seq);
      if (!this.waiting.size) worker.unref();
      if ('error' in msg) {
        const err = new StoreThreadError(msg.error.message);
        this.failure ??= err;
        w?.reject(err);
      } else w?.resolve(msg.value);
    });
    const died = (err: Error) => this.fail(err);
    worker.on('error', died);
    worker.on('exit', (code) => {
      if (!this.closed) died(new Error(`it exited with code ${code}`));
    });
    // only a thread with a question outstanding keeps the process alive: a run that fails before close() still exits
    worker.unref();
  }

  /** Starts the thread and opens the store in it; an OpenError there is an OpenError here (one line, its exit status). */
  static open(data: StoreThreadData, maxChars?: number): Promise<ThreadStoreSink> {
    const worker = new Worker(BOOTSTRAP, {
      workerData: { entry: ENTRY.href, ...data },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: storeHeapMb(maxChars) },
    });
    return new Promise((resolve, reject) => {
      const early = (err: Error) => reject(new StoreThreadError(`the store thread stopped: ${err.message}`));
      worker.once('error', early);
      worker.on('message', function first(msg: StoreReply) {
        worker.off('message', first);
        worker.off('error', early);
        if ('ready' in msg) return resolve(new ThreadStoreSink(worker, !!data.force, msg.description, msg.runId));
        void worker.terminate();
        if ('error' in msg) reject(msg.error.name === 'OpenError' ? new OpenError(msg.error.message) : new StoreThreadError(msg.error.message));
      });
    });
  }

  /** As StoreSink.admit: one question to the thread (none with --force); the documents wait here for their records. */
  async admit(docs: readonly NewDocument[], known: readonly string[] = []): Promise<(IncidentRecord | null)[]> {
    const hashes = admitHashes(docs, known, this.force);
    let done = new Map<string, IncidentRecord>();
    if (!this.force && docs.length) {
      this.send();
      done = (await this.ask({ op: 'done', keys: docs.map((d, i) => ({ id: d.id, contentHash: hashes[i]! })) })) as Map<string, IncidentRecord>;
    }
    return docs.map((doc, i) => {
      const record = done.get(doc.id);
      if (record) return record;
      this.pending.set(doc.id, hashes[i] ? { doc, hash: hashes[i] } : { doc });
      return null;
    });
  }

  async write(r: IncidentRecord, json = JSON.stringify(r)): Promise<void> {
    const p = this.pending.get(r.id);
    this.pending.delete(r.id);
    await this.put(p ? { json, ...p } : { json }, json.length + (p?.doc.text.length ?? 0));
  }

  async deadLetter(d: DeadLetter): Promise<void> {
    if (d.id) this.pending.delete(d.id);
    await this.put(d, d.message.length);
  }

  /** Resolves once the thread has committed everything sent so far. */
  async flush(): Promise<void> {
    this.send();
    await this.ask({ op: 'flush' });
  }

  /** The store's incidents after what was sent so far (committed first), a page of them at a time. */
  async *incidents(): AsyncIterable<Incident> {
    this.send();
    for (let first = true; ; first = false) {
      const page = (await this.ask({ op: 'incidents', first })) as Incident[];
      if (!page.length) return;
      yield* page;
    }
  }

  /** Writes what is left, closes the run with its counts, closes the store; the thread then ends. */
  async close(counts: object = {}): Promise<void> {
    this.send();
    try {
      await this.ask({ op: 'close', counts });
      this.closed = true;
    } finally {
      await this.worker.terminate();
    }
  }

  private async put(item: Put, chars: number): Promise<void> {
    if (this.failure) throw this.failure;
    this.chunk.push(item);
    this.chunkChars += chars;
    if (this.chunk.length >= CHUNK || this.chunkChars >= IN_FLIGHT_CHARS / 4) this.send();
    // past the bounds, the oldest message answered before going on: the thread's queue stays short
    while (this.puts.length > IN_FLIGHT || (this.puts.length && this.inFlightChars > IN_FLIGHT_CHARS)) {
      const oldest = this.puts.shift()!;
      await oldest.answered;
      this.inFlightChars -= oldest.chars;
    }
  }

  /** Sends the records and dead letters gathered so far, before any other request: the thread sees them in order. */
  private send(): void {
    if (!this.chunk.length) return;
    const answered = this.ask({ op: 'put', items: this.chunk });
    answered.catch(() => {}); // the failure is kept and thrown by the next call
    this.puts.push({ answered, chars: this.chunkChars });
    this.inFlightChars += this.chunkChars;
    this.chunk = [];
    this.chunkChars = 0;
  }

  private ask(msg: StoreOp): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      if (!this.waiting.size) this.worker.ref();
      this.waiting.set(seq, { resolve, reject });
      this.worker.postMessage({ ...msg, seq } satisfies StoreRequest);
    });
  }

  private fail(err: Error): void {
    if (this.failure && !this.waiting.size) return;
    const reason = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : err.message;
    this.failure ??= new StoreThreadError(`the store thread stopped: ${reason}; what it had committed is kept`);
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
    this.worker.unref();
  }
}
