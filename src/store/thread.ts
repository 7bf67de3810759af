// The store's own thread (src/sinks/store-thread.ts starts it): a StoreSink on a SQLite store, fed by messages in
// the order the main thread sent them. Its allocations (each batch until its commit, the incidents' caches, the
// driver's buffers) live in this thread's heap, whose generations are bounded, not in the main thread's, whose
// young generation V8 lets grow to 32 MB and whose old generation may grow to four times what it holds (#10).
import { parentPort, workerData } from 'node:worker_threads';
import type { DeadLetter } from '../core/contract/record.ts';
import type { Incident } from '../incidents/incident.ts';
import { createLogger } from '../log.ts';
import { StoreSink } from '../sinks/store.ts';
import { nameThisThread } from '../thread-name.ts';
import type { NewDocument } from './store.ts';

export interface StoreThreadData {
  spec: string;
  mustExist?: boolean;
  force?: boolean;
  command: string;
  ruleset: string;
}

/**
 * A record as the JSON the main thread made of it (a string crosses threads as one copy), with its document and the
 * document's hash when admit() saw it; a dead letter as it is.
 */
export type Put = { json: string; doc?: NewDocument; hash?: string } | DeadLetter;

export type StoreOp =
  | { op: 'done'; keys: { id: string; contentHash: string }[] }
  | { op: 'put'; items: Put[] }
  | { op: 'flush' }
  /** The next page of the store's incidents (`first`: from the start, after a flush): [] once they are all sent. */
  | { op: 'incidents'; first: boolean }
  | { op: 'close'; counts: object };
export type StoreRequest = StoreOp & { seq: number };

export type StoreReply =
  | { ready: true; description: string; runId: number }
  | { seq: number; value?: unknown }
  | { seq: number; error: { name: string; message: string } };

const port = parentPort!;
nameThisThread('ie-store');
const data = workerData as StoreThreadData;
const failed = (seq: number, err: unknown): StoreReply => {
  const e = err as Error;
  return { seq, error: { name: e?.constructor?.name ?? 'Error', message: e?.message ?? String(err) } };
};

// the incidents go over a page at a time, so that a large store's are never all in one heap at once
const INCIDENT_PAGE = 256;
let listing: AsyncIterator<Incident> | null = null;

async function handle(sink: StoreSink, msg: StoreRequest): Promise<unknown> {
  switch (msg.op) {
    case 'done':
      return sink.done(msg.keys);
    case 'put':
      for (const item of msg.items) {
        if ('deadLetter' in item) {
          await sink.deadLetter(item);
          continue;
        }
        if (item.doc) sink.expect(item.doc, item.hash);
        await sink.write(JSON.parse(item.json), item.json);
      }
      return undefined;
    case 'flush':
      return sink.flush();
    case 'incidents': {
      if (msg.first) {
        await sink.flush();
        listing = sink.incidents()[Symbol.asyncIterator]();
      }
      const page = [];
      while (listing && page.length < INCIDENT_PAGE) {
        const next = await listing.next();
        if (next.done) listing = null;
        else page.push(next.value);
      }
      return page;
    }
    case 'close':
      return sink.close(msg.counts);
  }
}

const opened = await StoreSink.open(
  { store: data.spec, mustExist: data.mustExist, force: data.force },
  data.command,
  data.ruleset,
  createLogger('silent'),
).then(
  (s) => s!,
  (err: unknown) => {
    port.postMessage(failed(0, err));
    port.close();
    return null;
  },
);
// Messages are handled one at a time, in the order they came (a write never overtakes the admit of its document),
// each in a turn of the event loop of its own, but for a question `done`: it is answered as it arrives, ahead of the
// writes queued before it. The main thread asks it before it hands the next documents to the extraction threads,
// and each answer waited on every record in flight to be written first (a transaction, a checkpoint): on a stream
// of 25,062 documents, 392 questions waited 28 ms each on average, while the extraction threads hold ~20 ms of
// work (#10). What it reads is what is committed, as before: the records in flight are in no transaction yet.
const queue: StoreRequest[] = [];
let busy = false;
if (opened) serve(opened);

async function answer(sink: StoreSink, msg: StoreRequest): Promise<void> {
  try {
    const value = await handle(sink, msg);
    port.postMessage({ seq: msg.seq, value } satisfies StoreReply);
    if (msg.op === 'close') port.close();
  } catch (err) {
    port.postMessage(failed(msg.seq, err));
  }
}

/** The oldest message queued, then the next in a later turn (messages that came meanwhile are taken in between). */
function next(sink: StoreSink): void {
  void answer(sink, queue.shift()!).then(() => {
    if (queue.length) setImmediate(next, sink);
    else busy = false;
  });
}

function serve(sink: StoreSink): void {
  port.on('message', (msg: StoreRequest) => {
    if (msg.op === 'done') {
      void answer(sink, msg);
      return;
    }
    queue.push(msg);
    if (!busy) {
      busy = true;
      setImmediate(next, sink);
    }
  });
  port.postMessage({ ready: true, description: sink.description, runId: sink.runId } satisfies StoreReply);
}
