// #12 item 10: a document that runs past the per-document deadline is dead-lettered `timeout` and the run goes on.
// The deadline used to be checked only between rules, so one rule that never ended held its worker for good: the
// hanging probe below is such a rule (a loop only pre-emption can stop). No timings are asserted: the runs finish,
// the runaway document is a timeout dead letter, every other document is accounted for.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeferredRunner } from '../queues/embedded/deferred.ts';
import { createEmbeddedRunner } from '../queues/embedded/runner.ts';
import type { ProcessorRef } from '../queues/processor.ts';
import type { Outcome, Runner } from '../queues/runner.ts';
import { EXIT } from '../src/cli/usage.ts';

const HANGING: ProcessorRef = { module: new URL('./helpers/thread-probe.ts', import.meta.url).href, exportName: 'createHangingProbe', deadlineMs: 200 };
const docs = ['a', 'b', 'HANG', 'c', 'd', 'e'].map((text, i) => ({ raw: { id: `d${i}`, text }, input: `d${i}` }));

async function run(make: (sink: (o: Outcome) => void) => Runner | Promise<Runner>): Promise<Map<string, string>> {
  const got = new Map<string, string>();
  const runner = await make((o) => {
    if (o.kind === 'dead') got.set(o.deadLetter.id!, o.deadLetter.reason === 'timeout' ? 'timeout' : o.deadLetter.message);
  });
  for (const d of docs) await runner.submit(d);
  await runner.drain();
  await runner.close();
  return got;
}

const expected = new Map(docs.map((d) => [d.raw.id, d.raw.text === 'HANG' ? 'timeout' : 'done']));

describe('a runaway document', () => {
  it('on worker threads: its thread is pre-empted, it is a timeout dead letter, the others are all extracted', async () => {
    expect(await run((sink) => createEmbeddedRunner({ processor: HANGING, workers: 1, sink }))).toEqual(expected);
  }, 60_000);

  it('with one worker, in process: it is stopped, a timeout dead letter, the rest go to a thread and are all extracted', async () => {
    expect(await run((sink) => createDeferredRunner({ processor: HANGING, workers: 1, sink }))).toEqual(expected);
  }, 60_000);

  it('in a small input, a long text goes to a thread where it can be pre-empted', async () => {
    const long = docs.map((d) => (d.raw.text === 'HANG' ? { ...d, raw: { ...d.raw, text: 'HANG '.repeat(50_000) } } : d));
    const got = new Map<string, string>();
    const runner = createDeferredRunner({
      processor: HANGING,
      workers: 1,
      sink: (o) => {
        if (o.kind === 'dead') got.set(o.deadLetter.id!, o.deadLetter.reason === 'timeout' ? 'timeout' : o.deadLetter.message);
      },
    });
    for (const d of long) await runner.submit(d);
    await runner.drain();
    await runner.close();
    expect(got).toEqual(expected);
  }, 60_000);
});

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'doc-deadline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extract --doc-timeout', () => {
  // a 3 MB text takes far longer than a second (about 10 µs a character); the short ones take milliseconds
  const SENTENCE = 'Hackers attacked the servers of the City of Dallas on May 3, 2023, and demanded a ransom. ';
  const files = { 'huge.txt': SENTENCE.repeat(Math.ceil(3_000_000 / SENTENCE.length)), 'a.txt': SENTENCE, 'b.txt': 'Ransomware hit Acme Corp in Ohio.' };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const extract = (...more: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/incident-extract.js'), 'extract', ...Object.keys(files), '--no-store', '--max-bytes', '10MB', '--doc-timeout', '1', ...more],
      { cwd: dir, encoding: 'utf8', timeout: 300_000, env: { ...process.env, LOG_LEVEL: 'warn' } },
    );

  it('dead-letters the text that runs past it as timeout, extracts the rest and exits 0 (4 with --strict)', () => {
    const r = extract('-o', 'out.jsonl', '--workers', '1');
    expect(r.status, r.stderr).toBe(0);
    const records = readFileSync(path.join(dir, 'out.jsonl'), 'utf8').trim().split('\n');
    expect(records).toHaveLength(2);
    const dead = readFileSync(path.join(dir, 'out.jsonl.dead.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { input: string; reason: string });
    expect(dead.map((d) => [path.basename(d.input), d.reason])).toEqual([['huge.txt', 'timeout']]);
    expect(extract('-o', 'strict.jsonl', '--workers', '1', '--strict').status).toBe(EXIT.deadLetters);
  }, 600_000);
});
