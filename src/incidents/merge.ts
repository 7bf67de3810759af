// One value per field from every article's claim: claims that agree add up (agreement raises confidence),
// claims that contradict the chosen value lower it and are listed as conflicts, never dropped.
import { FIELD_NAMES, type FieldName, type IncidentRecord } from '../core/contract/record.ts';
import { claimsOf, type Claim } from './article.ts';
import { interval } from './dates.ts';
import { foldName } from './names.ts';

export type Ledger = Partial<Record<FieldName, Claim[]>>;

export interface MergedField {
  value: unknown;
  confidence: number;
  articles: number;
  agreeing: number;
}
export interface Conflict {
  field: FieldName;
  values: { value: unknown; articles: string[] }[];
}

type Obj = Record<string, unknown>;
const same = (a: unknown, b: unknown) => a == null || b == null || a === b;
const sameName = (a: unknown, b: unknown) => a == null || b == null || foldName(String(a)) === foldName(String(b));

/** Whether two values of a field can both be true: a date inside the other's span, a region of the same country… */
const AGREE: Record<FieldName, (a: unknown, b: unknown) => boolean> = {
  victim: (a, b) => foldName(String(a)) === foldName(String(b)),
  date: (a, b) => {
    const [x, y] = [interval(String(a)), interval(String(b))];
    return !!x && !!y && ((x.start >= y.start && x.end <= y.end) || (y.start >= x.start && y.end <= x.end));
  },
  location: (a, b) => {
    const [x, y] = [a as Obj, b as Obj];
    return same(x.country, y.country) && sameName(x.region, y.region) && sameName(x.city, y.city);
  },
  serverCount: (a, b) => a === b,
  ransom: (a, b) => {
    const [x, y] = [a as Obj, b as Obj];
    return x.demanded === y.demanded && same(x.amount, y.amount) && same(x.currency, y.currency);
  },
  origin: (a, b) => {
    const [x, y] = [a as Obj, b as Obj];
    return same(x.country, y.country) && sameName(x.actor, y.actor);
  },
};

/** How much a value says: a day over a month, an amount over "a ransom was demanded". */
function specificity(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (v && typeof v === 'object') return Object.values(v).filter((x) => x != null).length;
  return 1;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
/** A value as a key: claims of one value agree alike. */
const valueKey = (v: unknown) => JSON.stringify(v) ?? 'undefined';

/** The best-supported first of `ranked`, refined while a more specific value agrees with it ("a ransom" → "$2 million"). */
function finest<T>(ranked: readonly T[], valueOf: (x: T) => unknown, agrees: (a: T, b: T) => boolean): T {
  let winner = ranked[0]!;
  for (;;) {
    const w = winner;
    const finer = ranked.find((x) => specificity(valueOf(x)) > specificity(valueOf(w)) && agrees(w, x));
    if (!finer) return winner;
    winner = finer;
  }
}

/**
 * Which claims agree with which, asked once per pair of distinct values (claims of one value agree alike): an
 * incident told by hundreds of articles holds a few values, and asking per pair of claims made each article
 * placed cost the square of its incident's size. `support`: per claim, the confidence of the claims that agree
 * with it, summed in their order as before (the same floating-point totals).
 */
function agreement(agree: (a: unknown, b: unknown) => boolean, claims: readonly Claim[]) {
  const keys = new Map<string, number>();
  const group = claims.map((c) => {
    const key = valueKey(c.value);
    let g = keys.get(key);
    if (g === undefined) keys.set(key, (g = keys.size));
    return g;
  });
  const first = [...keys.values()].map((g) => group.indexOf(g));
  const n = keys.size;
  const table = new Uint8Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) table[a * n + b] = agree(claims[first[a]!]!.value, claims[first[b]!]!.value) ? 1 : 0;
  const agrees = (i: number, j: number) => table[group[i]! * n + group[j]!] === 1;
  const groupSupport = first.map((i) => claims.reduce((s, o, j) => (agrees(i, j) ? s + o.confidence : s), 0));
  return { agrees, support: (i: number) => groupSupport[group[i]!]! };
}

