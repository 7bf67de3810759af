// The store on a thread of its own (src/sinks/store-thread.ts), as extract uses it with SQLite: it stores what the
// direct StoreSink stores, a thread that dies fails the run with one line instead of hanging it, an open that fails
// is the same OpenError, and SIGINT on `extract -` keeps every record it reported.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../src/core/contract/record.ts';
import { createLogger } from '../src/log.ts';
import { type RunSink, StoreSink, storedForm } from '../src/sinks/store.ts';
import { StoreThreadError, ThreadStoreSink } from '../src/sinks/store-thread.ts';
import { OpenError, openStore } from '../src/store/open.ts';
import { makeRecord } from './store-contract.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/incident-extract.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'store-thread-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();
const silent = createLogger('silent');
const openThread = (spec: string, more: { force?: boolean; mustExist?: boolean } = {}) =>
  ThreadStoreSink.open({ spec, command: 'test', ruleset: 'R1', ...more });

/** A run through a sink: admitted documents, records (one twice), a dead letter for an admitted one and one for none. */
async function feed(sink: RunSink): Promise<void> {
  const docs = Array.from({ length: 300 }, (_, i) => storedForm({ id: `d${i}`, text: `Acme Corp ${i % 7} was hit by ransomware in 2023.` }, `in:${i}`));
  expect(await sink.admit(docs)).toEqual(docs.map(() => null));
  for (const [i, d] of docs.entries()) {
    if (i === 7) continue;
    await sink.write(makeRecord(d.id, 'R1', at(1), `Acme Corp ${i % 7}`));
  }
  await sink.write(makeRecord('d3', 'R1', at(2), 'Acme Corp 3, again'));
  const dead = (id: string | null): DeadLetter => ({ deadLetter: true, id, input: 'x', stage: 'extract', reason: 'timeout', message: 'slow', at: at(3) });
  await sink.deadLetter(dead('d7'));
  await sink.deadLetter(dead(null));
  await sink.flush();
  expect(await sink.admit(docs.slice(0, 2))).toEqual([expect.objectContaining({ id: 'd0' }), expect.objectContaining({ id: 'd1' })]);
  await sink.close({ read: 300 });
}

async function contents(spec: string) {
  const store = await openStore(spec, { mustExist: true });
  try {
    const records = [];
    for await (const r of store.latestRecords()) records.push(r);
    const documents = await Promise.all(records.map(async (r) => ({ ...(await store.document(r.id))!, firstIngested: '', lastIngested: '' })));
    const incidents = [];
    for await (const i of store.incidents.list()) incidents.push(i);
    const runs = (await store.runs()).map((r) => ({ ...r, startedAt: '', finishedAt: r.finishedAt && 'done' }));
    return {
      records,
      documents,
      incidents: JSON.stringify(incidents).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T'),
      runs,
      dead: await store.deadLetters(),
      counts: await store.counts(),
    };
  } finally {
    await store.close();
  }
}

