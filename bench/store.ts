// The cost of the store: documents/s of extract writing JSONL only, against JSONL plus the SQLite store and
// JSONL plus the PostgreSQL store, over the same 5,000+ documents. Extraction runs once (it is the same
// work in all three); each store then goes through extract's own store sink (StoreSink: the already-done check
// per batch of documents, then documents and records upserted in transactions) and its time is added to extraction's.
// STORE_STREAM=N npm run bench store: the store alone on N of the stream bench's documents replayed as extract feeds
// it (CPU a document, file size: benchStoreStream); STORE_DB=path keeps that store's file.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { IncidentRecord } from '../src/core/contract/record.ts';
import { LineSink } from '../src/sinks/lines.ts';
import { StoreSink, storedForm } from '../src/sinks/store.ts';
import { BATCH } from '../src/config.ts';
import { contentHash, type NewDocument } from '../src/store/store.ts';
import { createLogger } from '../src/log.ts';
import { goldToRaw, readGold } from '../src/eval/gold.ts';
import { createExtractor } from '../src/core/engine.ts';
import { rulesetVersion } from '../src/core/ruleset.ts';
import type { RawDocument } from '../src/core/document.ts';
import { benchTexts, type BenchContext } from './core.ts';
import { threadStats } from './proc-stat.ts';

const MIN_DOCS = 5000;
const PG_URL = process.env.INCIDENT_EXTRACT_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

