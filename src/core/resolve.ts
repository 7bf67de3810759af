// The only place where candidates meet. Per field: drop a rule's repeated or overlapping proposals,
// group candidates that agree on the value, score each group (agreement between different rules raises
// it), pick the best, merge the details the winner lacks from its agreeing peers, and calibrate. What agreeing
// and merging mean for each field is in its descriptor (src/core/fields/).
import type { DateRole, FieldName, FieldValue, Fields, Span } from './contract/record.ts';
import { FIELD_NAMES } from './contract/field-names.ts';
import type { Candidate } from './rule.ts';
import { digestItems, type Block } from './analyse/blocks.ts';
import { calibrate, measuredPrecision, type CalibrationTable, type Genre } from './calibration.ts';
import { storyFocus } from './incident/focus.ts';
import { FIELDS, normName } from './fields/index.ts';
import { SpanCover } from './span-cover.ts';
import type { RankDoc, VictimRanker } from './victim-rank.ts';

type Resolved = { [K in FieldName]: Fields[K] };

const MAX_ALTERNATIVES = 3;
const MAX_EVIDENCE = 3;
// A victim whose winning rule and agreement are right less often than this is no answer worth giving:
// measured on the dev corpora, guesses this weak cost more precision than they add recall (a lone
// most-mentioned name, right about one time in eight, is such a guess).
const ABSTAIN_BELOW: Partial<Record<FieldName, number>> = { victim: 0.13 };
// Victim rules' own constants are priors set by hand; how often each rule is right when it wins is measured
// (the calibration table), and ranking by it picks the better of two disagreeing rules more often.
const RANK_BY_MEASURED: ReadonlySet<FieldName> = new Set(['victim']);
// A write-up names its victim in the headline and lead; a name first met thousands of characters in is more often
// a vendor, an expert or an earlier incident. The prior takes up to 70 % off a candidate's weight over the first
// 3,000 characters (measured: it helps both halves of a random split of VCDB, and EuRepoC too).
const POSITION_DECAY = 0.7;
const POSITION_SPAN = 3000;
const positionPrior = (c: Candidate): number => 1 - POSITION_DECAY * Math.min(1, (c.evidence[0]?.start ?? 0) / POSITION_SPAN);
const weight = (field: FieldName, c: Candidate, ctx: ResolveContext) =>
  RANK_BY_MEASURED.has(field) ? measuredPrecision(ctx.calibration, c.rule, c.confidence, ctx.genre) * (ctx.rankingPrior ?? positionPrior)(c) : c.confidence;

/** One rule proposing the same value twice counts once; where one rule's proposals overlap, the stronger stays. */
function dedupe(cands: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  const covers = new Map<string, SpanCover>(); // per rule, the evidence of what it kept
  // (indexed loops and no closures here and in resolveField: resolve is optimised in every run, and the iteration code
  // that for-of, spreads and array callbacks inline took TurboFan several times as long to compile)
  const sorted = cands.slice().sort((a, b) => b.confidence - a.confidence);
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    let cover = covers.get(c.rule);
    if (!cover) covers.set(c.rule, (cover = new SpanCover()));
    const evidence = c.evidence;
    if (overlapsAny(cover, evidence)) continue;
    for (let j = 0; j < evidence.length; j++) cover.add(evidence[j]!);
    kept.push(c);
  }
  return kept;
}

function overlapsAny(cover: SpanCover, evidence: readonly Span[]): boolean {
  for (let j = 0; j < evidence.length; j++) if (cover.overlaps(evidence[j]!)) return true;
  return false;
}

/**
 * The keys (in the order given) that can name the same entity as `k`: all of them, or, when the field says its
 * entities share tokens, those holding the rarest token of k (any key k folds into holds every one of k's tokens).
 */
function keysSharingToken(keys: readonly string[], tokensOf?: (key: string) => ReadonlySet<string>): (k: string) => readonly string[] {
  if (!tokensOf) return () => keys;
  const holders = new Map<string, string[]>();
  const tokens = new Map(keys.map((k) => [k, tokensOf(k)]));
  for (const k of keys) {
    for (const t of tokens.get(k)!) {
      const list = holders.get(t);
      if (list) list.push(k);
      else holders.set(t, [k]);
    }
  }
  return (k) => {
    let rarest: readonly string[] = [];
    for (const t of tokens.get(k)!) {
      const list = holders.get(t)!;
      if (!rarest.length || list.length < rarest.length) rarest = list;
    }
    return rarest;
  };
}

interface Group<F extends FieldName> {
  key: string;
  members: Candidate<F>[];
  score: number;
  rules: Set<string>;
}

