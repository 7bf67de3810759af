// The cost of the store: documents/s of extract writing JSONL only, against JSONL plus the SQLite store and
// JSONL plus the PostgreSQL store, over the same 5,000+ documents. Extraction runs once (it is the same
// work in all three); each store then goes through extract's own store sink (StoreSink: the already-done check
// per batch of documents, then documents and records upserted in transactions) and its time is added to extraction's.
// STORE_STREAM=N npm run bench store: the store alone on N of the stream bench's documents (CPU a document, file size);
// STORE_DB=path keeps that store's file.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { IncidentRecord } from '../src/core/contract/record.ts';
import { LineSink } from '../src/sinks/lines.ts';
import { StoreSink, storedForm } from '../src/sinks/store.ts';
import { createLogger } from '../src/log.ts';
import { goldToRaw, readGold } from '../src/eval/gold.ts';
import { createExtractor } from '../src/core/engine.ts';
import type { RawDocument } from '../src/core/document.ts';
import { benchTexts, type BenchContext } from './core.ts';

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

const ADMIT_BATCH = 64;

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

/**
 * STORE_STREAM=N: the store alone on the stream's kind of input (`bench stream`: the VCDB dev texts cycled with fresh
 * ids), N documents through extract's StoreSink into a SQLite file, the records extracted once a text (cached in the
 * temporary directory by ruleset) and copied under each id; CPU of this process per document, and the file's size.
 */
async function benchStoreStream(ctx: BenchContext, n: number): Promise<void> {
  const texts = readGold(path.join(ctx.shared, 'corpus/vcdb-dev.jsonl')).map((g) => g.text);
  const ex = await createExtractor();
  const cache = path.join(tmpdir(), `ie-store-stream-${ex.ruleset}.json`);
  let cached: (IncidentRecord | null)[];
  if (existsSync(cache)) cached = JSON.parse(readFileSync(cache, 'utf8')) as (IncidentRecord | null)[];
  else {
    cached = texts.map((text, i) => {
      const r = ex.process({ id: `stream-${i}`, text });
      return r.ok ? r.record : null;
    });
    writeFileSync(cache, JSON.stringify(cached));
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'ie-bench-'));
  // STORE_DB: where to write the store, kept afterwards (to look into it)
  const db = process.env.STORE_DB ?? path.join(tmp, 'store.db');
  try {
    let bytes = 0;
    const rss0 = process.memoryUsage().rss;
    const c0 = cpu();
    const t0 = performance.now();
    const sink = await StoreSink.open({ store: db }, 'bench', ex.ruleset, createLogger('warn'));
    if (!sink) throw new Error('no store');
    for (let i = 0; i < n; i += ADMIT_BATCH) {
      const raws: RawDocument[] = [];
      for (let j = i; j < Math.min(n, i + ADMIT_BATCH); j++) raws.push({ id: `stream-${j}`, text: texts[j % texts.length]! });
      for (const raw of raws) bytes += Buffer.byteLength(JSON.stringify(raw)) + 1;
      await sink.admit(raws.map((raw) => storedForm(raw, '-')));
      for (const raw of raws) {
        const r = cached[Number(raw.id!.slice(7)) % texts.length];
        if (r) await sink.write({ ...r, id: raw.id! });
      }
    }
    await sink.close({});
    const cpuS = cpu() - c0;
    const size = ['', '-wal', '-shm'].reduce((s, ext) => s + (existsSync(db + ext) ? statSync(db + ext).size : 0), 0);
    ctx.log(
      `store only, ${n} stream documents (${(bytes / 2 ** 20).toFixed(1)} MB of JSONL): ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ` +
        `${cpuS.toFixed(2)} CPU s, ${((cpuS / n) * 1e6).toFixed(0)} µs a document; store file ${(size / 2 ** 20).toFixed(1)} MB = ` +
        `${(size / bytes).toFixed(3)}x the input; RSS ${(rss0 / 2 ** 20).toFixed(0)} MB before, ` +
        `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} after, peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, ` +
        `main heap ${(process.memoryUsage().heapTotal / 2 ** 20).toFixed(0)} MB`,
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
