// The processor: one plain function from a raw document to a record or a dead letter.
// Both runners call it; it never throws for bad input.
import { analyse } from './analyse/analyse.ts';
import { deadLetter } from './contract/dead-letter.ts';
import type { DeadLetter, IncidentRecord } from './contract/record.ts';
import { buildRecord, RecordError } from './build-record.ts';
import { prepare, type RawDocument } from './document.ts';
import { languageWarning } from './language.ts';
import { runRule } from './registry.ts';
import { resolve, type Decision } from './resolve.ts';
import type { Candidate, Rule } from './rule.ts';

/**
 * The default largest text, in UTF-16 characters: the same number as ingest's default byte limit (--max-bytes,
 * 5 MB), since a text of N bytes has at most N characters. The CLI passes its --max-bytes here, so one limit holds.
 */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;
/** The default per-document deadline: past it the document is dead-lettered (`timeout`) and the worker moves on. */
export const DEADLINE_MS = 120_000;

class DeadlineError extends Error {}

export interface ProcessorContext {
  readonly rules: readonly Rule[];
  readonly ruleset: string;
  readonly now?: () => Date;
  /** Sees what resolve decided per field (for calibration). */
  readonly observe?: (docId: string, decision: Decision) => void;
  /** Largest text in characters (default MAX_TEXT_CHARS). */
  readonly maxChars?: number;
  /** Milliseconds one document may take (default DEADLINE_MS; checked between rules, so one rule is never cut short). */
  readonly deadlineMs?: number;
}

export type ProcessResult =
  | { ok: true; record: IncidentRecord }
  | { ok: false; deadLetter: DeadLetter };


/** All candidates of all rules, before resolve: for rule tests, calibration and debugging. */
export function propose(rules: readonly Rule[], doc: ReturnType<typeof analyse>, warnings?: string[], deadline = Infinity): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of rules) {
    if (performance.now() > deadline) throw new DeadlineError(`still running rule ${rule.id} when the deadline passed`);
    for (const c of runRule(rule, doc, warnings)) out.push(c);
  }
  return out;
}

export function processDocument(raw: RawDocument, ctx: ProcessorContext, input = raw.uri ?? raw.id ?? '-'): ProcessResult {
  const now = ctx.now?.() ?? new Date();
  const { id, text } = prepare(raw);
  if (!text.trim()) return { ok: false, deadLetter: deadLetter(id, input, 'extract', 'empty-text', 'document has no text', now) };
  const maxChars = ctx.maxChars ?? MAX_TEXT_CHARS;
  if (text.length > maxChars) {
    return { ok: false, deadLetter: deadLetter(id, input, 'extract', 'too-large', `text has ${text.length} characters, the limit is ${maxChars} (--max-bytes)`, now) };
  }
  const deadlineMs = ctx.deadlineMs ?? DEADLINE_MS;
  const deadline = deadlineMs > 0 ? performance.now() + deadlineMs : Infinity; // 0: no deadline
  const warnings: string[] = [];
  const language = languageWarning(text);
  if (language) warnings.push(language);
  const doc = analyse({ id, text, title: raw.title, publishedAt: raw.publishedAt });
  const observe = ctx.observe;
  let candidates: Candidate[];
  try {
    candidates = propose(ctx.rules, doc, warnings, deadline);
  } catch (err) {
    if (!(err instanceof DeadlineError)) throw err;
    return { ok: false, deadLetter: deadLetter(id, input, 'extract', 'timeout', `extraction took longer than ${deadlineMs} ms (${err.message})`, now) };
  }
  const fields = resolve(candidates, { text, blocks: doc.blocks, observe: observe && ((d) => observe(id, d)) });
  try {
    const source = {
      ...(raw.uri ? { uri: raw.uri } : {}),
      ...(raw.title ? { title: raw.title } : {}),
      ...(doc.publishedAt ? { publishedAt: raw.publishedAt } : {}),
    };
    return { ok: true, record: buildRecord({ id, text, source, ruleset: ctx.ruleset, fields, warnings, extractedAt: now }) };
  } catch (err) {
    const reason = err instanceof RecordError ? 'schema-violation' : 'internal-error';
    return { ok: false, deadLetter: deadLetter(id, input, 'validate', reason, (err as Error).message, now) };
  }
}
