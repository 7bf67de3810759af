// The contract every Store passes, run against SQLite (store-sqlite.test.ts) and PostgreSQL (store-postgres.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadLetter, IncidentRecord } from '../src/core/contract/record.ts';
import { contentHash, StoreError, type NewDocument, type Store } from '../src/store/store.ts';

export interface StoreFixture {
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

export function makeRecord(id: string, ruleset: string, extractedAt: string, victim: string | null = null, meta: { title?: string } = {}): IncidentRecord {
  const field = victim ? { value: victim, confidence: 0.8, evidence: [{ start: 0, end: victim.length, text: victim }], rule: 'victim/test' } : null;
  return {
    schema: 'incident-record/1',
    id,
    source: meta,
    ruleset,
    extractedAt,
    fields: { victim: field, date: null, location: null, serverCount: null, ransom: null, origin: null },
    warnings: [],
  };
}

const doc = (id: string, text = `text of ${id}`, meta: NewDocument['meta'] = {}): NewDocument => ({ id, text, meta });
const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

// Text and metadata a careless store would mangle or execute: quotes, SQL, NUL's neighbours, odd Unicode.
const NASTY_TEXT = [
  `O'Brien said "it's fine"; \\' \\" \`backtick\``,
  `Robert'); DROP TABLE documents; -- and ' OR '1'='1`,
  '$1 ? ?? :name @p1 %s %%',
  'before \u0001\u0008\u007F\u0080\u009F after', // NUL's neighbours (the pipeline replaces C0 controls; the store must not)
  'zero\u200Bwidth \uFEFF bom-in-middle \u202Eright-to-left\u202C',
  'e\u0301 vs \u00E9 (not normalised by the store), \uD83D\uDE00 \uD834\uDD1E \uFFFD \uFFFF \uFDD0',
  '\t tab, \n newline, \r carriage return, and a trailing backslash \\',
].join('\n');
const NASTY_META = {
  uri: 'file:///tmp/it\'s "here".txt',
  title: "x'); DELETE FROM records; --\u0000\u0001 nul inside",
  input: 'lone \uD800 surrogate \uDFFF',
  publishedAt: '2024-01-01',
  extra: { nested: ['\u0000', '\u2028\u2029'] },
};

export function storeContract(name: string, fixture: StoreFixture): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await fixture.open();
    });
    afterAll(async () => {
      await store?.close();
      await fixture.cleanup();
    });

    it('migrates once: reopening applies nothing again and keeps the data', async () => {
      await store.write({ documents: [doc('migrate-1')] });
      const again = await fixture.open();
      expect((await again.document('migrate-1'))?.text).toBe('text of migrate-1');
      await again.close();
    });

    it('upserts a document by id: one row, first ingested kept, last ingested and content updated', async () => {
      await store.write({ documents: [doc('d1', 'first text')] }, new Date(at(1)));
      await store.write({ documents: [doc('d1', 'second text', { title: 't' })] }, new Date(at(2)));
      const d = await store.document('d1');
      expect(d).toEqual({
        id: 'd1',
        text: 'second text',
        meta: { title: 't' },
        contentHash: contentHash('second text'),
        firstIngested: at(1),
        lastIngested: at(2),
      });
      expect(await store.document('nope')).toBeNull();
    });

    it('keeps one record per document and ruleset; the latest written is the latest record', async () => {
      await store.write({ documents: [doc('r1')], records: [makeRecord('r1', 'A', at(1), 'Old')] });
      await store.write({ records: [makeRecord('r1', 'A', at(2), 'Again')] });
      await store.write({ records: [makeRecord('r1', 'B', at(3), 'New')] });
      expect((await store.record('r1', 'A'))?.fields.victim?.value).toBe('Again');
      expect((await store.record('r1', 'B'))?.fields.victim?.value).toBe('New');
      expect((await store.latestRecord('r1'))?.ruleset).toBe('B');
      await store.write({ records: [makeRecord('r1', 'A', at(4), 'Back')] });
      expect((await store.latestRecord('r1'))?.ruleset).toBe('A');
      expect(await store.record('r1', 'C')).toBeNull();
    });

    it('knows which documents are done: same content and a record under the ruleset', async () => {
      await store.write({ documents: [doc('k1', 'kept'), doc('k2', 'kept too')], records: [makeRecord('k1', 'K', at(1)), makeRecord('k2', 'K', at(1))] });
      const done = await store.done(
        [
          { id: 'k1', contentHash: contentHash('kept') },
          { id: 'k2', contentHash: contentHash('changed since') },
          { id: 'k3', contentHash: contentHash('never seen') },
        ],
        'K',
      );
      expect([...done.keys()]).toEqual(['k1']);
      expect(done.get('k1')).toEqual(makeRecord('k1', 'K', at(1)));
      expect((await store.done([{ id: 'k1', contentHash: contentHash('kept') }], 'other')).size).toBe(0);
    });

    it('rolls a failed batch back whole; text with U+0000 is refused', async () => {
      const write = store.write({ documents: [doc('ok-but-rolled-back'), doc('nul', 'a\u0000b')] });
      await expect(write).rejects.toThrow(StoreError);
      expect(await store.document('ok-but-rolled-back')).toBeNull();
      await expect(store.write({ documents: [doc('lone', 'a\uD800b')] })).rejects.toThrow(/surrogate/);
      await store.write({ documents: [doc('after-failure')] });
      expect(await store.document('after-failure')).not.toBeNull();
    });

    it('reads back text and metadata with quotes, SQL and odd Unicode byte for byte', async () => {
      const record = makeRecord("it's'); --", 'Q', at(1), `Robert'); DROP TABLE records; --`, { title: NASTY_META.title });
      await store.write({ documents: [doc("it's'); --", NASTY_TEXT, NASTY_META)], records: [record] });
      const d = await store.document("it's'); --");
      expect(d?.text).toBe(NASTY_TEXT);
      expect(Buffer.from(d!.text, 'utf16le').equals(Buffer.from(NASTY_TEXT, 'utf16le'))).toBe(true);
      expect(d?.meta).toEqual(NASTY_META);
      expect(d?.meta.input).toBe('lone \uD800 surrogate \uDFFF');
      expect(d?.contentHash).toBe(contentHash(NASTY_TEXT));
      expect(await store.record("it's'); --", 'Q')).toEqual(record);
      expect((await store.counts()).documents).toBeGreaterThan(0);
    });

    it("streams the latest record per document, or a ruleset's, across pages", async () => {
      const ids = Array.from({ length: 1203 }, (_, i) => `page-${String(i).padStart(5, '0')}`);
      await store.write({ documents: ids.map((id) => doc(id)), records: ids.map((id) => makeRecord(id, 'P1', at(1))) });
      await store.write({ records: ids.filter((_, i) => i % 2 === 0).map((id) => makeRecord(id, 'P2', at(2))) });
      const latest = (await collect(store.latestRecords())).filter((r) => r.id.startsWith('page-'));
      expect(latest.map((r) => r.id)).toEqual(ids);
      expect(latest.filter((r) => r.ruleset === 'P2').length).toBe(602);
      const p1 = (await collect(store.latestRecords({ ruleset: 'P1' }))).map((r) => r.id);
      expect(p1).toEqual(ids);
      const pairs = await collect(store.recordPairs('P1', 'P2'));
      expect(pairs.length).toBe(602);
      expect(pairs[0]).toMatchObject({ id: ids[0], from: { ruleset: 'P1' }, to: { ruleset: 'P2' } });
      const rulesets = (await store.rulesets()).map((r) => r.ruleset);
      expect(rulesets.indexOf('P2')).toBeLessThan(rulesets.indexOf('P1'));
      expect((await store.rulesets()).find((r) => r.ruleset === 'P2')?.records).toBe(602);
    });

    it('lists documents needing re-extraction: latest record from another ruleset, or none; all with --all', async () => {
      const toRerun = async (r: string, all = false) =>
        (await collect(store.documentsToRerun(r, { all }))).map((d) => d.id).filter((id) => id.startsWith('page-'));
      const p2 = await toRerun('P2');
      expect(p2.length).toBe(601);
      expect(p2.every((id) => Number(id.slice(5)) % 2 === 1)).toBe(true);
      expect((await toRerun('P3')).length).toBe(1203);
      expect((await toRerun('P2', true)).length).toBe(1203);
      const all = await collect(store.documentsToRerun('P2', { all: true }));
      expect(all.some((d) => d.id === 'nul')).toBe(false);
      expect(all.find((d) => d.id === 'page-00000')?.text).toBe('text of page-00000');
    });

    it('reads back every document and record of a batch one by one and paged, after some are rewritten in later batches', async () => {
      // short and long texts (SQLite keeps the short ones of a batch in one block, a long one alone: src/store/blocks.ts)
      const long = 'A long article about a breach. '.repeat(1200) + 'Ünïcode ✓ \uD83D\uDE00';
      const texts = Array.from({ length: 40 }, (_, i) => (i % 13 === 5 ? `${long} ${i}` : `batch text ${i}: ${'é'.repeat(i)} ${NASTY_TEXT.slice(0, i * 3)}`));
      const ids = texts.map((_, i) => `blk-${String(i).padStart(3, '0')}`);
      await store.write({ documents: ids.map((id, i) => doc(id, texts[i])), records: ids.map((id, i) => makeRecord(id, 'B1', at(1), `Victim ${i}`)) });
      // every third rewritten with another text and record, twice in one batch (the last wins), then a few once more
      const again = ids.filter((_, i) => i % 3 === 0);
      await store.write({
        documents: [...again.map((id) => doc(id, 'not kept')), ...again.map((id) => doc(id, `rewritten ${id}`))],
        records: again.map((id) => makeRecord(id, 'B1', at(2), `Victim again ${id}`)),
      });
      await store.write({ documents: [doc(ids[0]!, `third ${ids[0]}`)], records: [makeRecord(ids[0]!, 'B1', at(3), 'Third')] });
      const textOf = (i: number) => (i === 0 ? `third ${ids[0]}` : i % 3 === 0 ? `rewritten ${ids[i]}` : texts[i]);
      const victimOf = (i: number) => (i === 0 ? 'Third' : i % 3 === 0 ? `Victim again ${ids[i]}` : `Victim ${i}`);
      for (const [i, id] of ids.entries()) {
        expect((await store.document(id))?.text).toBe(textOf(i));
        expect((await store.record(id, 'B1'))?.fields.victim?.value).toBe(victimOf(i));
        expect((await store.latestRecord(id))?.fields.victim?.value).toBe(victimOf(i));
      }
      const paged = (await collect(store.documentsToRerun('none', { all: true }))).filter((d) => d.id.startsWith('blk-'));
      expect(paged.map((d) => d.text)).toEqual(ids.map((_, i) => textOf(i)));
      const records = (await collect(store.latestRecords({ ruleset: 'B1' }))).filter((r) => r.id.startsWith('blk-'));
      expect(records.map((r) => r.fields.victim?.value)).toEqual(ids.map((_, i) => victimOf(i)));
      const done = await store.done(
        ids.map((id, i) => ({ id, contentHash: contentHash(textOf(i)!) })),
        'B1',
      );
      expect([...done.values()].map((r) => r.fields.victim?.value)).toEqual(ids.map((_, i) => victimOf(i)));
    });

    it('records runs and dead letters', async () => {
      const id = await store.startRun('extract', 'R', new Date(at(1)));
      const dl: DeadLetter = { deadLetter: true, id: null, input: "bad 'file'.txt", stage: 'read', reason: 'invalid-utf8', message: 'not UTF-8', at: at(2) };
      await store.write({ deadLetters: [dl], runId: id });
      await store.finishRun(id, { read: 1, deadLettered: 1 }, new Date(at(3)));
      const run = (await store.runs()).find((r) => r.id === id);
      expect(run).toEqual({ id, command: 'extract', ruleset: 'R', startedAt: at(1), finishedAt: at(3), counts: { read: 1, deadLettered: 1 } });
      expect((await store.deadLetters()).find((d) => d.input === dl.input)).toEqual({ ...dl, runId: id });
    });
  });
}
