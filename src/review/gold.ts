// Corrections as a gold corpus (shared/corpus/README.md format), so `eval --gold` scores the next ruleset
// against what people corrected. A document whose every field was reviewed is judged: its nulls mean the
// text does not say it; elsewhere a field nobody reviewed is null, i.e. not labelled.
import { FIELD_NAMES } from '../core/contract/record.ts';
import type { GoldDate, GoldLine } from '../eval/score.ts';
import type { Correction, Store } from '../store/store.ts';
import { latestByField } from './corrections.ts';

type Obj = Record<string, unknown> | null;

const dateOf = (v: unknown): GoldDate | null => {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(v ?? ''));
  return m ? { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null } : null;
};

export interface CorrectionGoldLine extends GoldLine {
  source: string;
  gold: GoldLine['gold'] & { location_text: string | null };
  meta: NonNullable<GoldLine['meta']> & { judged: boolean; reviewed: string[]; corrects: string[]; origin_actor?: string | null; url?: string };
}

/** One gold line from a document and the latest correction of each of its fields. */
export function goldLine(doc: { id: string; text: string; meta: Record<string, unknown> }, cs: readonly Correction[]): CorrectionGoldLine {
  const by = latestByField(cs);
  const v = (f: string) => (by.has(f) ? by.get(f)!.value : undefined);
  const loc = v('location') as Obj | undefined;
  const origin = v('origin') as Obj | undefined;
  const ransom = v('ransom') as Obj | undefined;
  const judged = FIELD_NAMES.every((f) => by.has(f));
  const str = (x: unknown) => (typeof x === 'string' ? x : null);
  return {
    id: doc.id,
    source: 'review',
    text: doc.text,
    gold: {
      victim: str(v('victim')),
      date: dateOf(v('date')),
      country: str(loc?.country),
      location_text: str(loc?.city) ?? str(loc?.region),
      server_count: typeof v('serverCount') === 'number' ? (v('serverCount') as number) : null,
      // LABELLING.md: demanded is false when the article reports no demand, which "not in the text" says
      ransom: ransom ? (ransom as GoldLine['gold']['ransom']) : by.has('ransom') ? { demanded: false, amount: null, currency: null } : null,
      origin_country: str(origin?.country),
    },
    meta: {
      judged,
      reviewed: FIELD_NAMES.filter((f) => by.has(f)),
      corrects: [...new Set([...by.values()].map((c) => c.ruleset))],
      ...(origin !== undefined ? { origin_actor: str(origin?.actor) } : {}),
      ...(typeof doc.meta.title === 'string' ? { title: doc.meta.title } : {}),
      ...(typeof doc.meta.publishedAt === 'string' ? { published: doc.meta.publishedAt } : {}),
      ...(typeof doc.meta.uri === 'string' ? { url: doc.meta.uri } : {}),
    },
  };
}

/** Every corrected document as a gold line, by document id. */
export async function* correctionsGold(store: Store): AsyncGenerator<CorrectionGoldLine> {
  const byDoc = new Map<string, Correction[]>();
  for (const c of await store.corrections()) {
    const list = byDoc.get(c.documentId) ?? [];
    list.push(c);
    byDoc.set(c.documentId, list);
  }
  for (const id of [...byDoc.keys()].sort()) {
    const doc = await store.document(id);
    if (doc) yield goldLine(doc, byDoc.get(id)!);
  }
}
