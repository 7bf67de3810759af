// Incidents in the store: placed one article at a time as records arrive (reading only the candidate incidents
// that share a victim key, never the other articles), rebuilt from every latest record on `rerun`.
import type { Db, Param, Queries } from '../store/db.ts';
import { packerFor, unpack } from '../store/pack.ts';
import { storageKey } from '../store/store.ts';
import type { Article } from './article.ts';
import { monthOf } from './dates.ts';
import { groupArticles, joinOrMerge, type Placement } from './group.ts';
import { baseIncidentId, removeArticle, startIncident, type Incident } from './incident.ts';
import { assignIds } from './stable-ids.ts';

export type Serial = <T>(fn: (q: Queries) => Promise<T>) => Promise<T>;

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const PAGE = 500;
const parse = (v: unknown) => JSON.parse(unpack('incident', v)) as Incident;
/** How a dialect writes: an incident's JSON (SQLite: deflated, pack.ts), and whether a source row keeps when it joined (SQLite: no, migration 6). */
interface Writer {
  pack: (json: string) => Param;
  joinedAt: boolean;
}
const UPSERT_ALIAS = 'INSERT INTO incident_aliases (alias, incident_id) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET incident_id = excluded.incident_id';

async function load(q: Queries, ids: readonly string[]): Promise<Incident[]> {
  const out: Incident[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const page = ids.slice(i, i + PAGE);
    const rows = await q.all(`SELECT incident FROM incidents WHERE id IN (${marks(page.length)}) ORDER BY id`, page);
    out.push(...rows.map((r) => parse(r.incident)));
  }
  return out;
}

/**
 * The rows of an incident that changed. `only`: the source, name and alias rows to write (what an article and the
 * incidents it absorbed brought; the others are stored already under this id), else every one of them. Writing
 * all of an incident's sources each time an article joins made a stream quadratic in its incidents' size.
 */
async function save(q: Queries, w: Writer, inc: Incident, at: string, only?: Pick<Incident, 'sources' | 'names' | 'aliases'>): Promise<void> {
  await q.run(
    `INSERT INTO incidents (id, victim, sources, incident, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET victim = excluded.victim, sources = excluded.sources, incident = excluded.incident, updated_at = excluded.updated_at`,
    [inc.id, inc.victim, inc.sources.length, w.pack(JSON.stringify(inc)), at],
  );
  const rows = only ?? inc;
  for (const s of rows.sources) {
    await q.run(
      w.joinedAt
        ? `INSERT INTO incident_sources (document_id, incident_id, joined_at) VALUES (?, ?, ?)
      ON CONFLICT (document_id) DO UPDATE SET incident_id = excluded.incident_id`
        : `INSERT INTO incident_sources (document_id, incident_id) VALUES (?, ?)
      ON CONFLICT (document_id) DO UPDATE SET incident_id = excluded.incident_id`,
      w.joinedAt ? [storageKey(s.articleId), inc.id, at] : [storageKey(s.articleId), inc.id],
    );
  }
  for (const k of rows.names) {
    await q.run('INSERT INTO incident_names (name_key, incident_id) VALUES (?, ?) ON CONFLICT DO NOTHING', [k, inc.id]);
  }
  for (const a of rows.aliases) {
    await q.run(UPSERT_ALIAS, [a, inc.id]);
  }
}

/** Removes an incident whose articles all went elsewhere; its id stays, as an alias of `into` when there is one. */
async function retire(q: Queries, id: string, into: string | null): Promise<void> {
  await q.run('DELETE FROM incident_names WHERE incident_id = ?', [id]);
  if (into) await q.run('UPDATE incident_aliases SET incident_id = ? WHERE incident_id = ?', [into, id]);
  else await q.run('DELETE FROM incident_aliases WHERE incident_id = ?', [id]);
  await q.run('DELETE FROM incident_sources WHERE incident_id = ?', [id]);
  await q.run('DELETE FROM incidents WHERE id = ?', [id]);
  if (into) await q.run(UPSERT_ALIAS, [id, into]);
}

