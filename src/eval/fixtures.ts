// The hand-written fixtures: each article beside its `<name>.expected.json` ({ fields: { … } }).
// Positives name all six fields; negatives under negative/ name only the fields that must be null.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../config.ts';
import type { FieldName, FieldValue } from '../core/contract/record.ts';
import { readInputs } from '../ingest/read.ts';
import type { RawDocument } from '../core/document.ts';

const FIXTURES_DIR = path.join(PACKAGE_ROOT, 'fixtures/');
const EXPECTED = '.expected.json';

export interface Fixture {
  name: string;
  file: string;
  negative: boolean;
  raw: RawDocument;
  expected: Partial<{ [K in FieldName]: FieldValue[K] | null }>;
}

function articleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    // fixtures/incidents/ is the incident-grouping gold set (src/incidents), not extraction fixtures
    if (e.isDirectory() && e.name === 'incidents') continue;
    if (e.isDirectory()) out.push(...articleFiles(p));
    else if (!e.name.endsWith(EXPECTED) && !e.name.startsWith('.')) out.push(p);
  }
  return out.sort();
}

export async function loadFixtures(dir = FIXTURES_DIR): Promise<Fixture[]> {
  const out: Fixture[] = [];
  for (const file of articleFiles(dir)) {
    const expectedFile = file.replace(/\.[^./]+$/, EXPECTED);
    if (!existsSync(expectedFile)) throw new Error(`${file}: no ${path.basename(expectedFile)} beside it`);
    const { fields } = JSON.parse(readFileSync(expectedFile, 'utf8')) as { fields: Fixture['expected'] };
    for await (const item of readInputs([file])) {
      if (item.kind !== 'doc') throw new Error(`${file}: ${item.deadLetter.reason}: ${item.deadLetter.message}`);
      const name = path.relative(dir, file);
      out.push({ name, file, negative: name.startsWith(`negative${path.sep}`), raw: item.raw, expected: fields });
    }
  }
  return out;
}
