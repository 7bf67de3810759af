// What a rule is: a pure function from an analysed document to candidates for one field, shipped with
// the examples it must get right and the counter-examples on which it must propose nothing.
import type { AnalysedDoc } from './analyse/analyse.ts';
import type { FieldName, FieldValue, Span } from './contract/record.ts';

export interface Candidate<F extends FieldName = FieldName> {
  readonly field: F;
  readonly value: FieldValue[F];
  /** The rule's prior belief; resolve combines and calibrates it. */
  readonly confidence: number;
  readonly evidence: readonly Span[];
  /** Filled in by the registry from the rule's path. */
  readonly rule: string;
}

export interface RuleExample<F extends FieldName> {
  readonly text: string;
  readonly publishedAt?: string;
  readonly value: FieldValue[F];
}

export interface RuleCounterExample {
  readonly text: string;
  readonly publishedAt?: string;
}

/** What a rule file's default export declares. */
export interface RuleSpec<F extends FieldName = FieldName> {
  readonly field: F;
  readonly examples: readonly RuleExample<F>[];
  readonly counterExamples: readonly (string | RuleCounterExample)[];
  propose(doc: AnalysedDoc): Iterable<Proposal<F>>;
}

/** A candidate as a rule returns it: the registry adds field and rule id. */
export interface Proposal<F extends FieldName = FieldName> {
  readonly value: FieldValue[F];
  readonly confidence: number;
  readonly evidence: readonly Span[];
}

export interface Rule<F extends FieldName = FieldName> extends RuleSpec<F> {
  /** The rule's path below extractors/, without extension: "ransom/demanded-amount". */
  readonly id: string;
}

export function defineRule<F extends FieldName>(spec: RuleSpec<F>): RuleSpec<F> {
  return spec;
}

/** An evidence span for text[start, end). */
export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
