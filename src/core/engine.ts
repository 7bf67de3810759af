// Loads the rules and the ruleset version once, and hands out the processor bound to them.
import { processDocument, type ProcessResult } from './extract.ts';
import type { RawDocument } from './document.ts';
import { loadRules } from './registry.ts';
import type { Rule } from './rule.ts';
import { rulesetVersion } from './ruleset.ts';

export interface Extractor {
  readonly rules: readonly Rule[];
  readonly ruleset: string;
  process(raw: RawDocument, input?: string): ProcessResult;
}

/** `maxChars`, `deadlineMs`: the per-document limits (ProcessorContext); the CLI passes --max-bytes and --doc-timeout. */
export async function createExtractor(opts: { rulesDir?: string; root?: string; maxChars?: number; deadlineMs?: number } = {}): Promise<Extractor> {
  const rules = await loadRules(opts.rulesDir);
  const ruleset = rulesetVersion(opts.root);
  const limits = { maxChars: opts.maxChars, deadlineMs: opts.deadlineMs };
  return { rules, ruleset, process: (raw, input) => processDocument(raw, { rules, ruleset, ...limits }, input) };
}
