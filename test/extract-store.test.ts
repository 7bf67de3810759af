// The store sink as extract uses it (src/sinks/store.ts): --force asks nothing, long documents are stored whole in
// transactions cut by characters, a store that cannot be opened is an OpenError, and SIGINT on `extract -` keeps
// every record it reported.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { StoreSink, storedForm } from '../src/sinks/store.ts';
import { OpenError, openStore } from '../src/store/open.ts';
import { makeRecord } from './store-contract.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/incident-extract.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'extract-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();
const silent = createLogger('silent');
const open = async (spec: string, more: { force?: boolean; mustExist?: boolean } = {}) =>
  (await StoreSink.open({ store: spec, ...more }, 'test', 'R1', silent))!;

/** What a store holds after a run: its counts and runs (times blanked). */
async function contents(spec: string) {
  const store = await openStore(spec, { mustExist: true });
  try {
    const runs = (await store.runs()).map((r) => ({ ...r, startedAt: '', finishedAt: r.finishedAt && 'done' }));
    return { runs, counts: await store.counts() };
  } finally {
    await store.close();
  }
}

describe('the store as extract writes it', () => {
  it('--force: no question to the store, every document extracted again', async () => {
    const spec = path.join(tmp, 'force.db');
    const first = await open(spec);
    const doc = storedForm({ id: 'd0', text: 'Acme Corp 0 was hit by ransomware in 2023.' }, 'x');
    expect(await first.admit([doc])).toEqual([null]);
    await first.write(makeRecord('d0', 'R1', at(1), 'Acme Corp 0'));
    await first.close();
    const again = await open(spec);
    expect(await again.admit([doc])).toEqual([expect.objectContaining({ id: 'd0' })]);
    await again.close();
    const forced = await open(spec, { force: true });
    expect(await forced.admit([doc])).toEqual([null]);
    await forced.close();
  });

  it('long documents: stored whole, their transactions cut by characters', async () => {
    const spec = path.join(tmp, 'long.db');
    const sink = await open(spec);
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

  it('a store that cannot be opened is an OpenError', async () => {
    await expect(open(path.join(tmp, 'missing.db'), { mustExist: true })).rejects.toThrow(OpenError);
    await expect(open(path.join(tmp, 'no/such/dir/x.db'))).rejects.toThrow(/^cannot open the store /);
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
