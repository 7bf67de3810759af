// Scores records against a gold corpus per field, with the matching rules of shared/corpus/README.md:
// precision, recall, F1 and calibration error (ECE, 10 bins), on all documents and on the answerable
// subset (labels that show up in the text). Its figures must agree with shared/eval/score.mjs.
import { FIELD_NAMES, type FieldName, type IncidentRecord } from '../core/contract/record.ts';
import { FIELDS as FIELD_DESCRIPTORS, type GoldDate, type GoldLabels, type ScoreView } from '../core/fields/index.ts';

export type { GoldDate };
export interface GoldLine {
  id: string;
  text: string;
  gold: GoldLabels;
  meta?: {
    support?: Record<string, boolean | null>;
    victim_alternatives?: string[];
    published?: string;
    title?: string;
    /** Hand-judged gold (news-dev): every field was read for, so null means "the text does not say it". */
    judged?: boolean;
  };
}

export interface FieldScore {
  labelled: number;
  predicted: number;
  correct: number;
  P: number;
  R: number;
  F1: number;
  ECE: number | null;
  negatives?: number;
}
export type Subset = 'all' | 'answerable';
export type ScoreTable = Record<string, FieldScore>;

type Pred = { value: unknown; confidence: number };
type AnyRecord = Pick<IncidentRecord, 'id' | 'fields'>;

const field = (r: AnyRecord | undefined, f: keyof IncidentRecord['fields']): Pred | null => (r?.fields?.[f] as Pred | null) ?? null;
const supported = (g: GoldLine, key: string) => !g.meta?.support || g.meta.support[key] !== false;

interface FieldDef {
  gold(g: GoldLine): unknown;
  supportKey: string;
  pred(r: AnyRecord | undefined): Pred | null;
  ok(p: Pred, gold: never, line: GoldLine): boolean;
}

/** The scorer's views of every field, from the field descriptors, in the record's field order. */
function views(): Record<string, FieldDef> {
  const out: Record<string, FieldDef> = {};
  for (const name of FIELD_NAMES) {
    for (const v of FIELD_DESCRIPTORS[name].score as readonly ScoreView<FieldName>[]) {
      out[v.name] = {
        gold: (g) => v.gold(g.gold),
        supportKey: v.supportKey,
        pred: (r) => {
          const x = field(r, name);
          return x && v.answers(x.value as never) ? x : null;
        },
        ok: (p, g, G) => v.ok(p.value as never, g, G.meta?.victim_alternatives ?? []),
      };
    }
  }
  return out;
}
/** The scorer's views by name (victim, date, date_year, country, …): what each judges and how. */
export const FIELDS = views();

export function ece(pairs: Array<[number | null, boolean]>): number | null {
  const withConf = pairs.filter((p): p is [number, boolean] => p[0] != null);
  if (!withConf.length) return null;
  let e = 0;
  for (let b = 0; b < 10; b++) {
    const bin = withConf.filter(([c]) => Math.min(9, Math.floor(c * 10)) === b);
    if (!bin.length) continue;
    const acc = bin.filter(([, ok]) => ok).length / bin.length;
    const mc = bin.reduce((s, [c]) => s + c, 0) / bin.length;
    e += (bin.length / withConf.length) * Math.abs(acc - mc);
  }
  return e;
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** One scored prediction, for calibration and error analysis. */
export interface Judgement {
  id: string;
  field: string;
  subset: Subset;
  ok: boolean;
  rule?: string;
  confidence: number | null;
}

export interface ScoreResult {
  docs: number;
  missing: number;
  fields: ScoreTable;
  judgements: Judgement[];
}

export function score(gold: readonly GoldLine[], records: Iterable<AnyRecord>): ScoreResult {
  const preds = new Map<string, AnyRecord>();
  for (const r of records) if (r?.id != null) preds.set(String(r.id), r);
  let missing = 0;
  const out: ScoreTable = {};
  const judgements: Judgement[] = [];
  for (const subset of ['all', 'answerable'] as const) {
    for (const [name, F] of Object.entries(FIELDS)) {
      let labelled = 0,
        predicted = 0,
        correct = 0;
      const pairs: Array<[number | null, boolean]> = [];
      for (const G of gold) {
        const g = F.gold(G);
        // judged gold: a null label means the text does not say it, so a value predicted there is a false positive
        const judgedNull = g === undefined && G.meta?.judged === true;
        if (g === undefined && !judgedNull) continue;
        if (subset === 'answerable' && !supported(G, F.supportKey)) continue;
        const rec = preds.get(String(G.id));
        if (!rec && subset === 'all' && name === 'victim') missing++;
        if (!judgedNull) labelled++;
        const p = rec ? F.pred(rec) : null;
        if (!p) continue;
        predicted++;
        const ok = !judgedNull && !!F.ok(p, g as never, G);
        if (ok) correct++;
        const conf = typeof p.confidence === 'number' ? p.confidence : null;
        pairs.push([conf, ok]);
        judgements.push({ id: String(G.id), field: name, subset, ok, rule: (p as { rule?: string }).rule, confidence: conf });
      }
      const P = predicted ? correct / predicted : 0,
        R = labelled ? correct / labelled : 0;
      out[`${subset}.${name}`] = { labelled, predicted, correct, P, R, F1: f1(P, R), ECE: ece(pairs) };
    }
    // ransom demanded: binary over gold demanded true/false
    let tp = 0,
      fp = 0,
      fn = 0,
      tn = 0;
    const pairs: Array<[number | null, boolean]> = [];
    for (const G of gold) {
      if (!G.gold.ransom || G.gold.ransom.demanded == null) continue;
      if (subset === 'answerable' && !supported(G, 'ransom') && G.gold.ransom.demanded) continue;
      const x = field(preds.get(String(G.id)), 'ransom');
      const p = !!(x && (x.value as { demanded?: boolean } | null)?.demanded === true);
      const g = G.gold.ransom.demanded;
      if (p && g) tp++;
      else if (p && !g) fp++;
      else if (!p && g) fn++;
      else tn++;
      if (p) {
        pairs.push([typeof x!.confidence === 'number' ? x!.confidence : null, g]);
        judgements.push({ id: String(G.id), field: 'ransom_demanded', subset, ok: g, rule: (x as { rule?: string }).rule, confidence: x!.confidence });
      }
    }
    const P = tp + fp ? tp / (tp + fp) : 0,
      R = tp + fn ? tp / (tp + fn) : 0;
    out[`${subset}.ransom_demanded`] = { labelled: tp + fn, predicted: tp + fp, correct: tp, negatives: fp + tn, P, R, F1: f1(P, R), ECE: ece(pairs) };
  }
  return { docs: gold.length, missing, fields: out, judgements };
}

const pct = (x: number | null) => (x == null ? '   -' : (100 * x).toFixed(1).padStart(5));

export function formatScores(res: Pick<ScoreResult, 'docs' | 'missing' | 'fields'>): string {
  const lines = [`docs ${res.docs}, records missing ${res.missing}`, 'subset      field            n_gold  n_pred  correct     P     R    F1   ECE'];
  for (const [k, v] of Object.entries(res.fields)) {
    const [s, f] = k.split('.') as [string, string];
    if (!v.labelled && !v.predicted) continue;
    lines.push(
      `${s.padEnd(11)} ${f.padEnd(16)} ${String(v.labelled).padStart(6)} ${String(v.predicted).padStart(7)}` +
        ` ${String(v.correct).padStart(8)} ${pct(v.P)} ${pct(v.R)} ${pct(v.F1)} ${pct(v.ECE)}`,
    );
  }
  return lines.join('\n');
}
