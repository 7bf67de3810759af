// The contract both runners pass: the same documents give the same records (ignoring extractedAt) and
// the same dead letters as calling the processor directly, each document exactly once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome, OutcomeSink, Runner, WorkItem } from '../queues/runner.ts';
import { LIMITS } from '../src/config.ts';
import { createExtractor } from '../src/core/engine.ts';
import { PROCESSOR } from '../src/cli/runners.ts';

export { PROCESSOR };

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function contractItems(): WorkItem[] {
  const items: WorkItem[] = readdirSync(FIXTURES)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => ({ raw: { id: `fx-${f}`, text: readFileSync(path.join(FIXTURES, f), 'utf8') }, input: f }));
  items.push(
    { raw: { id: 'bad-empty', text: '  \n ' }, input: 'bad-empty' },
    // just over the character limit (the same as the byte limit): too-large
    { raw: { id: 'bad-huge', text: 'ransomware '.repeat(Math.ceil(LIMITS.maxTextChars / 11) + 1) }, input: 'bad-huge' },
    { raw: { text: 'Hackers hit the city of Dallas in May 2023; no id given, so the content hash is its id.' }, input: 'no-id' },
  );
  return items;
}

const strip = (o: Outcome) => {
  if (o.kind === 'record') {
    const { extractedAt: _, ...r } = o.record;
    return { kind: 'record', ...r };
  }
  if (o.kind === 'dead') {
    const { at: _, message: __, ...d } = o.deadLetter;
    return { kind: 'dead', ...d };
  }
  return o;
};
const key = (o: ReturnType<typeof strip>) => JSON.stringify(o);

export function runnerContract(name: string, make: (sink: OutcomeSink) => Promise<Runner>, after?: () => Promise<void>): void {
  describe(`runner contract: ${name}`, () => {
    const items = contractItems();
    const got: Outcome[] = [];
    let expected: string[] = [];

    beforeAll(async () => {
      const ex = await createExtractor();
      expected = items
        .map((i) => {
          const r = ex.process(i.raw, i.input);
          return key(strip(r.ok ? { kind: 'record', record: r.record } : { kind: 'dead', deadLetter: r.deadLetter }));
        })
        .sort();
      const runner = await make((o) => {
        got.push(o);
      });
      try {
        for (const item of items) await runner.submit(item);
        await runner.drain();
      } finally {
        await runner.close();
      }
    }, 120_000);
    afterAll(async () => {
      await after?.();
    });

    it('answers every document exactly once', () => {
      expect(got).toHaveLength(items.length);
      const ids = got.map((o) => (o.kind === 'record' ? o.record.id : o.kind === 'dead' ? o.deadLetter.id : o.id));
      expect(new Set(ids).size).toBe(items.length);
    });

    it('gives the same records and dead letters as the processor itself (set-equal, ignoring extractedAt)', () => {
      expect(got.map((o) => key(strip(o))).sort()).toEqual(expected);
    });
  });
}