function groups<F extends FieldName>(field: F, cands: Candidate<F>[], ctx: ResolveContext): Group<F>[] {
  const byKey = new Map<string, Group<F>>();
  const key = FIELDS[field].key as (v: FieldValue[F]) => string;
  for (const c of cands) {
    const k = key(c.value);
    let g = byKey.get(k);
    if (!g) byKey.set(k, (g = { key: k, members: [], score: 0, rules: new Set() }));
    g.members.push(c);
  }
  const same = FIELDS[field].sameEntity;
  if (same) {
    // fold each key into the longest key that contains it
    const keys = [...byKey.keys()].sort((a, b) => b.length - a.length);
    const sharing = keysSharingToken(keys, FIELDS[field].entityTokens);
    for (const k of [...keys].reverse()) {
      const into = sharing(k).find((o) => o !== k && byKey.has(o) && same(k, o));
      if (!into) continue;
      byKey.get(into)!.members.push(...byKey.get(k)!.members);
      byKey.delete(k);
    }
  }
  const coarser = FIELDS[field].coarser as ((v: FieldValue[F]) => readonly FieldValue[F][]) | undefined;
  const all = coarser ? [...byKey.values()].flatMap((g) => consistentSets(field, g, coarser, ctx)) : [...byKey.values()].map((g) => scored(field, g, ctx));
  return all.sort(byScore);
}

const byScore = (a: Group<FieldName>, b: Group<FieldName>) => b.score - a.score || a.members[0]!.evidence[0]!.start - b.members[0]!.evidence[0]!.start;

/** Noisy-or over the best candidate of each distinct rule: independent rules agreeing raise belief. */
function scored<F extends FieldName>(field: F, g: Group<F>, ctx: ResolveContext): Group<F> {
  g.members.sort((a, b) => b.confidence - a.confidence);
  const rules = new Set<string>();
  // the product over the rules in the order of their best members, as a reduce over them would take it
  let none = 1;
  for (const m of g.members) {
    if (rules.has(m.rule)) continue;
    rules.add(m.rule);
    none *= 1 - weight(field, m, ctx);
  }
  g.rules = rules;
  g.score = 1 - none;
  return g;
}

/** A value as a key: a string as itself (a field's values are all of one type, FieldValue), any other as its JSON. */
const valueKey = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * A key's candidates split into sets that can all hold at once: a value with the coarser values it implies. The
 * best-scored set goes first, then the best of what is left, and so on.
 */
function consistentSets<F extends FieldName>(field: F, g: Group<F>, coarser: (v: FieldValue[F]) => readonly FieldValue[F][], ctx: ResolveContext): Group<F>[] {
  const byValue = new Map<string, Candidate<F>[]>();
  for (const c of g.members) {
    const k = valueKey(c.value);
    const list = byValue.get(k);
    if (list) list.push(c);
    else byValue.set(k, [c]);
  }
  const out: Group<F>[] = [];
  while (byValue.size) {
    let best: Group<F> | undefined;
    for (const list of byValue.values()) {
      const members = coarser(list[0]!.value as FieldValue[F]).flatMap((v) => byValue.get(valueKey(v)) ?? []);
      const set = scored(field, { key: g.key, members, score: 0, rules: new Set() }, ctx);
      // of equal scores, the set that holds more: "last week" with the "Saturday" it leaves open
      if (
        !best ||
        set.score > best.score ||
        (set.score === best.score && (set.members.length > best.members.length || (set.members.length === best.members.length && byScore(set, best) < 0)))
      )
        best = set;
    }
    for (const m of best!.members) byValue.delete(valueKey(m.value));
    out.push(best!);
  }
  return out;
}

/** What resolve decided for one field, for calibration: the winning rule and how many rules agreed. */
export interface Decision {
  field: FieldName;
  rule: string;
  agreeingRules: number;
  score: number;
  value: unknown;
  genre?: Genre;
  /** Chosen by the learned victim ranking. */
  ranked?: boolean;
}

/** A second opinion on the ranked groups: the same groups rescored and re-sorted, NO_VALUE (give none) or undefined (none). */
const NO_VALUE = 'none';
type Rerank<F extends FieldName> = (ranked: Group<F>[]) => Group<F>[] | typeof NO_VALUE | undefined;

/** A field of the record as resolve builds it, its keys set in the record's order. */
interface FieldOut<F extends FieldName> {
  value: FieldValue[F];
  confidence: number;
  evidence: Span[];
  rule: string;
  role?: DateRole;
  alternatives?: FieldOut<F>[];
}

