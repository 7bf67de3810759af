// The processor: one plain function from a raw document to a record or a dead letter.
// Both runners call it; it never throws for bad input.
import { LIMITS } from '../config.ts';
import { analyse } from './analyse/analyse.ts';
import { deadLetter } from './contract/dead-letter.ts';
import type { DeadLetter, IncidentRecord } from './contract/record.ts';
import { buildRecord, RecordError } from './build-record.ts';
import type { CalibrationTable } from './calibration.ts';
import { prepare, type PreparedDocument, type RawDocument } from './document.ts';
import { runRule } from './registry.ts';
import { resolve, type Decision } from './resolve.ts';
import { genreOf } from './calibration.ts';
import type { Candidate, Rule } from './rule.ts';

const MAX_TEXT_CHARS = LIMITS.maxTextChars;

export interface ProcessorContext {
  readonly rules: readonly Rule[];
  readonly ruleset: string;
  /** Measured precision per rule (calibration/calibration.json, see loadCalibration); null keeps raw scores. */
  readonly calibration: CalibrationTable | null;
  /** How a victim candidate's place in the text weighs in ranking (default: resolve's positionPrior). */
  readonly rankingPrior?: (c: Candidate) => number;
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

/**
 * A raw document, or one prepared already (prepare(): the store and the BullMQ path prepare it before it gets here),
 * becomes a record or a dead letter. A prepared document is not normalised again.
 */
export function processDocument(raw: RawDocument | PreparedDocument, ctx: ProcessorContext, input?: string): ProcessResult {
  const { id, text, source: { uri, title, publishedAt } } = prepare(raw);
  return processPrepared({ id, text, uri, title, publishedAt }, ctx, input ?? uri ?? ('source' in raw ? id : raw.id) ?? '-');
}

interface Ready { id: string; text: string; uri?: string; title?: string; publishedAt?: string }

function processPrepared({ id, text, uri, title, publishedAt }: Ready, ctx: ProcessorContext, input: string): ProcessResult {
  const now = ctx.now?.() ?? new Date();
  if (!text.trim()) return { ok: false, deadLetter: deadLetter(id, input, 'extract', 'empty-text', 'document has no text', now) };
  if (text.length > MAX_TEXT_CHARS) {
    return { ok: false, deadLetter: deadLetter(id, input, 'extract', 'too-large', `text has ${text.length} characters, the limit is ${MAX_TEXT_CHARS}`, now) };
  }
  const warnings: string[] = [];
  const doc = analyse({ id, text, title, publishedAt });
  const observe = ctx.observe;
  const fields = resolve(propose(ctx.rules, doc, warnings), {
    calibration: ctx.calibration, rankingPrior: ctx.rankingPrior, text, title, genre: genreOf(text, publishedAt), blocks: doc.blocks, observe: observe && ((d) => observe(id, d)),
  });
  try {
    const source = {
      ...(uri ? { uri } : {}),
      ...(title ? { title } : {}),
      // a publication date analyse could not read is left out of the record
      ...(doc.publishedAt ? { publishedAt } : {}),
    };
    return { ok: true, record: buildRecord({ id, text, source, ruleset: ctx.ruleset, fields, warnings, extractedAt: now }) };
  } catch (err) {
    const reason = err instanceof RecordError ? 'schema-violation' : 'internal-error';
    return { ok: false, deadLetter: deadLetter(id, input, 'validate', reason, (err as Error).message, now) };
  }
}