/** The merged value of one field, or null when no article states it. */
function mergeField(field: FieldName, claims: readonly Claim[]): { merged: MergedField | null; conflict: Conflict | null } {
  if (!claims.length) return { merged: null, conflict: null };
  const { agrees, support } = agreement(AGREE[field], claims);
  const ranked = claims
    .map((c, i) => ({ c, i, s: support(i) }))
    .sort(
      (a, b) => b.s - a.s || specificity(b.c.value) - specificity(a.c.value) || b.c.confidence - a.c.confidence || a.c.articleId.localeCompare(b.c.articleId),
    );
  const winner = finest(
    ranked,
    (x) => x.c.value,
    (a, b) => agrees(a.i, b.i),
  );
  const agreeing = claims.filter((_, j) => agrees(winner.i, j));
  const against = claims.filter((_, j) => !agrees(winner.i, j));
  const forMass = agreeing.reduce((s, o) => s + o.confidence, 0);
  const againstMass = against.reduce((s, o) => s + o.confidence, 0);
  // independent articles agreeing: noisy-OR; contradiction scales it by the share of the evidence behind the value
  const p = 1 - agreeing.reduce((q, o) => q * (1 - o.confidence), 1);
  const confidence = round(p * (forMass / (forMass + againstMass || 1)));
  const merged = { value: winner.c.value, confidence, articles: claims.length, agreeing: agreeing.length };
  if (!against.length) return { merged, conflict: null };
  const groups = new Map<string, { value: unknown; articles: string[] }>();
  for (const c of claims) {
    const key = valueKey(c.value);
    const g = groups.get(key) ?? { value: c.value, articles: [] };
    g.articles.push(c.articleId);
    groups.set(key, g);
  }
  return { merged, conflict: { field, values: [...groups.values()] } };
}

export function mergeLedger(ledger: Ledger): { fields: Record<FieldName, MergedField | null>; conflicts: Conflict[] } {
  const fields = {} as Record<FieldName, MergedField | null>;
  const conflicts: Conflict[] = [];
  for (const name of FIELD_NAMES) {
    const { merged, conflict } = mergeField(name, ledger[name] ?? []);
    fields[name] = merged;
    if (conflict) conflicts.push(conflict);
  }
  return { fields, conflicts };
}

/**
 * A field's claims as the store keeps them between articles: per distinct value (in the order values came), the sums
 * mergeField takes over the claims, each added in claim order (the same floating-point totals). An article that
 * brings only values already there is added in O(values); a new value needs the claims before it (`addClaims`: null).
 */
export interface ValueTally {
  /** The value (as its first claim gave it). */
  v: unknown;
  /** Confidence of the claims that agree with this value (s), and of those that do not (a). */
  s: number;
  a: number;
  /** The product of (1 − confidence) over the agreeing claims (m), and their number (n). */
  m: number;
  n: number;
  /** The claim of this value mergeField ranks first: highest confidence (b), then first article id (id). */
  b: number;
  id: string;
}
/** Per field: its number of claims (n) and its values (vs). Short keys: the store rewrites it for each article. */
export type Tally = Partial<Record<FieldName, { n: number; vs: ValueTally[] }>>;
type FieldTally = NonNullable<Tally[FieldName]>;

// a value's key, kept per object value (a tally's values live as long as its cached head): find runs per claim placed
const keys = new WeakMap<object, string>();
const objectKey = (v: object) => {
  let key = keys.get(v);
  if (key === undefined) keys.set(v, (key = valueKey(v)));
  return key;
};
/** A field's tally of this value (valueKey's equality: a string's key is its JSON, which no other type's key has). */
const find = (t: FieldTally, value: unknown) => {
  if (typeof value === 'string') {
    for (const x of t.vs) if (x.v === value) return x;
    return undefined;
  }
  // the value asked about is most often an article's, gone after its batch: its key is not kept (a weak map's
  // entries for short-lived objects cost the collector more than making the key again)
  const key = valueKey(value);
  for (const x of t.vs) {
    const v = x.v;
    if (typeof v !== 'string' && (v !== null && typeof v === 'object' ? objectKey(v) : valueKey(v)) === key) return x;
  }
  return undefined;
};

/** Adds a claim's confidence to a value's sums: to those for it when the two agree, else against. */
function count(x: ValueTally, agrees: boolean, confidence: number): void {
  if (agrees) {
    x.s += confidence;
    x.m *= 1 - confidence;
    x.n++;
  } else x.a += confidence;
}

const addClaim = (field: FieldName, t: FieldTally, c: Claim) => addValue(field, t, c.value, c.confidence, c.articleId);

/** A claim (its value, confidence and article) added to its field's tally. */
function addValue(field: FieldName, t: FieldTally, value: unknown, confidence: number, articleId: string): void {
  t.n++;
  for (const x of t.vs) count(x, AGREE[field](x.v, value), confidence);
  const own = find(t, value)!;
  if (confidence > own.b || (confidence === own.b && articleId.localeCompare(own.id) < 0)) {
    own.b = confidence;
    own.id = articleId;
  }
}

