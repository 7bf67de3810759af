// Loads the rules and the ruleset version once, and hands out the processor bound to them.
import { loadCalibration, type CalibrationTable } from './calibration.ts';
import type { PreparedDocument, RawDocument } from './document.ts';
import { processDocument, type ProcessResult } from './extract.ts';
import { loadRules } from './registry.ts';
import type { Rule } from './rule.ts';
import { rulesetVersion } from './ruleset.ts';
import { loadVictimRank, rankVictims, type VictimRanker, type VictimRankWeights } from './victim-rank.ts';

export interface Extractor {
  readonly rules: readonly Rule[];
  readonly ruleset: string;
  process(raw: RawDocument | PreparedDocument, input?: string): ProcessResult;
}

export interface ExtractorOptions {
  /** Where the rules are (default: the package's extractors/). */
  rulesDir?: string;
  /** The root whose rules, calibration and package.json make the ruleset version (default: the package root). */
  root?: string;
  /** The calibration table (default: calibration/calibration.json); null keeps the rules' raw scores. */
  calibration?: CalibrationTable | null;
  /** The learned victim ranking's weights (default: calibration/victim-rank.json when it says use); null: hand weights. */
  victimRank?: VictimRankWeights | null;
  /** Largest text in characters (ProcessorContext; the CLI passes --max-bytes; default LIMITS.maxTextChars). */
  maxChars?: number;
  /** Milliseconds one document may take (ProcessorContext; the CLI passes --doc-timeout; 0: none). */
  deadlineMs?: number;
}

export async function createExtractor(opts: ExtractorOptions = {}): Promise<Extractor> {
  const rules = await loadRules(opts.rulesDir);
  const ruleset = rulesetVersion(opts.root);
  const calibration = opts.calibration === undefined ? loadCalibration() : opts.calibration;
  const weights = opts.victimRank === undefined ? loadVictimRank() : opts.victimRank;
  const rankVictimsWith: VictimRanker | null = weights ? (groups, doc) => rankVictims(weights, groups, doc) : null;
  const limits = { maxChars: opts.maxChars, deadlineMs: opts.deadlineMs };
  return {
    rules,
    ruleset,
    process: (raw, input) => processDocument(raw, { rules, ruleset, calibration, rankVictims: rankVictimsWith, ...limits }, input),
  };
}
