// `extract -` fed by a slow writer (tail -f, a feed poller): each document's record comes out while the input is
// still open, not when a batch's worth has arrived or the input ends. The pieces: a pause in the input is seen
// (withPauses), the runner runs what it held back (deferred runner's pause), the output writes lines it held.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeferredRunner } from '../queues/embedded/deferred.ts';
import type { Outcome } from '../queues/runner.ts';
import { PAUSE, withPauses } from '../src/ingest/idle.ts';
import { LineSink } from '../src/sinks/lines.ts';
import { PROCESSOR } from './runner-contract.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/incident-extract.js');
const dir = mkdtempSync(path.join(tmpdir(), 'slow-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function* source(items: { value: string; after?: number }[], ended: string[]) {
  try {
    for (const it of items) {
      if (it.after) await sleep(it.after);
      yield it.value;
    }
  } finally {
    ended.push('source ended');
  }
}
const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('withPauses', () => {
  it('passes items through in order, with no pause when each is ready at once', async () => {
    const got = await collect(withPauses(source([{ value: 'a' }, { value: 'b' }, { value: 'c' }], []), 20));
    expect(got).toEqual(['a', 'b', 'c']);
  });
  it('marks one pause where the next item took longer than the limit, none for a short wait', async () => {
    const items = [{ value: 'a' }, { value: 'b', after: 5 }, { value: 'c', after: 150 }, { value: 'd' }];
    expect(await collect(withPauses(source(items, []), 60))).toEqual(['a', 'b', PAUSE, 'c', 'd']);
  });
  it('ends the source when the reader stops early', async () => {
    const ended: string[] = [];
    for await (const x of withPauses(source([{ value: 'a' }, { value: 'b' }], ended), 20)) if (x === 'a') break;
    expect(ended).toEqual(['source ended']);
  });
});

describe('the deferred runner at a pause', () => {
  it('runs the documents it held back for the small-input choice, then goes on as before', async () => {
    const got: Outcome[] = [];
    const runner = createDeferredRunner({ processor: PROCESSOR, workers: 2, sink: (o) => void got.push(o), small: 8 });
    await runner.submit({ raw: { id: 'p1', text: 'Hackers hit the Port of Lisbon.' }, input: 'p1' });
    expect(got).toHaveLength(0); // held: the input may yet turn out large
    await runner.pause?.();
    expect(got.map((o) => (o.kind === 'record' ? o.record.id : o.kind))).toEqual(['p1']);
    await runner.submit({ raw: { id: 'p2', text: 'Ransomware hit a hospital in Ohio.' }, input: 'p2' });
    await runner.drain();
    await runner.close();
    expect(got.map((o) => (o.kind === 'record' ? o.record.id : o.kind))).toEqual(['p1', 'p2']);
  });
});

describe('LineSink', () => {
  it('writes lines it holds after a short while, without a flush or a full batch', async () => {
    const file = path.join(dir, 'held.jsonl');
    const sink = LineSink.toFile(file);
    await sink.write('{"one":1}');
    let text = '';
    for (let i = 0; i < 100 && !text; i++) {
      await sleep(50);
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // not created yet
      }
    }
    expect(text).toBe('{"one":1}\n');
    await sink.end();
  });
});

/** Feeds `extract -` one JSONL line, then waits with standard input open until a record line comes out. */
async function firstRecordWhileOpen(args: string[]): Promise<{ before: string; status: number | null }> {
  const child = spawn(process.execPath, [BIN, 'extract', '-', '--no-progress', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.on('close', r));
  child.stdin.write(`${JSON.stringify({ id: 'slow-1', text: 'Hackers encrypted 12 servers at the Port of Lisbon on Christmas Day 2022.' })}\n`);
  // generous: the first document loads the rules; the assertion is that it comes at all before the input ends
  for (let i = 0; i < 600 && !stdout.includes('\n'); i++) await sleep(50);
  const before = stdout;
  child.stdin.end();
  return { before, status: await exited };
}

describe('extract - on a slow stream', () => {
  it('writes a record while the input is still open', async () => {
    const r = await firstRecordWhileOpen(['--no-store']);
    expect(JSON.parse(r.before.split('\n')[0]!)).toMatchObject({ id: 'slow-1' });
    expect(r.status).toBe(0);
  }, 60_000);
  it('and so with the store', async () => {
    const r = await firstRecordWhileOpen(['--store', path.join(dir, 'slow.db')]);
    expect(JSON.parse(r.before.split('\n')[0]!)).toMatchObject({ id: 'slow-1' });
    expect(r.status).toBe(0);
  }, 60_000);
});
