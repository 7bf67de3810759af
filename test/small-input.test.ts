// A small input runs in process (no worker threads to start); a larger one goes to the thread pool. Both give
// what the processor itself gives (the runner contract).
import { describe, expect, it } from 'vitest';
import { createDeferredRunner } from '../queues/embedded/deferred.ts';
import type { Outcome } from '../queues/runner.ts';
import { contractItems, PROCESSOR, runnerContract } from './runner-contract.ts';

const items = contractItems();
runnerContract('small input, in process', async (sink) => createDeferredRunner({ processor: PROCESSOR, workers: 2, sink, small: items.length }));
runnerContract('larger input, worker threads', async (sink) => createDeferredRunner({ processor: PROCESSOR, workers: 2, sink, small: 2 }));
runnerContract('one worker, in process', async (sink) => createDeferredRunner({ processor: PROCESSOR, workers: 1, sink }));

const PROBE = { module: new URL('./helpers/thread-probe.ts', import.meta.url).href, exportName: 'createProbe' };

async function whereRan(docs: number, small: number, workers = 2): Promise<string[]> {
  const got: Outcome[] = [];
  const runner = createDeferredRunner({
    processor: PROBE,
    workers,
    sink: (o) => {
      got.push(o);
    },
    small,
  });
  for (let i = 0; i < docs; i++) await runner.submit({ raw: { id: `d${i}`, text: 'x' }, input: `d${i}` });
  await runner.drain();
  await runner.close();
  expect(got).toHaveLength(docs);
  return [...new Set(got.map((o) => (o.kind === 'dead' ? o.deadLetter.message : o.kind)))];
}

describe('where documents run', () => {
  it('up to the small-input limit: in the main thread', async () => {
    expect(await whereRan(3, 3)).toEqual(['main']);
  });
  it('past it: every document in a worker thread', async () => {
    expect(await whereRan(4, 3)).toEqual(['worker']);
  }, 60_000);
  it('with one worker, any number of documents: in the main thread', async () => {
    expect(await whereRan(40, 3, 1)).toEqual(['main']);
  });
});
