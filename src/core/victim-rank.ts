// A learned ranking of the victim rules' candidates in news articles. Resolve groups the candidates that name one
// victim; each group is described by a few features (the hand weights' score, whether the headline and the lead
// name it, how often the article does, whether incident wording stands beside it, whether it names machines) and the
// article by a few more (is the headline about a victim's incident at all, how many names are in the running). A
// conditional logit scores the groups and a "no victim" option against each other: the probability of each is its
// share of exp(score). Weights are fitted by scripts/train-victim-rank.ts on the judged
// news (calibration/victim-rank.json, committed); the script keeps them only where they beat the hand weights on
// both halves of news-dev (fitted on one half, scored on the other, both ways).
//   "Hackers hit Smalltown Dental's records" (headline) … "Smalltown Dental said on Monday …" → Smalltown Dental
//   "Beware the tax-refund phishing scam" … "the IRS warned …" → no victim (the headline tells of no incident)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config.ts';
import type { Candidate } from './rule.ts';
import { hasIncidentWord, storyFocus, targetsThePublic } from './incident/focus.ts';
import { normName } from './fields/index.ts';
import { alternation, escapeLiteral } from './alternation.ts';
import { wordList } from '../../extractors/_shared/lexicon.ts';

export const VICTIM_RANK_FILE = path.join(REPO_ROOT, 'calibration/victim-rank.json');

/** Feature weights of a group ("rule:victim/…" per rule) and of the no-victim option. */
export interface VictimRankWeights {
  group: Record<string, number>;
  none: Record<string, number>;
}

/** The article a ranking is for. */
export interface RankDoc {
  text: string;
  /** The headline: only articles with one are ranked. */
  title: string;
}

/** For each group, in the order given, the probability that it is the victim; `none` that the article names none. */
export interface RankResult {
  probs: number[];
  none: number;
}

/** A group as resolve ranks it: its candidates and the hand weights' score (measured precision of its rules, noisy-or). */
export interface RankGroup {
  members: readonly Candidate[];
  score: number;
}

export type VictimRanker = (groups: readonly RankGroup[], doc: RankDoc) => RankResult | null;

/** The weights as the training script writes them; a missing or unreadable file is no ranking (hand weights stay). */
export function loadVictimRank(file: string = VICTIM_RANK_FILE): VictimRankWeights | null {
  try {
    const w = JSON.parse(readFileSync(file, 'utf8')) as { use?: boolean; weights?: VictimRankWeights };
    return w.use && w.weights ? w.weights : null;
  } catch {
    return null;
  }
}

const LEAD_CHARS = 400;
// incident wording within this many characters of a mention ties the name to the incident
const NEAR_CHARS = 100;
const MAX_MENTIONS_SCANNED = 50;

// "our MongoDB servers": a name its machines are called by is the product they run, not their owner
const PRODUCT_NOUN = new RegExp(`^\\s+(?:${alternation(wordList('victim-product-nouns'))})\\b`, 'i');

// a name typed by a kind noun: "the company Acme Video", "Barts health trust", "Acme, a Virginia company"
const KIND_NOUNS = wordList('victim-kind-nouns');
const KIND = alternation(KIND_NOUNS);
const KIND_BEFORE = new RegExp(`\\b(${KIND})\\s+$`, 'i');
const KIND_AFTER = new RegExp(
  `^(?:['’]s)?\\s+(?:(?!(?:the|a|an|and|or|of|to|in|is|was|has|had|said|says)\\s)[a-z-]+\\s+){0,2}?(${KIND})\\b` +
    `|^,?\\s*[,—–(]\\s*(?:a|an|the)\\s+(?:[\\w.-]+\\s+){0,4}?(${KIND})\\b`,
);
const LOWER_BEFORE = /\p{Ll}\s+$/u;
const KIND_WORDS = new Set(KIND_NOUNS);

// the rule that reads whom the headline says was hit ("Acme hit by ransomware"): the article's own word on its victim
const HEADLINE_RULES = new Set(['victim/headline-victim', 'victim/headline-described']);

const tokens = (s: string) =>
  normName(s)
    .split(' ')
    .filter((t) => t.length > 1);

