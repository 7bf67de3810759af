// The processor: one plain function from a raw document to a record or a dead letter.
// Both runners call it; it never throws for bad input.
import { analyse } from './analyse/analyse.ts';
import { deadLetter } from './contract/dead-letter.ts';
import type { DeadLetter, IncidentRecord } from './contract/record.ts';
import { buildRecord, RecordError } from './build-record.ts';
import { prepare, type RawDocument } from './document.ts';
import { runRule } from './registry.ts';
import { resolve, type Decision } from './resolve.ts';
import { genreOf } from './calibration.ts';
import type { Candidate, Rule } from './rule.ts';

export const MAX_TEXT_CHARS = 2_000_000;

export interface ProcessorContext {
  readonly rules: readonly Rule[];
  readonly ruleset: string;
  readonly now?: () => Date;
  /** Sees what resolve decided per field (for calibration). */
  readonly observe?: (docId: string, decision: Decision) => void;
}

export type ProcessResult =
  | { ok: true; record: IncidentRecord }
  | { ok: false; deadLetter: DeadLetter };


/** All candidates of all rules, before resolve: for rule tests, calibration and debugging. */
export function propose(rules: readonly Rule[], doc: ReturnType<typeof analyse>, warnings?: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of rules) out.push(...runRule(rule, doc, warnings));
  return out;
}

export function processDocument(raw: RawDocument, ctx: ProcessorContext, input = raw.uri ?? raw.id ?? '-'): ProcessResult {
  const now = ctx.now?.() ?? new Date();
  const { id, text } = prepare(raw);
  if (!text.trim()) return { ok: false, deadLetter: deadLetter(id, input, 'extract', 'empty-text', 'document has no text', now) };
  if (text.length > MAX_TEXT_CHARS) {
    return { ok: false, deadLetter: deadLetter(id, input, 'extract', 'too-large', `text has ${text.length} characters, the limit is ${MAX_TEXT_CHARS}`, now) };
  }
  const warnings: string[] = [];
  const doc = analyse({ id, text, title: raw.title, publishedAt: raw.publishedAt });
  const observe = ctx.observe;
  const fields = resolve(propose(ctx.rules, doc, warnings), { text, title: raw.title, blocks: doc.blocks, genre: genreOf(text, raw.publishedAt), observe: observe && ((d) => observe(id, d)) });
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