/**
 * The runners-up of a field (at most MAX_ALTERNATIVES), each at most as likely as the winner (`confidence`) is wrong;
 * `measured[i]` is the calibrated confidence of `ranked[i]`.
 */
function alternativesOf<F extends FieldName>(ranked: Group<F>[], measured: readonly number[], confidence: number): FieldOut<F>[] {
  const out: FieldOut<F>[] = [];
  for (let i = 1; i < measured.length; i++) {
    const top = ranked[i]!.members[0]!;
    const alt: FieldOut<F> = {
      value: top.value,
      confidence: Math.min(measured[i]!, Math.round((1 - confidence) * 1000) / 1000),
      evidence: top.evidence.slice(),
      rule: top.rule,
    };
    if (top.role) alt.role = top.role;
    out.push(alt);
  }
  return out;
}

/** A field from its candidates (none: null). resolveField sees only lists that hold some: an empty list is an array of
 * another kind to V8, whose optimised code would be thrown away on meeting one. */
function resolveOrNull<F extends FieldName>(field: F, cands: Candidate<F>[], ctx: ResolveContext, rerank?: Rerank<F>): Fields[F] {
  return cands.length ? resolveField(field, cands, ctx, rerank) : null;
}

/** A span of `spans` with the bounds of `e`. */
function sameSpanIn(spans: readonly Span[], e: Span): boolean {
  for (let i = 0; i < spans.length; i++) if (spans[i]!.start === e.start && spans[i]!.end === e.end) return true;
  return false;
}

function resolveField<F extends FieldName>(field: F, cands: Candidate<F>[], ctx: ResolveContext, rerank?: Rerank<F>): Fields[F] {
  const hand = groups(field, dedupe(cands) as Candidate<F>[], ctx);
  const learned = rerank?.(hand);
  if (learned === NO_VALUE) return null;
  const ranked = learned ?? hand;
  const win = ranked[0]!;
  const best = win.members[0]!;
  const merge = FIELDS[field].merge as (v: FieldValue[F], peers: FieldValue[F][]) => FieldValue[F];
  const members = win.members;
  const peers: FieldValue[F][] = [];
  for (let i = 1; i < members.length; i++) peers.push(members[i]!.value as FieldValue[F]);
  const value = merge(best.value as FieldValue[F], peers);
  const evidence: Span[] = [];
  for (let i = 0; i < members.length; i++) {
    const own = members[i]!.evidence;
    for (let j = 0; j < own.length; j++) {
      const e = own[j]!;
      if (evidence.length < MAX_EVIDENCE && !sameSpanIn(evidence, e)) evidence.push(e);
    }
  }
  const genre = ctx.genre;
  const byRanking = !!learned;
  if (ctx.observe) ctx.observe({ field, rule: best.rule, agreeingRules: win.rules.size, score: win.score, value, genre, ...(learned ? { ranked: true } : {}) });
  // a lone rule that is seldom right abstains, whatever the genre's figure for it (a learned ranking has weighed that)
  const floor = learned ? 0 : (ABSTAIN_BELOW[field] ?? 0);
  // the winner's confidence, then the runners-up's, from one call of calibrate, which sees cases of one shape: its code
  // then stays optimised, and is compiled once, inside resolveField (called from alternativesOf too, it was compiled
  // a second time on its own)
  const measured: number[] = [];
  for (let i = 0; i < ranked.length && i <= MAX_ALTERNATIVES; i++) {
    const g = ranked[i]!;
    const top = g.members[0]!;
    const p = calibrate(
      ctx.calibration,
      { field, rule: top.rule, agreeingRules: g.rules.size, value: i === 0 ? value : top.value, genre, ranked: byRanking },
      g.score,
    );
    if (i === 0 && (p < floor || (win.rules.size === 1 && measuredPrecision(ctx.calibration, best.rule, win.score, genre) < floor))) return null;
    measured.push(p);
  }
  const confidence = measured[0]!;
  // a date says which event it is the date of: that of the candidate whose value was kept
  let kept = best;
  for (let i = 0; i < members.length; i++) {
    if (members[i]!.value === value) {
      kept = members[i]!;
      break;
    }
  }
  const role = kept.role;
  const out: FieldOut<F> = { value, confidence, evidence, rule: best.rule };
  if (role) out.role = role;
  // Values of one field exclude each other: an alternative is at most as likely as the winner is wrong.
  if (ranked.length > 1) out.alternatives = alternativesOf(ranked, measured, confidence);
  return out as unknown as Fields[F];
}

/**
 * In a round-up of several incidents, the record is about the lead one: once the victim is known, candidates
 * found only inside digest items that do not name it belong to other incidents and are dropped.
 */
