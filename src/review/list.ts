// The list page's data: stored documents with their record under a ruleset, filtered and sorted; documents
// whose record changed between two rulesets (store/diff.ts's classify), with both values and evidences.
import { FIELD_NAMES, type FieldName, type IncidentRecord, type Span } from '../core/contract/record.ts';
import { classify, type Change } from '../store/diff.ts';
import type { Store } from '../store/store.ts';

export const SORTS = ['confidence', 'id', 'victim', 'date'] as const;
export type Sort = (typeof SORTS)[number];

export interface ListQuery {
  ruleset?: string;
  sort: Sort;
  desc: boolean;
  /** Confidence range of the chosen field (else of the record's lowest field). */
  min?: number;
  max?: number;
  /** Only records with a value for this field; confidence filters and sorting then use its confidence. */
  field?: FieldName;
  /** Only records where some field's winning rule contains this. */
  rule?: string;
  /** Only documents whose record differs from this ruleset's (needs a record under both). */
  changedFrom?: string;
}

export interface Side {
  value: unknown;
  confidence: number;
  rule: string;
  evidence: Span[];
}
export interface FieldChange {
  field: FieldName;
  kind: Exclude<Change, 'unchanged'>;
  from: Side | null;
  to: Side | null;
}

export interface ListRow {
  id: string;
  title: string | null;
  record: IncidentRecord;
  /** The lowest confidence over the record's fields (of the chosen field when filtering by one), null when it has none. */
  confidence: number | null;
  lowestField: FieldName | null;
  changes: FieldChange[];
}

type AnyField = (Side & { alternatives?: unknown }) | null;
const side = (f: AnyField): Side | null => (f ? { value: f.value, confidence: f.confidence, rule: f.rule, evidence: f.evidence } : null);

/** Per-field value changes between two records (store/diff.ts's classification); fields empty or unchanged are left out. */
function changesOf(from: IncidentRecord, to: IncidentRecord): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of FIELD_NAMES) {
    const a = from.fields[f] as AnyField,
      b = to.fields[f] as AnyField;
    const kind = classify(a, b);
    if (kind !== 'unchanged' && kind !== 'empty') out.push({ field: f, kind, from: side(a), to: side(b) });
  }
  return out;
}

function lowest(r: IncidentRecord, field?: FieldName): { confidence: number | null; field: FieldName | null } {
  let best: { confidence: number | null; field: FieldName | null } = { confidence: null, field: null };
  for (const f of field ? [field] : FIELD_NAMES) {
    const x = r.fields[f];
    if (x && (best.confidence == null || x.confidence < best.confidence)) best = { confidence: x.confidence, field: f };
  }
  return best;
}

const sortKey = (row: ListRow, sort: Sort): string | number => {
  if (sort === 'confidence') return row.confidence ?? -1;
  if (sort === 'victim') return String(row.record.fields.victim?.value ?? '').toLowerCase();
  if (sort === 'date') return String(row.record.fields.date?.value ?? '');
  return row.id;
};

export async function listRows(store: Store, q: ListQuery): Promise<ListRow[]> {
  const ruleset = q.ruleset;
  const previous = new Map<string, IncidentRecord>();
  if (q.changedFrom && ruleset) for await (const p of store.recordPairs(q.changedFrom, ruleset)) previous.set(p.id, p.from);
  const rows: ListRow[] = [];
  for await (const r of store.latestRecords(ruleset ? { ruleset } : {})) {
    if (q.field && !r.fields[q.field]) continue;
    if (q.rule && !FIELD_NAMES.some((f) => r.fields[f]?.rule.includes(q.rule!))) continue;
    const low = lowest(r, q.field);
    if (q.min != null && (low.confidence == null || low.confidence < q.min)) continue;
    if (q.max != null && (low.confidence == null || low.confidence > q.max)) continue;
    let changes: FieldChange[] = [];
    if (q.changedFrom) {
      const old = previous.get(r.id);
      if (!old) continue;
      changes = changesOf(old, r).filter((c) => !q.field || c.field === q.field);
      if (!changes.length) continue;
    }
    rows.push({ id: r.id, title: r.source.title ?? null, record: r, confidence: low.confidence, lowestField: low.field, changes });
  }
  const dir = q.desc ? -1 : 1;
  rows.sort((a, b) => {
    const x = sortKey(a, q.sort),
      y = sortKey(b, q.sort);
    return x < y ? -dir : x > y ? dir : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return rows;
}

/** Stored confidences per field, for the distribution plots. */
export async function confidences(store: Store, ruleset?: string): Promise<Record<FieldName, number[]>> {
  const out = Object.fromEntries(FIELD_NAMES.map((f) => [f, [] as number[]])) as Record<FieldName, number[]>;
  for await (const r of store.latestRecords(ruleset ? { ruleset } : {})) {
    for (const f of FIELD_NAMES) if (r.fields[f]) out[f].push(r.fields[f]!.confidence);
  }
  return out;
}