/** Where the name stands in the text (case-insensitive, whole words), at most MAX_MENTIONS_SCANNED places. */
function mentions(text: string, name: string): number[] {
  const trimmed = name.trim();
  if (!trimmed) return [];
  const re = new RegExp(`(?<![\\w])${escapeLiteral(trimmed)}(?![\\w])`, 'gi');
  const out: number[] = [];
  for (const m of text.matchAll(re)) {
    out.push(m.index);
    if (out.length >= MAX_MENTIONS_SCANNED) break;
  }
  return out;
}

/**
 * The features of one group of candidates naming the same victim: the hand weights' score, how much of the name the
 * headline has (not its initials: "IRS warns of …" is the warner more often than "ABTA hack" the victim), whether
 * the lead names it, how often the article does, whether incident wording stands beside a mention, and how often it
 * names machines ("MongoDB servers": a product).
 */
export function groupFeatures({ members, score }: RankGroup, doc: RankDoc): Record<string, number> {
  const names = [...new Set(members.map((m) => String(m.value)))];
  const shortest = names.reduce((a, b) => (b.length < a.length ? b : a));
  const headline = tokens(doc.title ?? '');
  const inHeadline = new Set(headline);
  const own = tokens(shortest);
  const title = own.length ? own.filter((t) => inHeadline.has(t)).length / own.length : 0;
  const at = [...new Set(names.flatMap((n) => mentions(doc.text, n)))];
  // the headline describes the victim by a kind ("Warwick company boss hit") and the article types this name by it
  const kinds = headline.filter((t) => KIND_WORDS.has(t));
  const typedAs = (i: number) => {
    const before = doc.text.slice(Math.max(0, i - 40), i);
    const b = KIND_BEFORE.exec(before)?.[1];
    const a = KIND_AFTER.exec(doc.text.slice(i + shortest.length, i + shortest.length + 80));
    // "the largest NHS trust": a name qualifying a described body, not the body's name
    const qualifier = LOWER_BEFORE.test(before);
    return [b, qualifier ? undefined : a?.[1], a?.[2]].filter((k): k is string => !!k).map((k) => k.toLowerCase());
  };
  const first = Math.min(...members.map((m) => m.evidence[0]?.start ?? 0));
  const near = (i: number) => doc.text.slice(Math.max(0, i - NEAR_CHARS), i + shortest.length + NEAR_CHARS);
  return {
    measured: score,
    title,
    headlineVictim: members.some((m) => HEADLINE_RULES.has(m.rule)) ? 1 : 0,
    lead: first < LEAD_CHARS || at.some((i) => i < LEAD_CHARS) ? 1 : 0,
    mentions: Math.log1p(at.length),
    incidentNear: at.some((i) => hasIncidentWord(near(i))) ? 1 : 0,
    headlineKind: kinds.length && at.some((i) => typedAs(i).some((k) => kinds.includes(k))) ? 1 : 0,
    product: at.length ? at.filter((i) => PRODUCT_NOUN.test(doc.text.slice(i + shortest.length, i + shortest.length + 20))).length / at.length : 0,
  };
}

/**
 * The features of the no-victim option: what the article as a whole says about having a victim (a general story;
 * a scam aimed at a brand's public, "targets Acme users"; how many names are in the running).
 */
export function noneFeatures(doc: RankDoc, groups: number): Record<string, number> {
  const focus = storyFocus(doc.text, doc.title);
  return {
    bias: 1,
    generalStory: focus.victimIncident ? 0 : 1,
    publicTarget: targetsThePublic(doc.text, doc.title) ? 1 : 0,
    groups: Math.log1p(groups),
  };
}

const dot = (w: Record<string, number>, f: Record<string, number>) => Object.entries(f).reduce((s, [k, v]) => s + (w[k] ?? 0) * v, 0);

/** The probabilities of the groups and of no victim, from feature scores (softmax over all options). */
export function softmax(scores: readonly number[], none: number): RankResult {
  const top = Math.max(none, ...scores);
  const e = scores.map((s) => Math.exp(s - top));
  const z = Math.exp(none - top) + e.reduce((a, b) => a + b, 0);
  return { probs: e.map((x) => x / z), none: Math.exp(none - top) / z };
}

export function rankVictims(w: VictimRankWeights, groups: readonly RankGroup[], doc: RankDoc): RankResult {
  return softmax(
    groups.map((g) => dot(w.group, groupFeatures(g, doc))),
    dot(w.none, noneFeatures(doc, groups.length)),
  );
}
