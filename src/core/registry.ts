// Finds every rule under extractors/: adding a rule is adding one file. The rule id is its path.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../config.ts';
import type { AnalysedDoc } from './analyse/analyse.ts';
import { FIELD_NAMES, type FieldName } from './contract/record.ts';
import type { Candidate, Rule, RuleSpec } from './rule.ts';

const EXTRACTORS_DIR = path.join(REPO_ROOT, 'extractors/');

function ruleFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...ruleFiles(dir, r));
    else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) out.push(r);
  }
  return out.sort();
}

function isRuleSpec(x: unknown): x is RuleSpec {
  const r = x as RuleSpec | undefined;
  return !!r && typeof r.propose === 'function' && FIELD_NAMES.includes(r.field) && Array.isArray(r.examples);
}

export async function loadRules(dir: string = EXTRACTORS_DIR): Promise<Rule[]> {
  const rules: Rule[] = [];
  for (const file of ruleFiles(dir)) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    const id = file.replace(/\.ts$/, '');
    if (!isRuleSpec(mod.default)) throw new Error(`extractors/${file}: default export is not a rule (defineRule({...}))`);
    const field = id.split('/')[0] as FieldName;
    if (mod.default.field !== field) throw new Error(`extractors/${file}: rule for '${mod.default.field}' lives under '${field}/'`);
    rules.push({ ...mod.default, id } as Rule);
  }
  return rules;
}

/** Runs one rule; a rule that throws is a bug, reported as a warning rather than losing the document. */
export function runRule(rule: Rule, doc: AnalysedDoc, warnings?: string[]): Candidate[] {
  try {
    const out: Candidate[] = [];
    for (const p of rule.propose(doc)) out.push({ ...p, field: rule.field, rule: rule.id } as Candidate);
    return out;
  } catch (err) {
    warnings?.push(`rule ${rule.id} failed: ${(err as Error).message}`);
    return [];
  }
}
