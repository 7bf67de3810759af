// What a victim-name clean step is: one named trim or rejection of a capitalised run, with the runs it acts on
// (examples) and the runs it must leave alone (counter-examples), the way a rule carries its own. Each example is a
// text with the run in [brackets]; test/victim-clean.test.ts applies the step alone to that run.
import type { AnalysedDoc } from '../../../_shared/kit.ts';

/** A run being trimmed: text[s, e), with what earlier trims learnt about it. */
export interface Run {
  readonly doc: AnalysedDoc;
  readonly text: string;
  s: number;
  e: number;
  /** A legal form ended the run ("Alton Steel, Inc."): the run is a company, whatever first name it opens with. */
  incorporated: boolean;
  /** A lower-case kind after the run was taken into it ("Barrie police"). */
  kindTaken: boolean;
}

/** A trimmed run, judged by the rejections. */
export interface Named {
  readonly doc: AnalysedDoc;
  readonly text: string;
  readonly s: number;
  readonly e: number;
  readonly value: string;
  /** The value's words, lower case. */
  readonly words: readonly string[];
  readonly incorporated: boolean;
}

export interface StepExample {
  /** A text with the run in [brackets]. */
  readonly run: string;
  /** The run after the step; null when the step rejects it. */
  readonly value: string | null;
}

export interface StepSpec {
  readonly name: string;
  readonly examples: readonly StepExample[];
  /** Texts with a run in [brackets] that the step leaves as it is. */
  readonly counterExamples: readonly string[];
}

export interface TrimStep extends StepSpec {
  /** Moves run.s / run.e; returns false when nothing is left of the run. */
  trim(run: Run): boolean | void;
}

export interface RejectStep extends StepSpec {
  /** True when the run is no victim organisation. */
  rejects(n: Named): boolean;
}

export const defineTrim = (step: TrimStep): TrimStep => step;
export const defineReject = (step: RejectStep): RejectStep => step;