function documents(ctx: BenchContext): RawDocument[] {
  const docs = [
    ...benchTexts(ctx).docs.map((d) => d.raw),
    ...['vcdb-dev', 'eurepoc-dev'].flatMap((c) => readGold(path.join(ctx.shared, `corpus/${c}.jsonl`)).map(goldToRaw)),
  ];
  const seen = new Set<string>();
  const unique = docs.filter((d) => !seen.has(d.id!) && seen.add(d.id!));
  // fewer than MIN_DOCS real texts: the rest are copies under ids of their own (stored as new documents)
  for (let i = 0; unique.length < MIN_DOCS; i++) unique.push({ ...unique[i]!, id: `${unique[i]!.id}#copy` });
  return unique;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** CPU seconds of this process's threads but the main one (Linux; 0 elsewhere): V8's helpers, libuv's pool. */
const otherThreadsCpu = () => {
  let seconds = 0;
  for (const [tid, t] of threadStats('self')) if (tid !== String(process.pid)) seconds += t.cpu;
  return seconds;
};

const ADMIT_BATCH = 64;
/** Bytes this process (all its threads) has handed to write(2) so far (Linux; 0 elsewhere): WAL frames and checkpoints. */
const written = () => {
  const io = existsSync('/proc/self/io') ? readFileSync('/proc/self/io', 'utf8') : '';
  return Number(/^wchar: (\d+)/m.exec(io)?.[1] ?? 0);
};

async function timeStore(spec: string, ruleset: string, raws: RawDocument[], records: Map<string, IncidentRecord>): Promise<number> {
  const t0 = performance.now();
  const sink = await StoreSink.open({ store: spec }, 'bench', ruleset, createLogger('warn'));
  if (!sink) throw new Error('no store');
  for (let i = 0; i < raws.length; i += ADMIT_BATCH) {
    const batch = raws.slice(i, i + ADMIT_BATCH).map((raw) => ({ raw, input: raw.id! }));
    await sink.admit(batch.map((b) => storedForm(b.raw, b.input)));
    for (const { raw } of batch) {
      const r = records.get(raw.id!);
      if (r) await sink.write(r);
    }
  }
  await sink.close({});
  return (performance.now() - t0) / 1000;
}

/** The stream bench's documents' records: extracted once a text (cached in the temporary directory by ruleset). */
async function streamRecords(texts: string[]): Promise<{ ruleset: string; cached: (IncidentRecord | null)[] }> {
  // the extractor is loaded only to fill the cache: a replay measures the store, not the rules' loading
  const ruleset = rulesetVersion();
  const cache = path.join(tmpdir(), `ie-store-stream-${ruleset}.json`);
  if (existsSync(cache)) return { ruleset, cached: JSON.parse(readFileSync(cache, 'utf8')) as (IncidentRecord | null)[] };
  const ex = await createExtractor();
  const cached = texts.map((text, i) => {
    const r = ex.process({ id: `stream-${i}`, text });
    return r.ok ? r.record : null;
  });
  writeFileSync(cache, JSON.stringify(cached));
  return { ruleset: ex.ruleset, cached };
}

/**
 * STORE_STREAM=N: the store alone on the stream's kind of input (`bench stream`: the VCDB dev texts cycled with fresh
 * ids), N documents replayed into a SQLite file the way `extract -` feeds it: admitted BATCH.admit at a time with
 * their hashes, each record then written with its JSON line, through StoreSink on this thread, as extract's main thread
 * writes it (STORE_SINK=none: the same loop without a store, the baseline to subtract).
 * STORE_FROM=K: the documents' ids start at stream-K (with STORE_DB, a store filled by an earlier run with the first K:
 * the cost late in a long stream). CPU of this process (all threads) per document, and of its threads but the main one
 * (Linux), the time admit() waited, the bytes written (WAL frames, checkpoints), the file's size, peak RSS.
 */
async function benchStoreStream(ctx: BenchContext, n: number): Promise<void> {
  const texts = readGold(path.join(ctx.shared, 'corpus/vcdb-dev.jsonl')).map((g) => g.text);
  const { ruleset, cached } = await streamRecords(texts);
  const from = Number(process.env.STORE_FROM ?? 0);
  const mode = process.env.STORE_SINK === 'none' ? 'none' : 'main';
  const tmp = mkdtempSync(path.join(tmpdir(), 'ie-bench-'));
  // STORE_DB: where to write the store, kept afterwards (to look into it, or to go on with STORE_FROM)
  const db = process.env.STORE_DB ?? path.join(tmp, 'store.db');
  const sizeOf = () => ['', '-wal', '-shm'].reduce((s, ext) => s + (existsSync(db + ext) ? statSync(db + ext).size : 0), 0);
  try {
    const size0 = sizeOf();
    let bytes = 0;
    const rss0 = process.memoryUsage().rss;
    const w0 = written();
    let admitS = 0;
    const c0 = cpu();
    const t0 = performance.now();
    const sink = mode === 'none' ? null : await StoreSink.open({ store: db }, 'extract', ruleset, createLogger('warn'));
    // once the store is open: the other threads' CPU from here on is V8's and libuv's helpers working for the store
    const o0 = otherThreadsCpu();
    for (let i = from; i < from + n; i += BATCH.admit) {
      const docs: NewDocument[] = [];
      const hashes: string[] = [];
      for (let j = i; j < Math.min(from + n, i + BATCH.admit); j++) {
        const raw = { id: `stream-${j}`, text: texts[j % texts.length]! };
        bytes += Buffer.byteLength(JSON.stringify(raw)) + 1;
        const doc = storedForm(raw, '-');
        docs.push(doc);
        hashes.push(contentHash(doc.text));
      }
      // a batch's documents go to the extraction once its admit is answered (extract reads the next batch meanwhile; this
      // replay, which extracts nothing, waits): the time spent waiting here
      const a0 = performance.now();
      const verdicts = sink ? await sink.admit(docs, hashes) : docs.map(() => null);
      admitS += (performance.now() - a0) / 1000;
      for (const [k, doc] of docs.entries()) {
        const r = cached[Number(doc.id.slice(7)) % texts.length];
        if (!r || verdicts[k]) continue;
        const record = { ...r, id: doc.id };
        const json = JSON.stringify(record);
        await sink?.write(record, json);
      }
    }
    const othersS = otherThreadsCpu() - o0;
    await sink?.close({});
    const cpuS = cpu() - c0;
    const size = sizeOf() - size0;
    ctx.log(
      `store (${mode}) only, ${n} stream documents from ${from} (${(bytes / 2 ** 20).toFixed(1)} MB of JSONL): ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${cpuS.toFixed(2)} CPU s, ${((cpuS / n) * 1e6).toFixed(0)} µs a document ` +
        `(other threads than the main one ${othersS.toFixed(2)} s); admit waited ${admitS.toFixed(2)} s; ` +
        `${((written() - w0) / 2 ** 20).toFixed(1)} MB written; ` +
        `store file +${(size / 2 ** 20).toFixed(1)} MB = ${(size / bytes).toFixed(3)}x the input; RSS ${(rss0 / 2 ** 20).toFixed(0)} MB before, ` +
        `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} after, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function benchStore(ctx: BenchContext): Promise<void> {
  const { log } = ctx;
  if (process.env.STORE_STREAM) return benchStoreStream(ctx, Number(process.env.STORE_STREAM));
  const raws = documents(ctx);
  const ex = await createExtractor();
  const records = new Map<string, IncidentRecord>();
  const c0 = cpu();
  const t0 = performance.now();
  for (const raw of raws) {
    const r = ex.process(raw);
    if (r.ok) records.set(raw.id!, r.record);
  }
  const extractS = (performance.now() - t0) / 1000;
  log(`documents: ${raws.length} (${records.size} records); extraction ${extractS.toFixed(1)} s wall, ${(cpu() - c0).toFixed(1)} s CPU, one thread`);

  const tmp = mkdtempSync(path.join(tmpdir(), 'ie-bench-'));
  const t1 = performance.now();
  const out = LineSink.toFile(path.join(tmp, 'out.jsonl'));
  for (const r of records.values()) await out.write(JSON.stringify(r));
  await out.end();
  const jsonlS = (performance.now() - t1) / 1000;

  const sqliteS = await timeStore(path.join(tmp, 'store.db'), ex.ruleset, raws, records);

  let pgS: number | null = null;
  const schema = `ie_bench_${process.pid}`;
  try {
    pgS = await timeStore(`${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`, ex.ruleset, raws, records);
  } catch (err) {
    log(`PostgreSQL at ${PG_URL} not reachable (${(err as Error).message}): its row is left out`);
  } finally {
    const c = new pg.Client({ connectionString: PG_URL });
    await c
      .connect()
      .then(() => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
      .catch(() => undefined)
      .finally(() => c.end());
  }
  rmSync(tmp, { recursive: true, force: true });

  const n = raws.length;
  const base = extractS + jsonlS;
  const row = (name: string, storeS: number) => {
    const rate = n / (base + storeS);
    log(
      `${name.padEnd(30)} ${storeS.toFixed(2).padStart(8)} ${rate.toFixed(1).padStart(9)}` +
        ` ${(rate / (n / base)).toFixed(3).padStart(7)} ${((100 * storeS) / (base + storeS)).toFixed(1).padStart(6)}%`,
    );
  };
  log('');
  log(`${'extract writing'.padEnd(30)} ${'store s'.padStart(8)} ${'docs/s'.padStart(9)} ${'ratio'.padStart(7)} ${'cost'.padStart(7)}`);
  row('JSONL only', 0);
  row('JSONL + SQLite store', sqliteS);
  if (pgS != null) row('JSONL + PostgreSQL store', pgS);
  log('(target: storing costs <= 20 % of throughput, i.e. ratio >= 0.8; with worker threads the store writes overlap extraction and cost less)');
}
