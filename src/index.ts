// The package's public API: the record contract, the processor and what rules are written with.
export * from './core/contract/record.ts';
export { analyse, type AnalysedDoc, type Sentence } from './core/analyse/analyse.ts';
export { defineRule, span, type Rule, type RuleSpec, type Candidate, type Proposal } from './core/rule.ts';
export { createExtractor, type Extractor } from './core/engine.ts';
export { processDocument, type ProcessResult, type ProcessorContext } from './core/extract.ts';
export { contentId, normaliseText } from './core/document.ts';
export { RawDocument } from './core/contract/raw-document.ts';
export { buildRecord, RecordError } from './core/build-record.ts';
export { rulesetVersion } from './core/ruleset.ts';
export { score, formatScores, type GoldLine, type ScoreResult } from './eval/score.ts';
