// Which incident an article belongs to: same victim (any folded key in common), compatible dates and a
// compatible place. Pure: the store feeds it candidates (incremental) and `groupArticles` runs it over a
// whole set (rebuild, eval), in one order so that the same articles always give the same incidents.
import type { Article } from './article.ts';
import { gap, INCIDENT_DATE_SLACK, interval, PUBLISH_WINDOW, reports, SAME_NEWS_CYCLE, FAR_APART, type Interval } from './dates.ts';
import { addArticle, mergeIncidents, startIncident, type Incident } from './incident.ts';

/** Countries given this confidently on both sides, and different, keep two articles apart; below it they join and conflict. */
const FIRM_PLACE = 0.7;

/**
 * Whether one of the dates that read as intervals meets `test` (`some`), or all of them do (`every`; true when none
 * reads). Over the dates themselves: the store asks for each candidate of each article placed, and arrays of their
 * intervals made for it were most of what placing allocated.
 */
function some(ds: readonly string[], test: (d: Interval) => boolean): boolean {
  for (const s of ds) {
    const d = interval(s);
    if (d && test(d)) return true;
  }
  return false;
}
const every = (ds: readonly string[], test: (d: Interval) => boolean) => !some(ds, (d) => !test(d));
const anyDate = (ds: readonly string[]) => some(ds, () => true);

/** 'dated': dates say they fit; 'undated': nothing to compare (joins only a single best candidate); false: apart. */
function fits(a: Article, inc: Placeable): 'dated' | 'undated' | false {
  if (!a.keys.some((k) => inc.names.includes(k))) return false;
  const country = inc.fields.location;
  const code = (country?.value as { country?: string | null } | undefined)?.country;
  if (a.country && code && a.country.code !== code && a.country.confidence >= FIRM_PLACE && country!.confidence >= FIRM_PLACE) return false;
  const at = interval(a.incidentDate);
  const pub = interval(a.publishedAt);
  const incAt = inc.incidentDates;
  const incPub = inc.publishedDates;
  const farApart = !!at && anyDate(incAt) && every(incAt, (d) => gap(at, d) > FAR_APART);
  if (pub && !farApart && some(incPub, (p) => gap(pub, p) <= SAME_NEWS_CYCLE)) return 'dated';
  if (at && anyDate(incAt)) return some(incAt, (d) => gap(at, d) <= INCIDENT_DATE_SLACK) ? 'dated' : false;
  if (at && anyDate(incPub)) return some(incPub, (p) => reports(p, at)) ? 'dated' : false;
  if (pub && anyDate(incAt)) return some(incAt, (d) => reports(pub, d)) ? 'dated' : false;
  if (pub && anyDate(incPub)) return some(incPub, (p) => gap(pub, p) <= PUBLISH_WINDOW) ? 'dated' : false;
  return 'undated';
}

/** The earlier-told incident keeps its id when two merge. */
function firstTold<T extends Placeable>(a: T, b: T): [T, T] {
  const first = (i: T) => [...i.incidentDates, ...i.publishedDates].sort()[0] ?? '9999';
  const ka = first(a);
  const kb = first(b);
  return ka < kb || (ka === kb && a.id <= b.id) ? [a, b] : [b, a];
}

export interface Placement {
  incident: Incident;
  /** Incidents the article proved to be this one: gone, their ids now aliases of `incident`. */
  absorbed: Incident[];
}

/**
 * Places an article among the candidate incidents (those sharing a victim key): joins the one it fits, merges
 * those it fits by date (it shows they are one), or starts a new one. Null: no victim, no incident.
 */
function place(a: Article, candidates: readonly Incident[], taken: (id: string) => boolean): Placement | null {
  if (!a.keys.length) return null;
  return joinOrMerge(a, candidates) ?? { incident: startIncident(a, taken), absorbed: [] };
}

/** What placing an article reads of an incident (the store keeps it apart from the claims and sources). */
export type Placeable = Pick<Incident, 'id' | 'names' | 'incidentDates' | 'publishedDates'> & { fields: Pick<Incident['fields'], 'location'> };

/**
 * Which candidate an article joins (`keep`) and which it proves to be the same incident (`absorbed`); null when it
 * fits none. `size`: an incident's number of articles.
 */
export function chooseIncident<T extends Placeable>(a: Article, candidates: readonly T[], size: (t: T) => number): { keep: T; absorbed: T[] } | null {
  if (!a.keys.length) return null;
  // (arrays made only once they have an element: the store's hot path sees one kind of array, not empty ones besides)
  let dated: T[] | null = null;
  let undated: T[] | null = null;
  for (const inc of candidates) {
    const v = fits(a, inc);
    if (v === 'dated') (dated ??= []).push(inc);
    else if (v === 'undated') (undated ??= []).push(inc);
  }
  if (dated) {
    let keep = dated[0]!;
    for (let i = 1; i < dated.length; i++) [keep] = firstTold(keep, dated[i]!);
    return { keep, absorbed: dated.length > 1 ? dated.filter((i) => i !== keep) : [] };
  }
  // an undated article never merges incidents: it joins the best-told one
  if (!undated) return null;
  undated.sort((x, y) => size(y) - size(x) || x.id.localeCompare(y.id));
  return { keep: undated[0]!, absorbed: [] };
}

/** `place` short of starting an incident: null when the article fits none of the candidates (or has no victim). */
export function joinOrMerge(a: Article, candidates: readonly Incident[]): Placement | null {
  const chosen = chooseIncident(a, candidates, (i) => i.sources.length);
  return chosen && joined(a, chosen.keep, chosen.absorbed);
}

/** The incident `keep` with those it absorbed merged in, in order, then the article. */
export function joined(a: Article, keep: Incident, absorbed: Incident[]): Placement {
  let merged = keep;
  for (const other of absorbed) merged = mergeIncidents(merged, other);
  return { incident: addArticle(merged, a), absorbed };
}

/** The order articles are grouped in when a set is grouped at once: dated first, oldest first, then by id. */
function groupingOrder(a: Article, b: Article): number {
  const ka = a.incidentDate ?? a.publishedAt ?? '~';
  const kb = b.incidentDate ?? b.publishedAt ?? '~';
  return ka < kb ? -1 : ka > kb ? 1 : a.id.localeCompare(b.id);
}

/** Groups a whole set of articles; `taken` reserves ids used elsewhere. Articles without a victim are left out. */
export function groupArticles(articles: readonly Article[], taken: (id: string) => boolean = () => false): Incident[] {
  const byId = new Map<string, Incident>();
  const byName = new Map<string, Set<string>>();
  const retired = new Set<string>();
  for (const a of [...articles].sort(groupingOrder)) {
    const candidateIds = new Set(a.keys.flatMap((k) => [...(byName.get(k) ?? [])]));
    const candidates = [...candidateIds].map((id) => byId.get(id)!).sort((x, y) => x.id.localeCompare(y.id));
    const p = place(a, candidates, (id) => byId.has(id) || retired.has(id) || taken(id));
    if (!p) continue;
    for (const gone of p.absorbed) {
      byId.delete(gone.id);
      retired.add(gone.id);
    }
    byId.set(p.incident.id, p.incident);
    for (const k of p.incident.names) {
      const set = byName.get(k) ?? new Set<string>();
      for (const gone of p.absorbed) set.delete(gone.id);
      set.add(p.incident.id);
      byName.set(k, set);
    }
  }
  return [...byId.values()].sort((x, y) => x.id.localeCompare(y.id));
}
