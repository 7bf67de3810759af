// The store's incidents kept up to date: records placed as they are written (extract), every latest record
// grouped again after `rerun`.
import type { IncidentRecord } from '../core/contract/record.ts';
import type { Store } from '../store/store.ts';
import { toArticle, type Article } from './article.ts';

/**
 * The articles of freshly written records, to place among the incidents. `texts`: the documents' text when the
 * caller has it (else read from the store), for the acronyms an article defines.
 */
export async function articlesOf(store: Store, records: readonly IncidentRecord[], texts: ReadonlyMap<string, string> = new Map()): Promise<Article[]> {
  const articles = [];
  for (const r of records) {
    const text = texts.get(r.id) ?? (r.fields.victim ? ((await store.document(r.id))?.text ?? null) : null);
    articles.push(toArticle(r, text));
  }
  return articles;
}

/** Places records written before (extract places them with their write: Batch.incidents). */
export async function addToIncidents(store: Store, records: readonly IncidentRecord[], texts: ReadonlyMap<string, string> = new Map()): Promise<void> {
  if (records.length) await store.incidents.add(await articlesOf(store, records, texts));
}

/** Groups the latest record of every stored document again; old incident ids stay as ids or aliases. */
export async function rebuildIncidents(store: Store): Promise<{ incidents: number; aliases: number }> {
  const articles = [];
  for await (const r of store.latestRecords()) {
    articles.push(toArticle(r, r.fields.victim ? ((await store.document(r.id))?.text ?? null) : null));
  }
  return store.incidents.rebuild(articles);
}