function inFocus(text: string, blocks: readonly Block[], victim: string): ((c: Candidate) => boolean) | undefined {
  const items = digestItems(blocks);
  if (items.length < 2) return undefined; // no round-up: every candidate stays
  const name = normName(victim);
  const others = items.filter((b) => !normName(text.slice(b.start, b.end)).includes(name));
  if (others.length < 2) return undefined;
  const inOther = (s: Span) => others.some((b) => s.start >= b.start && s.end <= b.end);
  return (c) => !c.evidence.every(inOther);
}

/**
 * The learned ranking's order of an article's victim groups, its probabilities as their scores; no victim where it
 * finds none more likely than the best group. Where the ranking gives no opinion, the story focus decides as without it.
 */
function learnedVictim(rank: VictimRanker, doc: RankDoc, victimIncident: boolean): Rerank<'victim'> {
  return (ranked) => {
    const r = rank(ranked, doc);
    if (!r) return victimIncident ? undefined : NO_VALUE;
    const best = Math.max(...r.probs);
    if (r.none >= best) return NO_VALUE;
    const rescored = ranked.map((g, i) => ({ ...g, score: r.probs[i]! }));
    return rescored.sort((a, b) => b.score - a.score || a.members[0]!.evidence[0]!.start - b.members[0]!.evidence[0]!.start);
  };
}

/**
 * storyFocus of the text, read on the one-byte view the rules read when there is one (the same answer: its patterns
 * take ’ and its stand-in alike; their code is then compiled for one kind of string, and the rules' answer is at hand).
 * A real \x92 in the text, which the view writes as \uE092 and the patterns take as an apostrophe, keeps the text.
 */
function focusOfStory(text: string, ctx: ResolveContext) {
  const view = ctx.view;
  if (view && !view.text.includes('\uE092') && !view.title?.includes('\uE092')) return storyFocus(view.text, view.title);
  return storyFocus(text, ctx.title);
}

export interface ResolveContext {
  /** Measured precision per rule: turns raw scores into confidences and ranks victims; null keeps raw scores. */
  readonly calibration: CalibrationTable | null;
  /** A victim candidate's weight by where it stands in the text (default: positionPrior). */
  readonly rankingPrior?: (c: Candidate) => number;
  /** The learned ranking of an article's victim candidates (victim-rank.ts); absent or null: hand weights only. */
  readonly rankVictims?: VictimRanker | null;
  readonly text?: string;
  /** The one-byte view of the text and title (analyse), when the caller has it. */
  readonly view?: { readonly text: string; readonly title?: string };
  /** The input has a publication date (a news article has). */
  readonly published?: boolean;
  /** The headline, when the input has one: what the article is about. */
  readonly title?: string;
  /** Article or summary: confidence is measured per genre (calibration). */
  readonly genre?: Genre;
  readonly blocks?: readonly Block[];
  readonly observe?: (d: Decision) => void;
}

export function resolve(candidates: readonly Candidate[], ctx: ResolveContext): Resolved {
  const byField = new Map<FieldName, Candidate[]>();
  for (const c of candidates) {
    let list = byField.get(c.field);
    if (!list) byField.set(c.field, (list = []));
    list.push(c);
  }
  const out = {} as Record<FieldName, unknown>;
  // an article with no victim-specific incident (a scam on the public, a flaw, a trend report) names no victim
  // (a coder's summary is always about an incident: only articles are asked)
  const story = ctx.text != null && ctx.genre === 'article' ? focusOfStory(ctx.text, ctx) : null;
  // the learned ranking is for news articles, which have a headline and a publication date (it was fitted on those, and
  // its figures say nothing of a coder's long summary, titled or not)
  const headline = ctx.title?.trim();
  const learned =
    story && headline && ctx.published && ctx.rankVictims
      ? learnedVictim(ctx.rankVictims, { text: ctx.text!, title: headline }, story.victimIncident)
      : undefined;
  const victimCands = story && !story.victimIncident && !learned ? [] : (byField.get('victim') ?? []);
  const victim = resolveOrNull('victim', victimCands as Candidate<'victim'>[], ctx, learned);
  out.victim = victim;
  // (resolveField copies what it sorts: a field's list goes as it is when nothing is dropped)
  const focus = victim && ctx.text && ctx.blocks ? inFocus(ctx.text, ctx.blocks, victim.value) : undefined;
  for (const f of FIELD_NAMES) {
    if (f === 'victim') continue;
    const list = byField.get(f) ?? [];
    out[f] = resolveOrNull(f, focus ? list.filter(focus) : list, ctx);
  }
  return out as Resolved;
}