/** The tally of a whole ledger, in its field order. */
export function tallyOf(ledger: Ledger): Tally {
  const out: Tally = {};
  for (const [field, claims] of Object.entries(ledger) as [FieldName, Claim[]][]) {
    const t: FieldTally = { n: 0, vs: [] };
    claims.forEach((c, j) => {
      if (!find(t, c.value)) {
        // a value's sums run over every claim, those before it too
        const x: ValueTally = { v: c.value, s: 0, a: 0, m: 1, n: 0, b: -Infinity, id: '' };
        for (const o of claims.slice(0, j)) count(x, AGREE[field](c.value, o.value), o.confidence);
        t.vs.push(x);
      }
      addClaim(field, t, c);
    });
    out[field] = t;
  }
  return out;
}

/** The tally with one article's claims added (new fields last, as in the ledger); null when it brings a value not seen. */
export function addClaims(tally: Tally, claims: Partial<Record<FieldName, Claim>>): Tally | null {
  const out: Tally = {};
  for (const [field, t] of Object.entries(tally) as [FieldName, FieldTally][]) out[field] = { n: t.n, vs: t.vs.map((x) => ({ ...x })) };
  return addClaimsTo(out, claims) ? out : null;
}

/**
 * addClaims into the tally itself (the store's cached head: a copy an article would be garbage in V8's old generation
 * soon after); false, the tally unchanged, when a claim brings a value not seen.
 */
const addClaimsTo = (tally: Tally, claims: Partial<Record<FieldName, Claim>>): boolean =>
  addTo(
    tally,
    claims,
    (field) => claims[field]!.articleId,
    (field) => claims[field]!,
  );

/**
 * addClaimsTo with the claims of one record (claimsOf's, read from its fields without making them: the store adds
 * one for each article placed).
 */
export const addRecordTo = (tally: Tally, record: IncidentRecord): boolean =>
  addTo(
    tally,
    record.fields as Partial<Record<FieldName, { value: unknown; confidence: number } | null>>,
    () => record.id,
    (field) => claimsOf(record)[field]!,
  );

/** Both: each field's value and confidence, the article of its claim, and the claim itself for a field the tally has not. */
function addTo(
  tally: Tally,
  fields: Partial<Record<FieldName, { value: unknown; confidence: number } | null | undefined>>,
  articleOf: (field: FieldName) => string,
  claimOf: (field: FieldName) => Claim,
): boolean {
  const names = Object.keys(fields) as FieldName[];
  for (const field of names) {
    const f = fields[field];
    const t = tally[field];
    if (f && t && !find(t, f.value)) return false;
  }
  for (const field of names) {
    const f = fields[field];
    if (!f) continue;
    const t = tally[field];
    if (t) addValue(field, t, f.value, f.confidence, articleOf(field));
    else tally[field] = tallyOf({ [field]: [claimOf(field)] })[field];
  }
  return true;
}

/** The value mergeField chooses among a field's values. */
function winnerOf(name: FieldName, vs: readonly ValueTally[]): ValueTally {
  const agree = AGREE[name];
  const ranked = [...vs].sort((x, y) => y.s - x.s || specificity(y.v) - specificity(x.v) || y.b - x.b || x.id.localeCompare(y.id));
  return finest(
    ranked,
    (x) => x.v,
    (a, b) => agree(a.v, b.v),
  );
}

/** mergeLedger's fields `names` from a tally (its conflicts need the claims themselves): mergeField over values, not claims. */
export function fieldsOf<N extends FieldName = FieldName>(
  tally: Tally,
  names: readonly N[] = FIELD_NAMES as readonly FieldName[] as readonly N[],
): Record<N, MergedField | null> {
  const fields = {} as Record<N, MergedField | null>;
  for (const name of names) {
    const t = tally[name];
    if (!t?.n) {
      fields[name] = null;
      continue;
    }
    // one value (most fields of most incidents): the winner, without ranking (the store asks for each article placed)
    const w = t.vs.length === 1 ? t.vs[0]! : winnerOf(name, t.vs);
    const confidence = round((1 - w.m) * (w.s / (w.s + w.a || 1)));
    fields[name] = { value: w.v, confidence, articles: t.n, agreeing: w.n };
  }
  return fields;
}