describe('the store on its own thread', () => {
  it('stores what the direct sink stores: documents, records, incidents, dead letters, the run', async () => {
    const [direct, threaded] = [path.join(tmp, 'direct.db'), path.join(tmp, 'thread.db')];
    await feed((await StoreSink.open({ store: direct }, 'test', 'R1', silent))!);
    await feed(await openThread(threaded));
    const [a, b] = [await contents(direct), await contents(threaded)];
    expect(b.counts).toEqual({ documents: 299, records: 299, runs: 1, deadLetters: 2 });
    expect(b).toEqual(a);
  });

  it('incidents(): every incident the store holds, a page at a time, as the store lists them, with what was sent but not yet flushed', async () => {
    const spec = path.join(tmp, 'incidents.db');
    const sink = await openThread(spec);
    // victims with names of their own words (not numbers), so that each starts an incident: more than a page of them
    const word = (i: number) => String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26), 97 + Math.floor(i / 676));
    const docs = Array.from({ length: 600 }, (_, i) => storedForm({ id: `i${i}`, text: `Org ${word(i)} was hit by ransomware.` }, 'x'));
    await sink.admit(docs);
    for (const [i, d] of docs.entries()) await sink.write(makeRecord(d.id, 'R1', at(1), `Org ${word(i)}`));
    const listed = [];
    for await (const i of sink.incidents()) listed.push(i);
    await sink.close();
    const store = await openStore(spec, { mustExist: true });
    try {
      const stored = [];
      for await (const i of store.incidents.list()) stored.push(i);
      expect(stored.length).toBeGreaterThan(256);
      expect(listed).toEqual(stored);
    } finally {
      await store.close();
    }
  });

  it('the thread names itself ie-store, as Linux shows threads (ps -L, top -H), beside V8 and libuv threads named node', async () => {
    const names = () => readdirSync('/proc/self/task').map((t) => readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim());
    expect(names()).not.toContain('ie-store');
    const sink = await openThread(path.join(tmp, 'named.db'));
    expect(names()).toContain('ie-store');
    await sink.close();
  });

  it('--force: no question to the thread, every document extracted again', async () => {
    const spec = path.join(tmp, 'force.db');
    await feed(await openThread(spec));
    const sink = await openThread(spec, { force: true });
    expect(await sink.admit([storedForm({ id: 'd0', text: 'Acme Corp 0 was hit by ransomware in 2023.' }, 'x')])).toEqual([null]);
    await sink.close();
  });

  it('long documents: stored whole, their transactions cut by characters within the heap bound of the thread', async () => {
    const spec = path.join(tmp, 'long.db');
    const sink = await openThread(spec);
    const docs = Array.from({ length: 8 }, (_, i) => storedForm({ id: `long${i}`, text: `Acme Corp ${i} was breached. `.repeat(180_000) }, 'x'));
    await sink.admit(docs);
    for (const d of docs) await sink.write(makeRecord(d.id, 'R1', at(1), 'Acme Corp'));
    await sink.close();
    const store = await openStore(spec, { mustExist: true });
    try {
      for (const d of docs) expect((await store.document(d.id))?.text).toBe(d.text);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('a thread that dies fails what waits on it and every later call with one line, and close does not hang', async () => {
    const sink = await openThread(path.join(tmp, 'dies.db'));
    await sink.admit([storedForm({ id: 'a', text: 'A text.' }, 'x')]);
    await (sink as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(sink.write(makeRecord('a', 'R1', at(1), 'Acme'))).rejects.toThrow(StoreThreadError);
    await expect(sink.flush()).rejects.toThrow(/^the store thread stopped: it exited with code 1; what it had committed is kept$/);
    await expect(sink.close()).rejects.toThrow(StoreThreadError);
  });

  it('a store that cannot be opened is the same OpenError', async () => {
    await expect(openThread(path.join(tmp, 'missing.db'), { mustExist: true })).rejects.toThrow(OpenError);
    await expect(openThread(path.join(tmp, 'no/such/dir/x.db'))).rejects.toThrow(/^cannot open the store /);
  });

  it('SIGINT on `extract -` with the store: exit 130, and every record it output is stored, the run closed', async () => {
    const store = path.join(tmp, 'sigint.db');
    const c = spawn(process.execPath, [BIN, 'extract', '-', '--store', store, '--no-progress'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' } });
    let out = '';
    c.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    let err = '';
    c.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    const text = (i: number) => `Hackers attacked the City of Exampleton ${i} in March 2023 and demanded 5 bitcoin.`;
    // several admit batches (64 documents each): enough records that the output's buffer is written out mid-stream
    for (let i = 0; i < 1000; i++) c.stdin.write(JSON.stringify({ id: `s${i}`, text: text(i) }) + '\n');
    // the input stays open: the run is mid-stream when the signal comes
    const deadline = Date.now() + 60_000;
    const output = () => out.split('\n').filter(Boolean);
    while (!output().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise<number | null>((r) => c.once('exit', (code) => r(code)));
    c.kill('SIGINT');
    expect(await exited).toBe(130);
    const n = output().length;
    expect(n).toBeGreaterThan(0);
    const s = await contents(store);
    expect(s.counts).toMatchObject({ documents: n, records: n });
    expect(s.runs[0]).toMatchObject({ finishedAt: 'done', counts: expect.objectContaining({ interrupted: 'SIGINT', extracted: n }) });
    // the documents dropped in flight are not errors: the log has the interruption's warning and no error line
    const levels = err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { level: number }).level);
    expect(levels.filter((l) => l >= 50)).toEqual([]);
  }, 90_000);
});
