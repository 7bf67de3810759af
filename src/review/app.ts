// What the review pages show, whoever serves them: the live server (server.ts) or `--static DIR` (static.ts).
import path from 'node:path';
import type { IncidentRecord } from '../core/contract/record.ts';
import { score, type GoldLine, type Judgement } from '../eval/score.ts';
import type { Store } from '../store/store.ts';
import { confidences, listRows, type ListQuery } from './list.ts';
import { docPage } from './pages/doc-page.ts';
import { page, type Links } from './pages/layout.ts';
import { deadPage, listPage } from './pages/list-page.ts';
import { plotsPage } from './pages/plots-page.ts';

export interface ReviewSource {
  store: Store;
  /** The ruleset whose records are shown (default: each document's latest). */
  ruleset?: string;
  gold?: { path: string; lines: GoldLine[] };
  /** Extracts what the store lacks for the calibration plot (the gold texts under the current rules). */
  extractGold?: (gold: GoldLine[]) => Promise<IncidentRecord[]>;
}

const LIST_LIMIT = 500;

export class ReviewApp {
  private judged: Promise<Judgement[] | null> | null = null;
  constructor(readonly src: ReviewSource) {}

  async rulesets(): Promise<string[]> {
    return (await this.src.store.rulesets()).map((r) => r.ruleset);
  }

  /** The ruleset the "changed" link compares against: the one before the shown ruleset, if any. */
  async previousRuleset(ruleset?: string): Promise<string | undefined> {
    const all = await this.rulesets();
    const to = ruleset ?? all[0];
    return all.find((r) => r !== to);
  }

  async list(links: Links, q: ListQuery, opts: { static?: boolean } = {}): Promise<string> {
    const query = { ...q, ruleset: q.ruleset ?? this.src.ruleset };
    if (query.changedFrom && !query.ruleset) query.ruleset = (await this.rulesets())[0];
    const rows = await listRows(this.src.store, query);
    return page(links, 'Records', listPage(links, query, rows, await this.rulesets(), { ...opts, limit: LIST_LIMIT }), {
      changedFrom: await this.previousRuleset(query.ruleset),
    });
  }

  async dead(links: Links): Promise<string> {
    const letters = await this.src.store.deadLetters();
    const stored = new Set<string>();
    for (const d of letters) if (d.id && !stored.has(d.id) && (await this.src.store.document(d.id))) stored.add(d.id);
    return page(links, 'Dead letters', deadPage(links, letters, stored), { changedFrom: await this.previousRuleset(this.src.ruleset) });
  }

  /** null when the store has no such document. */
  async doc(links: Links, id: string, ruleset?: string): Promise<string | null> {
    const store = this.src.store;
    const doc = await store.document(id);
    if (!doc) return null;
    const rs = ruleset ?? this.src.ruleset;
    const record = rs ? await store.record(id, rs) : await store.latestRecord(id);
    const title = typeof doc.meta.title === 'string' ? doc.meta.title : id;
    return page(links, title, docPage(links, doc, record, await store.corrections(id)), { changedFrom: await this.previousRuleset(rs) });
  }

  async plots(links: Links): Promise<string> {
    const judgements = await (this.judged ??= this.judge());
    return page(
      links,
      'Plots',
      plotsPage({
        goldName: this.src.gold ? path.basename(this.src.gold.path) : null,
        judgements,
        confidences: await confidences(this.src.store, this.src.ruleset),
      }),
    );
  }

  /** eval's judgements on the gold file: the stored records of its documents, extracted anew where the store has none. */
  private async judge(): Promise<Judgement[] | null> {
    const gold = this.src.gold?.lines;
    if (!gold) return null;
    const records: IncidentRecord[] = [];
    const missing: GoldLine[] = [];
    for (const g of gold) {
      const id = String(g.id);
      const r = this.src.ruleset ? await this.src.store.record(id, this.src.ruleset) : await this.src.store.latestRecord(id);
      if (r) records.push(r);
      else missing.push(g);
    }
    if (missing.length && this.src.extractGold) records.push(...(await this.src.extractGold(missing)));
    return score(gold, records).judgements;
  }
}
