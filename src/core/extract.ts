// The processor: one plain function from a raw document to a record or a dead letter.
// Both runners call it; it never throws for bad input.
import { LIMITS } from '../config.ts';
import { analyse } from './analyse/analyse.ts';
import { deadLetter } from './contract/dead-letter.ts';
import type { DeadLetter, IncidentRecord } from './contract/record.ts';
import { buildRecord, RecordError } from './build-record.ts';
import { genreOf, type CalibrationTable } from './calibration.ts';
import { prepare, type PreparedDocument, type RawDocument } from './document.ts';
import { languageWarning } from './language.ts';
import { runRule } from './registry.ts';
import { resolve, type Decision } from './resolve.ts';
import type { Candidate, Rule } from './rule.ts';
import type { VictimRanker } from './victim-rank.ts';

// One limit each, from config: the character limit is the byte limit (the CLI passes its --max-bytes as maxChars).
const MAX_TEXT_CHARS = LIMITS.maxTextChars;
const DEADLINE_MS = LIMITS.docTimeoutMs;

class DeadlineError extends Error {}

export interface ProcessorContext {
  readonly rules: readonly Rule[];
  readonly ruleset: string;
  /** Measured precision per rule (calibration/calibration.json, see loadCalibration); null keeps raw scores. */
  readonly calibration: CalibrationTable | null;
  /** How a victim candidate's place in the text weighs in ranking (default: resolve's positionPrior). */
  readonly rankingPrior?: (c: Candidate) => number;
  /** The learned ranking of an article's victim candidates (see victim-rank.ts); absent or null: hand weights only. */
  readonly rankVictims?: VictimRanker | null;
  readonly now?: () => Date;
  /** Sees what resolve decided per field (for calibration). */
  readonly observe?: (docId: string, decision: Decision) => void;
  /** Largest text in characters (default LIMITS.maxTextChars; the CLI passes --max-bytes). */
  readonly maxChars?: number;
  /** Milliseconds one document may take (default LIMITS.docTimeoutMs, 0: none; checked between rules, so one rule is never cut short). */
  readonly deadlineMs?: number;
}

export type ProcessResult = { ok: true; record: IncidentRecord } | { ok: false; deadLetter: DeadLetter };

/** All candidates of all rules, before resolve: for rule tests, calibration and debugging. */
export function propose(rules: readonly Rule[], doc: ReturnType<typeof analyse>, warnings?: string[], deadline = Infinity): Candidate[] {
  const out: Candidate[] = [];
  // (indexed loops: see runRule)
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (performance.now() > deadline) throw new DeadlineError(`still running rule ${rule.id} when the deadline passed`);
    const found = runRule(rule, doc, warnings);
    for (let j = 0; j < found.length; j++) out.push(found[j]!);
  }
  return out;
}

/**
 * A raw document, or one prepared already (prepare(): the store and the BullMQ path prepare it before it gets here),
 * becomes a record or a dead letter. A prepared document is not normalised again.
 */
export function processDocument(raw: RawDocument | PreparedDocument, ctx: ProcessorContext, input?: string): ProcessResult {
  const {
    id,
    text,
    source: { uri, title, publishedAt },
  } = prepare(raw);
  return processPrepared({ id, text, uri, title, publishedAt }, ctx, input ?? uri ?? ('source' in raw ? id : raw.id) ?? '-');
}

interface Ready {
  id: string;
  text: string;
  uri?: string;
  title?: string;
  publishedAt?: string;
}

function processPrepared({ id, text, uri, title, publishedAt }: Ready, ctx: ProcessorContext, input: string): ProcessResult {
  const now = ctx.now?.() ?? new Date();
  if (!text.trim()) return { ok: false, deadLetter: deadLetter(id, input, 'extract', 'empty-text', 'document has no text', now) };
  const maxChars = ctx.maxChars ?? MAX_TEXT_CHARS;
  if (text.length > maxChars) {
    return {
      ok: false,
      deadLetter: deadLetter(id, input, 'extract', 'too-large', `text has ${text.length} characters, the limit is ${maxChars} (--max-bytes)`, now),
    };
  }
  const deadlineMs = ctx.deadlineMs ?? DEADLINE_MS;
  const deadline = deadlineMs > 0 ? performance.now() + deadlineMs : Infinity; // 0: no deadline
  const warnings: string[] = [];
  const doc = analyse({ id, text, title, publishedAt });
  // read on the one-byte view the rules read (the same answer): its patterns are then compiled for one kind of string
  const language = languageWarning(text, doc.text);
  if (language) warnings.push(language);
  const observe = ctx.observe;
  let candidates: Candidate[];
  try {
    candidates = propose(ctx.rules, doc, warnings, deadline);
  } catch (err) {
    if (!(err instanceof DeadlineError)) throw err;
    return { ok: false, deadLetter: deadLetter(id, input, 'extract', 'timeout', `extraction took longer than ${deadlineMs} ms (${err.message})`, now) };
  }
  const fields = resolve(candidates, {
    calibration: ctx.calibration,
    rankingPrior: ctx.rankingPrior,
    rankVictims: ctx.rankVictims,
    text,
    title,
    view: doc,
    published: !!publishedAt,
    genre: genreOf(text, publishedAt),
    blocks: doc.blocks,
    observe: observe && ((d) => observe(id, d)),
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
