// The learned victim ranking: its features on invented articles, the softmax against "no victim", the weights file
// (used only when it says so), and how resolve uses it: a headlined article only, no victim where none wins.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolve, type ResolveContext } from '../src/core/resolve.ts';
import type { Candidate } from '../src/core/rule.ts';
import { groupFeatures, loadVictimRank, noneFeatures, rankVictims, softmax, type VictimRankWeights } from '../src/core/victim-rank.ts';

const TEXT =
  'Smalltown Dental was hit by ransomware on Monday, the practice said. Smalltown Dental told patients that records were locked. ' +
  'Acme Security, a firm that studies such attacks, said the strain is common.';
const TITLE = 'Ransomware hits Smalltown Dental';
const at = (name: string) => TEXT.indexOf(name);
const cand = (value: string, rule: string, confidence = 0.5): Candidate<'victim'> => ({
  field: 'victim',
  value,
  confidence,
  rule: `victim/${rule}`,
  evidence: [{ start: at(value), end: at(value) + value.length, text: value }],
});

describe('groupFeatures', () => {
  it('the headline, lead, mentions and incident wording of the victim', () => {
    const f = groupFeatures({ members: [cand('Smalltown Dental', 'a')], score: 0.6 }, { text: TEXT, title: TITLE });
    expect(f).toEqual({ measured: 0.6, title: 1, lead: 1, mentions: Math.log1p(2), incidentNear: 1, product: 0, headlineVictim: 0, headlineKind: 0 });
  });
  it('a group the headline rule proposed carries that as a feature of its own', () => {
    const f = groupFeatures(
      { members: [cand('Smalltown Dental', 'a'), cand('Smalltown Dental', 'headline-victim')], score: 0.6 },
      { text: TEXT, title: TITLE },
    );
    expect(f.headlineVictim).toBe(1);
    // the headline describes it ("furniture store hit") and the body names it with the same words
    const d = groupFeatures({ members: [cand('Smalltown Dental', 'headline-described')], score: 0.6 }, { text: TEXT, title: TITLE });
    expect(d.headlineVictim).toBe(1);
  });
  it('a firm quoted about the attack: not in the headline, once, no incident wording beside it', () => {
    const f = groupFeatures({ members: [cand('Acme Security', 'a')], score: 0.6 }, { text: TEXT, title: TITLE });
    expect(f.title).toBe(0);
    expect(f.mentions).toBeCloseTo(Math.log1p(1));
  });

  it('the headline describes the victim by a kind the article types the name by', () => {
    const text = 'A dental practice was hit. The practice Smalltown Dental said records were locked. Acme Security studied the strain.';
    const g = (value: string) => {
      const i = text.indexOf(value);
      const c: Candidate<'victim'> = {
        field: 'victim',
        value,
        confidence: 0.5,
        rule: 'victim/a',
        evidence: [{ start: i, end: i + value.length, text: value }],
      };
      return groupFeatures({ members: [c], score: 0.5 }, { text, title: 'Ransomware hits Warwick dental practice' });
    };
    expect(g('Smalltown Dental').headlineKind).toBe(1);
    expect(g('Acme Security').headlineKind).toBe(0);
    // "the largest Acme trust": a name qualifying a described body
    const t2 = 'The largest Acme trust in England was hit.';
    const c2: Candidate<'victim'> = { field: 'victim', value: 'Acme', confidence: 0.5, rule: 'victim/a', evidence: [{ start: 12, end: 16, text: 'Acme' }] };
    expect(groupFeatures({ members: [c2], score: 0.5 }, { text: t2, title: 'Hospital trust hit by attack' }).headlineKind).toBe(0);
  });

  it('a product the machines run: "MongoDB servers"', () => {
    const text = 'Our three MongoDB servers were wiped and a note asked for bitcoin. MongoDB was left open to the internet.';
    const at0 = text.indexOf('MongoDB');
    const c: Candidate<'victim'> = {
      field: 'victim',
      value: 'MongoDB',
      confidence: 0.5,
      rule: 'victim/a',
      evidence: [{ start: at0, end: at0 + 7, text: 'MongoDB' }],
    };
    expect(groupFeatures({ members: [c], score: 0.5 }, { text, title: 'Wiped' }).product).toBe(0.5);
  });
});

describe('noneFeatures', () => {
  it('a headline about a scam on the public is a general story', () => {
    expect(noneFeatures({ text: TEXT, title: 'Beware the tax-refund phishing scam' }, 2).generalStory).toBe(1);
    expect(noneFeatures({ text: TEXT, title: TITLE }, 2).generalStory).toBe(0);
  });
  it("a scam aimed at a brand's users is about the public", () => {
    expect(noneFeatures({ text: TEXT, title: 'Fake receipts target Acme Music users' }, 2).publicTarget).toBe(1);
    expect(noneFeatures({ text: TEXT, title: TITLE }, 2).publicTarget).toBe(0);
  });
});

describe('softmax', () => {
  it('sums to one over the groups and no victim', () => {
    const r = softmax([1, 2], 0.5);
    expect(r.probs.reduce((a, b) => a + b, 0) + r.none).toBeCloseTo(1);
    expect(r.probs[1]).toBeGreaterThan(r.probs[0]!);
  });
});

const W: VictimRankWeights = { group: { measured: 3, title: 2 }, none: { bias: 2, generalStory: 3 } };

describe('rankVictims and resolve', () => {
  const ctx = (title?: string): ResolveContext => ({
    calibration: null,
    genre: 'article',
    published: true,
    text: TEXT,
    title,
    rankVictims: (groups, doc) => rankVictims(W, groups, doc),
  });
  it('the headline names the victim: it wins over a stronger rule', () => {
    const out = resolve([cand('Acme Security', 'b', 0.7), cand('Smalltown Dental', 'a', 0.4)], ctx(TITLE));
    expect(out.victim?.value).toBe('Smalltown Dental');
  });
  it('a general story: no victim', () => {
    expect(resolve([cand('Smalltown Dental', 'a', 0.6)], ctx('Beware the tax-refund phishing scam')).victim).toBeNull();
  });
  it('without a headline, the hand weights decide', () => {
    const out = resolve([cand('Acme Security', 'b', 0.7), cand('Smalltown Dental', 'a', 0.4)], ctx());
    expect(out.victim?.value).toBe('Acme Security');
  });
});

describe('loadVictimRank', () => {
  it('weights only when the file says use; a missing file is none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vrank-'));
    try {
      writeFileSync(path.join(dir, 'on.json'), JSON.stringify({ use: true, weights: W }));
      writeFileSync(path.join(dir, 'off.json'), JSON.stringify({ use: false, weights: W }));
      expect(loadVictimRank(path.join(dir, 'on.json'))).toEqual(W);
      expect(loadVictimRank(path.join(dir, 'off.json'))).toBeNull();
      expect(loadVictimRank(path.join(dir, 'missing.json'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
