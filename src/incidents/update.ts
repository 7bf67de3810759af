// The store's incidents kept up to date: records placed as they are written (extract), every latest record
// grouped again after `rerun`.
import type { IncidentRecord } from '../core/contract/record.ts';
import type { Store } from '../store/store.ts';
import { toArticle } from './article.ts';

/**
 * Places freshly written records. `texts`: the documents' text when the caller has it (else read from the
 * store), for the acronyms an article defines.
 */
export async function addToIncidents(store: Store, records: readonly IncidentRecord[], texts: ReadonlyMap<string, string> = new Map()): Promise<void> {
  if (!records.length) return;
  const articles = [];
  for (const r of records) {
    const text = texts.get(r.id) ?? (r.fields.victim ? ((await store.document(r.id))?.text ?? null) : null);
    articles.push(toArticle(r, text));
  }
  await store.incidents.add(articles);
}

/** Groups the latest record of every stored document again; old incident ids stay as ids or aliases. */
export async function rebuildIncidents(store: Store): Promise<{ incidents: number; aliases: number }> {
  const articles = [];
  for await (const r of store.latestRecords()) {
    articles.push(toArticle(r, r.fields.victim ? ((await store.document(r.id))?.text ?? null) : null));
  }
  return store.incidents.rebuild(articles);
}
