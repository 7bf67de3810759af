// What a rule change did: the records of two rulesets compared per field over the documents both extracted,
// with examples and, given a gold corpus, each field's F1 under both.
import { FIELD_NAMES, type FieldName, type IncidentRecord, type Span } from '../core/contract/record.ts';
import { score, type GoldLine } from '../eval/score.ts';
import type { Store } from './store.ts';

const EXAMPLES = 3;

export type Change = 'added' | 'removed' | 'changed' | 'unchanged';
interface Side {
  value: unknown;
  confidence: number;
  rule: string;
  evidence: Span[];
}
export interface Example {
  id: string;
  from: Side | null;
  to: Side | null;
}

export interface FieldDiff {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Both null under both rulesets. */
  empty: number;
  /** Mean of (to − from) confidence over the documents with a value under both; null when there are none. */
  meanConfidenceShift: number | null;
  examples: Record<Exclude<Change, 'unchanged'>, Example[]>;
}

export interface GoldF1 {
  from: number;
  to: number;
  difference: number;
}

export interface RulesetDiff {
  from: string;
  to: string;
  /** Documents with a record under both rulesets: the ones compared. */
  documents: number;
  onlyFrom: number;
  onlyTo: number;
  /** Documents whose record differs in any field: value, confidence, rule or evidence. */
  changedDocuments: string[];
  fields: Record<FieldName, FieldDiff>;
  gold?: { docs: number; fields: Record<string, GoldF1> };
}

type AnyField = { value: unknown; confidence: number; rule: string; evidence: Span[] } | null;
const side = (f: AnyField): Side | null => (f ? { value: f.value, confidence: f.confidence, rule: f.rule, evidence: f.evidence } : null);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function classify(a: AnyField, b: AnyField): Change | 'empty' {
  if (!a && !b) return 'empty';
  if (!a) return 'added';
  if (!b) return 'removed';
  return same(a.value, b.value) ? 'unchanged' : 'changed';
}

/** The ruleset pair to compare when not given: the two most recently written. */
export async function defaultRulesets(store: Store, from?: string, to?: string): Promise<{ from: string; to: string } | null> {
  const known = (await store.rulesets()).map((r) => r.ruleset);
  const t = to ?? known[0];
  const f = from ?? known.find((r) => r !== t);
  return f && t ? { from: f, to: t } : null;
}

export async function diffRulesets(store: Store, from: string, to: string, gold?: readonly GoldLine[]): Promise<RulesetDiff> {
  const empty = (): FieldDiff => ({
    added: 0,
    removed: 0,
    changed: 0,
    unchanged: 0,
    empty: 0,
    meanConfidenceShift: null,
    examples: { added: [], removed: [], changed: [] },
  });
  const fields = Object.fromEntries(FIELD_NAMES.map((f) => [f, empty()])) as Record<FieldName, FieldDiff>;
  const shift = Object.fromEntries(FIELD_NAMES.map((f) => [f, { sum: 0, n: 0 }])) as Record<FieldName, { sum: number; n: number }>;
  const goldIds = new Set(gold?.map((g) => String(g.id)));
  const scored: { from: IncidentRecord[]; to: IncidentRecord[] } = { from: [], to: [] };
  const changedDocuments: string[] = [];
  let documents = 0;

  for await (const pair of store.recordPairs(from, to)) {
    documents++;
    let differs = false;
    for (const f of FIELD_NAMES) {
      const a = pair.from.fields[f] as AnyField;
      const b = pair.to.fields[f] as AnyField;
      const kind = classify(a, b);
      const d = fields[f];
      d[kind]++;
      if (a && b) {
        shift[f].sum += b.confidence - a.confidence;
        shift[f].n++;
      }
      if (!same(side(a), side(b))) differs = true;
      if (kind !== 'unchanged' && kind !== 'empty' && d.examples[kind].length < EXAMPLES) d.examples[kind].push({ id: pair.id, from: side(a), to: side(b) });
    }
    if (differs) changedDocuments.push(pair.id);
    if (goldIds.has(pair.id)) {
      scored.from.push(pair.from);
      scored.to.push(pair.to);
    }
  }
  for (const f of FIELD_NAMES) fields[f].meanConfidenceShift = shift[f].n ? shift[f].sum / shift[f].n : null;

  const counts = new Map((await store.rulesets()).map((r) => [r.ruleset, r.records]));
  const result: RulesetDiff = {
    from,
    to,
    documents,
    onlyFrom: (counts.get(from) ?? 0) - documents,
    onlyTo: (counts.get(to) ?? 0) - documents,
    changedDocuments,
    fields,
  };
  if (gold) {
    // scored on the gold documents both rulesets extracted, so the two columns compare like with like
    const both = new Set(scored.from.map((r) => r.id));
    const lines = gold.filter((g) => both.has(String(g.id)));
    const a = score(lines, scored.from).fields;
    const b = score(lines, scored.to).fields;
    result.gold = {
      docs: lines.length,
      fields: Object.fromEntries(
        Object.keys(a)
          .filter((k) => k.startsWith('all.'))
          .map((k) => {
            const x = a[k]!.F1,
              y = b[k]!.F1;
            return [k.slice(4), { from: x, to: y, difference: y - x }];
          }),
      ),
    };
  }
  return result;
}
