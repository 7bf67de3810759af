// The store's own thread (src/sinks/store-thread.ts starts it): a StoreSink on a SQLite store, fed by messages in
// the order the main thread sent them. Its allocations (each batch until its commit, the incidents' caches, the
// driver's buffers) live in this thread's heap, whose generations are bounded, not in the main thread's, whose
// young generation V8 lets grow to 32 MB and whose old generation may grow to four times what it holds (#10).
import { parentPort, workerData } from 'node:worker_threads';
import type { DeadLetter } from '../core/contract/record.ts';
import type { Incident } from '../incidents/incident.ts';
import { createLogger } from '../log.ts';
import { StoreSink } from '../sinks/store.ts';
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
// one message at a time, in order: a write never overtakes the admit of its document
let chain = Promise.resolve();
if (opened) serve(opened);

function serve(sink: StoreSink): void {
  port.on('message', (msg: StoreRequest) => {
    chain = chain.then(async () => {
      try {
        const value = await handle(sink, msg);
        port.postMessage({ seq: msg.seq, value } satisfies StoreReply);
        if (msg.op === 'close') port.close();
      } catch (err) {
        port.postMessage(failed(msg.seq, err));
      }
    });
  });
  port.postMessage({ ready: true, description: sink.description, runId: sink.runId } satisfies StoreReply);
}
