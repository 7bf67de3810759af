// The package's public API: the record contract, the processor and what rules are written with.
export * from './contract/record.ts';
export { analyse, type AnalysedDoc, type Sentence } from './analyse/analyse.ts';
export { defineRule, span, type Rule, type RuleSpec, type Candidate, type Proposal } from './pipeline/rule.ts';
export { createExtractor, type Extractor } from './pipeline/engine.ts';
export { processDocument, type ProcessResult, type ProcessorContext } from './pipeline/extract.ts';
export { RawDocument, contentId, normaliseText } from './pipeline/document.ts';
export { buildRecord, RecordError } from './pipeline/build-record.ts';
export { rulesetVersion } from './pipeline/ruleset.ts';
export { score, formatScores, type GoldLine, type ScoreResult } from './eval/score.ts';
