// What the pipeline knows about one field beyond its rules: how resolve groups and merges its candidates, how the
// scorer judges it against a gold label, which columns it fills in the incident_records table. One descriptor per
// field (./<field>.ts), listed in ./index.ts: adding a field is its extractors/<field>/ folder plus one descriptor.
import type { FieldName, FieldValue, Fields } from '../contract/record.ts';

/** A gold date: the year, and the month and day when the label states them. */
export interface GoldDate {
  year: number;
  month: number | null;
  day: number | null;
}

/** A document's labels in the gold corpus format (shared/corpus/README.md). */
export interface GoldLabels {
  victim?: string | null;
  date?: GoldDate | null;
  country?: string | null;
  server_count?: number | null;
  ransom?: { demanded: boolean | null; amount: number | null; currency: string | null } | null;
  origin_country?: string | null;
}

/** One line of the scores table: a field judged one way (a field may have several, e.g. date and date_year). */
export interface ScoreView<F extends FieldName> {
  /** The name in the scores table, as the reference scorer (shared/eval/score.mjs) spells it. */
  readonly name: string;
  /** The key of meta.support that says the label shows up in the text (the answerable subset). */
  readonly supportKey: string;
  /** The label for this view; undefined when the document is not labelled for it. */
  gold(labels: GoldLabels): unknown;
  /** Whether a record's value answers this view at all (a location without a country does not answer `country`). */
  answers(value: FieldValue[F]): boolean;
  /** Whether the value matches the label; `alternatives` are other accepted victim names. */
  ok(value: FieldValue[F], gold: never, alternatives: readonly string[]): boolean;
}

/** A column of incident_records, filled from the field (null when the field is null). */
export interface Column<F extends FieldName> {
  readonly name: string;
  /** Its type in PostgreSQL. */
  readonly type: string;
  of(field: NonNullable<Fields[F]>): unknown;
}

export interface FieldDescriptor<F extends FieldName> {
  readonly name: F;
  /** Values that agree share a key: resolve groups candidates by it. */
  key(value: FieldValue[F]): string;
  /** Fills what the winner leaves open from the values of agreeing candidates, best first. */
  merge(best: FieldValue[F], peers: FieldValue[F][]): FieldValue[F];
  /**
   * The value and the coarser values it implies ("2018-06-08" → itself, "2018-06", "2018"), when values of one key are
   * not all alike: resolve then splits a key's candidates into sets that can all hold at once (a value and what it
   * implies), since two days of one year share a key, yet one does not make the other likelier.
   */
  coarser?(value: FieldValue[F]): readonly FieldValue[F][];
  /** Whether the shorter key names the same thing as the longer one (its group folds into the longer key's). */
  sameEntity?(shorter: string, longer: string): boolean;
  /**
   * The tokens of a key, when sameEntity holds only if every token of the shorter key is among the longer's: resolve
   * then tries only the keys that share a token (a text naming thousands of names folds them in near-linear time).
   */
  entityTokens?(key: string): ReadonlySet<string>;
  readonly score: readonly ScoreView<F>[];
  readonly columns: readonly Column<F>[];
}

// NFKD and the combining marks it leaves taken out; ASCII, which neither changes, as it is
const NOT_ASCII = /[^\x00-\x7f]/;
const withoutAccents = (s: string) => (NOT_ASCII.test(s) ? s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : s);

/** Lower case, no accents, no leading "the" or trailing "'s", words only: names that agree compare equal. */
export const normName = (s: string) =>
  withoutAccents(s.toLowerCase())
    .replace(/^the\s+/, '')
    .replace(/['’\x92]s$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The confidence column every field has. */
export const confidenceColumn = <F extends FieldName>(name: string): Column<F> => ({ name, type: 'real', of: (f) => f.confidence });
