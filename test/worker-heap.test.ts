// #10 item 4: each worker thread's old generation is bounded (ProcessorRef.heapMb, sized from --max-bytes by the CLI)
// so a long stream's memory stays flat. A document too big for the bound must not crash the run or be lost: its
// thread runs out of memory (ERR_WORKER_OUT_OF_MEMORY) and is replaced, the document becomes a `too-large` dead
// letter, the other documents the thread held go back to the queue and are all extracted. Real worker threads, the
// real engine in the second test; no timings asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEmbeddedRunner } from '../queues/embedded/runner.ts';
import type { ProcessorRef } from '../queues/processor.ts';
import type { Outcome } from '../queues/runner.ts';
import { workerHeapMb } from '../src/cli/runners.ts';
import { LIMITS } from '../src/config.ts';

type Item = { raw: { id: string; text: string }; input: string };

async function run(processor: ProcessorRef, workers: number, docs: Item[]): Promise<Map<string, string>> {
  const got = new Map<string, string>();
  const sink = (o: Outcome) => {
    if (o.kind === 'skipped') throw new Error(`skipped ${o.id}`);
    const id = o.kind === 'record' ? o.record.id : o.deadLetter.id!;
    expect(got.has(id), `${id} came back twice`).toBe(false);
    got.set(id, o.kind === 'record' ? 'record' : `${o.deadLetter.reason}: ${o.deadLetter.message}`);
  };
  const runner = await createEmbeddedRunner({ processor, workers, sink });
  try {
    for (const d of docs) await runner.submit(d);
    await runner.drain();
  } finally {
    await runner.close();
  }
  return got;
}

const OOM = /^too-large: extraction needed more memory than a worker thread's bound of \d+ MB/;

describe('a document too big for a bounded worker thread', () => {
  it('is a too-large dead letter; its thread is replaced and every other document it held is processed', async () => {
    const hungry: ProcessorRef = { module: new URL('./helpers/thread-probe.ts', import.meta.url).href, exportName: 'createHungryProbe', heapMb: 64 };
    const docs = ['a', 'b', 'c', 'HOG', 'd', 'e', 'f', 'g', 'h'].map((text, i) => ({ raw: { id: `d${i}`, text }, input: `d${i}` }));
    for (const workers of [1, 2]) {
      const got = await run(hungry, workers, docs);
      expect([...got.keys()].sort()).toEqual(docs.map((d) => d.raw.id).sort());
      for (const d of docs) expect(got.get(d.raw.id)).toMatch(d.raw.text === 'HOG' ? OOM : /^internal-error: done$/);
    }
  }, 120_000);

  it('with the real engine: the big text is dead-lettered, the short ones get their records', async () => {
    // every fixture article joined, repeated to 16 MB: far more than a thread bounded at 112 MB can analyse
    const dir = new URL('../fixtures/', import.meta.url);
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(new URL(f, dir), 'utf8'))
      .join('\n\n');
    const big = texts.repeat(Math.ceil(16_000_000 / texts.length));
    const engine: ProcessorRef = {
      module: new URL('../src/core/engine.ts', import.meta.url).href,
      exportName: 'createExtractor',
      args: [{ maxChars: big.length, deadlineMs: 0 }],
      heapMb: 112,
    };
    const short = [
      'Ransomware hit Acme Corp in Ohio on May 3, 2023.',
      readFileSync(new URL('province-de-namur.txt', dir), 'utf8'),
      'Hackers attacked the City of Dallas, Texas, in 2023.',
    ];
    const docs: Item[] = [...short, big, ...short].map((text, i) => ({ raw: { id: `e${i}`, text }, input: `e${i}` }));
    const got = await run(engine, 1, docs);
    expect(got.size).toBe(docs.length);
    for (const d of docs) expect(got.get(d.raw.id)).toMatch(d.raw.text === big ? OOM : /^record$/);
  }, 300_000);
});

describe('the bound the CLI sets', () => {
  it('fits the largest accepted text: at least 256 MB, growing with --max-bytes', () => {
    expect(workerHeapMb()).toBeGreaterThanOrEqual(256);
    expect(workerHeapMb(LIMITS.maxTextChars)).toBe(workerHeapMb());
    expect(workerHeapMb(50 * 2 ** 20)).toBeGreaterThan(850);
  });
});
