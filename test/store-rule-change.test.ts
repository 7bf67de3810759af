// A rule change seen through the store: one rule is changed in a temporary copy of the rules, documents are
// extracted under both rulesets into a store, and diff must name exactly the documents that rule touches.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';
import { goldToRaw, readGold } from '../src/eval/gold.ts';
import { loadFixtures } from '../src/eval/fixtures.ts';
import { DEV_CORPORA, REPO_ROOT } from '../src/eval/paths.ts';
import { normaliseText, type RawDocument } from '../src/core/document.ts';
import { loadCalibration } from '../src/core/calibration.ts';
import { processDocument, propose } from '../src/core/extract.ts';
import { loadRules } from '../src/core/registry.ts';
import { rulesetVersion } from '../src/core/ruleset.ts';
import { storedForm } from '../src/sinks/store.ts';
import { diffRulesets } from '../src/store/diff.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';

const RULE = 'serverCount/counted-servers';
const tmp = mkdtempSync(path.join(tmpdir(), 'ie-rules-'));

/** A root with a copy of the rules, calibration and package.json; src/ and node_modules/ are links. */
function copyRoot(): string {
  for (const d of ['extractors', 'calibration']) cpSync(path.join(REPO_ROOT, d), path.join(tmp, d), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'package.json'), path.join(tmp, 'package.json'));
  for (const d of ['src', 'node_modules']) symlinkSync(path.join(REPO_ROOT, d), path.join(tmp, d));
  return tmp;
}

// The change: the rule proposes nothing any more (its examples and id stay).
function disable(file: string): void {
  const src = readFileSync(file, 'utf8');
  expect(src).toContain('export default defineRule(');
  writeFileSync(file, src.replace('export default defineRule(', 'const original = defineRule(') + '\nexport default { ...original, propose: () => [] };\n');
}

/** The fixture articles and the first VCDB dev texts, each with an id (files have none: content id). */
async function documents(): Promise<RawDocument[]> {
  const fixtures = (await loadFixtures()).map((f) => ({ ...f.raw, id: f.raw.id ?? storedForm(f.raw, f.file).id }));
  return [...fixtures, ...readGold(DEV_CORPORA.vcdb).slice(0, 100).map(goldToRaw)];
}

describe('diff after a rule change', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openSqliteStore(path.join(tmp, 'store.db'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('changing one rule changes the ruleset, and diff shows exactly the documents that rule touched', async () => {
    const root = copyRoot();
    const calibration = loadCalibration();
    const before = { rules: await loadRules(path.join(REPO_ROOT, 'extractors')), ruleset: rulesetVersion(REPO_ROOT), calibration };
    disable(path.join(root, 'extractors', `${RULE}.ts`));
    const after = { rules: await loadRules(path.join(root, 'extractors')), ruleset: rulesetVersion(root), calibration };
    expect(after.ruleset).not.toBe(before.ruleset);
    expect(after.rules.map((r) => r.id)).toEqual(before.rules.map((r) => r.id));

    const docs = await documents();
    const rule = before.rules.find((r) => r.id === RULE)!;
    // the documents where the rule proposes anything: those, and only those, can change
    const touched = docs
      .filter((raw) => propose([rule], analyse({ id: raw.id!, text: normaliseText(raw.text), title: raw.title, publishedAt: raw.publishedAt })).length > 0)
      .map((raw) => raw.id!)
      .sort();
    expect(touched.length).toBeGreaterThan(0);

    for (const ctx of [before, after]) {
      const records = [];
      for (const raw of docs) {
        const r = processDocument(raw, ctx);
        if (r.ok) records.push(r.record);
      }
      await store.write({ documents: docs.map((raw) => storedForm(raw, 'test')), records });
    }
    // the documents whose record shows the rule's work: it won the field, or is listed among the alternatives
    const cited: string[] = [];
    for await (const r of store.latestRecords({ ruleset: before.ruleset })) {
      const f = r.fields.serverCount;
      if (f && (f.rule === RULE || f.alternatives?.some((a) => a.rule === RULE))) cited.push(r.id);
    }
    const d = await diffRulesets(store, before.ruleset, after.ruleset);
    expect(d.documents).toBe(docs.length);
    const changed = [...d.changedDocuments].sort();
    expect(changed).toEqual(cited.sort());
    // and nothing outside the rule's reach moved: a rule whose candidates lost everywhere changes nothing
    expect(changed.every((id) => touched.includes(id))).toBe(true);
    expect(d.fields.serverCount.removed).toBeGreaterThan(0);
    for (const f of ['victim', 'date', 'location', 'ransom', 'origin'] as const) expect(d.fields[f].changed + d.fields[f].added + d.fields[f].removed).toBe(0);
    const ex = d.fields.serverCount.examples.removed[0]!;
    expect(ex.from?.rule).toBe(RULE);
    expect(ex.to).toBeNull();
  });
});
