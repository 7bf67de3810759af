// An incident: the articles that tell it, every claim they make (the ledger), and the merged value per field.
import { createHash } from 'node:crypto';
import type { FieldName, IncidentRecord } from '../core/contract/record.ts';
import { claimsOf, type Article } from './article.ts';
import { monthOf } from './dates.ts';
import { mergeLedger, type Conflict, type Ledger, type MergedField } from './merge.ts';
import { defined } from './defined.ts';

export interface SourceRef {
  articleId: string;
  title?: string;
  uri?: string;
  publishedAt?: string;
}

export interface Incident {
  /** Stable: made from the first article's folded victim and month, kept when others join. */
  id: string;
  /** Ids of incidents merged into this one; they resolve to it. */
  aliases: string[];
  victim: string | null;
  /** Every folded victim key of its articles: a new article meets the incident on any of them. */
  names: string[];
  incidentDates: string[];
  publishedDates: string[];
  sources: SourceRef[];
  ledger: Ledger;
  fields: Record<FieldName, MergedField | null>;
  conflicts: Conflict[];
}

const SLUG_MAX = 48;

/** `inc-2023-07-province-de-namur`: readable, from the folded victim and the month (or year) it happened or was reported. */
export function baseIncidentId(victimKey: string, month: string | null): string {
  const ascii = victimKey.replace(/\s+/g, '-').replace(/[^a-z0-9-]/g, '');
  let slug = ascii.slice(0, SLUG_MAX).replace(/-+$/, '');
  // a name the slug does not carry whole (other scripts, cut short) gets a hash, so two such names never share a slug
  if (slug !== victimKey.replace(/\s+/g, '-') || !slug) {
    slug = `${slug ? slug + '-' : ''}${createHash('sha256').update(victimKey).digest('hex').slice(0, 8)}`;
  }
  return `inc-${month ?? 'undated'}-${slug}`;
}

/** The first free id: the base, else base-2, base-3… (two incidents of one victim in one month). */
export function freeId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** The source an article's record gives its incident. */
export function sourceOf(record: IncidentRecord): SourceRef {
  const s = record.source ?? {};
  return { articleId: record.id, ...defined({ title: s.title, uri: s.uri, publishedAt: s.publishedAt }) };
}

function recompute(inc: Incident): Incident {
  const { fields, conflicts } = mergeLedger(inc.ledger);
  const victim = fields.victim ? String(fields.victim.value) : inc.victim;
  return { ...inc, fields, conflicts, victim };
}

const uniq = <T>(xs: T[]) => [...new Set(xs)].sort();

/** A new incident of one article; `taken` says which ids exist already. */
export function startIncident(a: Article, taken: (id: string) => boolean): Incident {
  const id = freeId(baseIncidentId(a.keys[0]!, monthOf(a.incidentDate) ?? monthOf(a.publishedAt)), taken);
  return addArticle(
    {
      id,
      aliases: [],
      victim: a.record.fields.victim?.value ?? null,
      names: [],
      incidentDates: [],
      publishedDates: [],
      sources: [],
      ledger: {},
      fields: {} as Incident['fields'],
      conflicts: [],
    },
    a,
  );
}

/** The incident with one more article: its names, dates, source and claims added; merged values recomputed. */
export function addArticle(inc: Incident, a: Article): Incident {
  if (inc.sources.some((s) => s.articleId === a.id)) inc = removeArticle(inc, a.id);
  const ledger: Ledger = { ...inc.ledger };
  for (const [name, claim] of Object.entries(claimsOf(a.record)) as [FieldName, NonNullable<Ledger[FieldName]>[number]][]) {
    ledger[name] = [...(ledger[name] ?? []), claim];
  }
  return recompute({
    ...inc,
    names: uniq([...inc.names, ...a.keys]),
    incidentDates: a.incidentDate ? uniq([...inc.incidentDates, a.incidentDate]) : inc.incidentDates,
    publishedDates: a.publishedAt ? uniq([...inc.publishedDates, a.publishedAt]) : inc.publishedDates,
    sources: [...inc.sources, sourceOf(a.record)],
    ledger,
  });
}

/** The incident without one article's claims (its record changed). Names and dates stay: they only widen matching. */
export function removeArticle(inc: Incident, articleId: string): Incident {
  const ledger: Ledger = {};
  for (const [name, claims] of Object.entries(inc.ledger) as [FieldName, NonNullable<Ledger[FieldName]>][]) {
    const kept = claims.filter((c) => c.articleId !== articleId);
    if (kept.length) ledger[name] = kept;
  }
  return recompute({ ...inc, sources: inc.sources.filter((s) => s.articleId !== articleId), ledger });
}

/** Two incidents that proved to be one: `keep` keeps its id, the other's id (and aliases) become aliases. */
export function mergeIncidents(keep: Incident, other: Incident): Incident {
  const ledger: Ledger = { ...keep.ledger };
  for (const [name, claims] of Object.entries(other.ledger) as [FieldName, NonNullable<Ledger[FieldName]>][]) {
    ledger[name] = [...(ledger[name] ?? []), ...claims];
  }
  return recompute({
    ...keep,
    aliases: uniq([...keep.aliases, other.id, ...other.aliases]),
    names: uniq([...keep.names, ...other.names]),
    incidentDates: uniq([...keep.incidentDates, ...other.incidentDates]),
    publishedDates: uniq([...keep.publishedDates, ...other.publishedDates]),
    sources: [...keep.sources, ...other.sources],
    ledger,
  });
}