export class IncidentStore {
  private readonly w: Writer;
  /** Incident ids and aliases that start with a base id (freeId's -2, -3…). */
  private readonly takenIds: string;
  private readonly takenParams: (base: string) => Param[];

  constructor(
    private readonly db: Db,
    private readonly serial: Serial,
  ) {
    const pack = packerFor(db.dialect);
    this.w = { pack: (json) => pack('incident', json), joinedAt: db.dialect !== 'sqlite' };
    // SQLite's LIKE ignores case, so it cannot use the primary keys and read every incident for each article placed;
    // ids are ASCII (baseIncidentId), so those starting with the base are the range [base, base + DEL).
    const sqlite = db.dialect === 'sqlite';
    const cond = (col: string) => (sqlite ? `${col} >= ? AND ${col} < ?` : `${col} LIKE ?`);
    this.takenIds = `SELECT id FROM incidents WHERE ${cond('id')} UNION SELECT alias FROM incident_aliases WHERE ${cond('alias')}`;
    this.takenParams = sqlite ? (base) => [base, `${base}\x7f`, base, `${base}\x7f`] : (base) => [`${base}%`, `${base}%`];
  }

  /** Places each article (in order) among the stored incidents; one transaction. Articles without a victim are skipped. */
  add(articles: readonly Article[], at = new Date()): Promise<void> {
    return this.serial((q) => this.placeIn(q, articles, at));
  }

  /**
   * `add` within the caller's transaction (the store's write of the same records: one commit for both). The incident
   * each article was in is read for the whole batch in one query, then kept as the placements move it.
   */
  async placeIn(q: Queries, articles: readonly Article[], at = new Date()): Promise<void> {
    const stamp = at.toISOString();
    const was = new Map<string, string>();
    const keys = [...new Set(articles.map((a) => storageKey(a.id)))];
    for (let i = 0; i < keys.length; i += PAGE) {
      const page = keys.slice(i, i + PAGE);
      const rows = await q.all(`SELECT document_id, incident_id FROM incident_sources WHERE document_id IN (${marks(page.length)})`, page);
      for (const r of rows) was.set(String(r.document_id), String(r.incident_id));
    }
    for (const a of articles) await this.addOne(q, a, stamp, was);
  }

  /** `was`: document key → its incident, for the batch's articles; kept up to date as sources move. */
  private async addOne(q: Queries, a: Article, at: string, was: Map<string, string>): Promise<void> {
    // a record that changed leaves the incident it was in first, then is placed again
    const key = storageKey(a.id);
    const wasIn = was.get(key);
    let left: Incident | null = null;
    if (wasIn !== undefined) {
      const [prev] = await load(q, [wasIn]);
      if (prev) {
        left = removeArticle(prev, a.id);
        await q.run('DELETE FROM incident_sources WHERE document_id = ?', [key]);
        was.delete(key);
        // only the incident's own row changed: its other sources, names and aliases stay as they are
        await save(q, this.w, left, at, { sources: [], names: [], aliases: [] });
      }
    }
    const retireIn = async (id: string, into: string | null) => {
      await retire(q, id, into);
      for (const [k, v] of was) if (v === id) was.delete(k);
    };
    if (!a.keys.length) {
      if (left && !left.sources.length) await retireIn(left.id, null);
      return;
    }
    const rows = await q.all(
      `SELECT incident FROM incidents WHERE id IN (SELECT incident_id FROM incident_names WHERE name_key IN (${marks(a.keys.length)})) ORDER BY id`,
      a.keys,
    );
    const candidates = rows.map((r) => parse(r.incident)).filter((c) => c.sources.length);
    // the ids taken are read only when the article starts an incident of its own
    const p = joinOrMerge(a, candidates) ?? (await this.start(q, a, left));
    // new rows: the article's, and those of the incidents it absorbed (now under this id); the rest are stored
    const sources = [...p.incident.sources.filter((s) => s.articleId === a.id), ...p.absorbed.flatMap((g) => g.sources)];
    // the name rows of the incident joined are there already (names only grow, each saved as it came)
    const named = new Set(candidates.find((c) => c.id === p.incident.id)?.names);
    await save(q, this.w, p.incident, at, {
      sources,
      names: [...a.keys.filter((k) => !named.has(k)), ...p.absorbed.flatMap((g) => g.names)],
      aliases: p.absorbed.flatMap((g) => [g.id, ...g.aliases]),
    });
    for (const s of sources) if (was.has(storageKey(s.articleId)) || s.articleId === a.id) was.set(storageKey(s.articleId), p.incident.id);
    for (const gone of p.absorbed) await retireIn(gone.id, p.incident.id);
    if (left && left.id !== p.incident.id && !left.sources.length) await retireIn(left.id, p.incident.id);
  }

  /** A new incident of one article, under the first id free; `left`: the incident it left, whose id it may take again. */
  private async start(q: Queries, a: Article, left: Incident | null): Promise<Placement> {
    const base = baseIncidentId(a.keys[0]!, monthOf(a.incidentDate) ?? monthOf(a.publishedAt));
    const taken = new Set((await q.all(this.takenIds, this.takenParams(base))).map((r) => String(r.id)));
    // an article that was alone in its incident (a re-extraction) may start it again under the same id
    const reusable = left && !left.sources.length ? left.id : null;
    return { incident: startIncident(a, (id) => taken.has(id) && id !== reusable), absorbed: [] };
  }

  /**
   * Groups every article again (after `rerun`). Old ids live on: each new incident takes the id most of its
   * articles had; ids no incident takes any more resolve, as aliases, to where most of their articles went.
   */
  async rebuild(articles: readonly Article[], at = new Date()): Promise<{ incidents: number; aliases: number }> {
    // document ids are stored under their storage key (ids PostgreSQL would merge stay distinct): map them back
    const idOf = new Map(articles.map((a) => [storageKey(a.id), a.id]));
    const prevSources = new Map(
      (await this.db.all('SELECT document_id, incident_id FROM incident_sources')).map((r) => [
        idOf.get(String(r.document_id)) ?? String(r.document_id),
        String(r.incident_id),
      ]),
    );
    const prevAliases = new Map((await this.db.all('SELECT alias, incident_id FROM incident_aliases')).map((r) => [String(r.alias), String(r.incident_id)]));
    const grouped = assignIds(groupArticles(articles), prevSources, prevAliases);
    const stamp = at.toISOString();
    await this.serial(async (q) => {
      for (const t of ['incident_aliases', 'incident_names', 'incident_sources', 'incidents']) await q.run(`DELETE FROM ${t}`);
      for (const inc of grouped) await save(q, this.w, inc, stamp);
    });
    return { incidents: grouped.length, aliases: grouped.reduce((n, i) => n + i.aliases.length, 0) };
  }

  /** The id an incident has now: itself, or the incident an old id was merged into; null when unknown. */
  async resolve(id: string): Promise<string | null> {
    if ((await this.db.all('SELECT 1 FROM incidents WHERE id = ?', [id])).length) return id;
    const [row] = await this.db.all('SELECT incident_id FROM incident_aliases WHERE alias = ?', [id]);
    return row ? String(row.incident_id) : null;
  }

  async get(id: string): Promise<Incident | null> {
    const now = await this.resolve(id);
    return now ? ((await load(this.db, [now]))[0] ?? null) : null;
  }

  /** Every incident, by id, page by page. */
  async *list(): AsyncGenerator<Incident> {
    let after = '';
    for (;;) {
      const rows = await this.db.all(`SELECT id, incident FROM incidents WHERE id > ? ORDER BY id LIMIT ${PAGE}`, [after]);
      for (const r of rows) yield parse(r.incident);
      if (rows.length < PAGE) return;
      after = String(rows[rows.length - 1]!.id);
    }
  }
}
