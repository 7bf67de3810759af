// The record contract (record.ts, zod) checked without zod, for the engine: zod's code was half of the engine bundle,
// a tenth of its load, and its parse ~1 % of a run's CPU. The same answer as IncidentRecord.safeParse on any input:
// the same records pass, a passing record comes back as zod gives it (new objects and arrays, the schema's keys in its
// order, any other key left out), and a failing one with zod's issues (path and message, in its order).
// test/check-record.test.ts holds all three against the schema on records and on every kind of break in them.
import { FIELD_NAMES, SCHEMA_ID } from './field-names.ts';
import type { IncidentRecord } from './record.ts';

export interface RecordIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

export type RecordCheck = { success: true; data: IncidentRecord } | { success: false; issues: RecordIssue[] };

type Obj = Record<string, unknown>;
type Part = (v: unknown, c: Checker) => unknown;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const ALPHA2 = /^[A-Z]{2}$/;
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const CURRENCY = /^[A-Z]{3,4}$/;
// zod's z.iso.datetime() (no offset, any precision)
const DATETIME = new RegExp(
  String.raw`^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29` +
    String.raw`|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))` +
    String.raw`T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z))$`,
);
const DATE_ROLES = ['incident', 'discovery', 'disclosure', 'report', 'background'];

/** What zod names a value it did not expect ("received …"). */
function received(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'number' : String(v);
  if (typeof v !== 'object') return typeof v;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const proto = Object.getPrototypeOf(v) as unknown;
  const ctor = proto !== Object.prototype && 'constructor' in v ? (v as { constructor?: { name: string } }).constructor : undefined;
  return ctor ? ctor.name : 'object';
}

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly issues: RecordIssue[] = [];
  readonly path: (string | number)[] = [];
  /** The issues that stop zod's later checks of the same value (a wrong type, a fraction where an integer belongs). */
  stops = 0;

  fail(message: string, stops = false): void {
    this.issues.push({ path: this.path.slice(), message });
    if (stops) this.stops++;
  }

  type(expected: string, v: unknown): void {
    this.fail(`Invalid input: expected ${expected}, received ${received(v)}`, true);
  }

  /** `key` of `input` into `out` as zod's object does: an optional key absent stays absent, a present undefined is kept. */
  prop(input: Obj, key: string, out: Obj, part: Part, optional = false): void {
    const present = key in input;
    if (optional && !present) return;
    this.path.push(key);
    const value = optional && input[key] === undefined ? undefined : part(input[key], this);
    this.path.pop();
    if (value !== undefined || present) out[key] = value;
  }
}

const string: Part = (v, c) => {
  if (typeof v !== 'string') c.type('string', v);
  return v;
};
/**
 * zod's min(1) of a string or an array, which it asks of anything with a length, whatever its type check said: a
 * string where an array belongs fails both.
 */
function nonEmpty(v: unknown, c: Checker): void {
  const length = (v as { length?: unknown } | null | undefined)?.length;
  if (length === undefined || (length as number) >= 1) return;
  if (typeof v === 'string') c.fail('Too small: expected string to have >=1 characters');
  else if (Array.isArray(v)) c.fail('Too small: expected array to have >=1 items');
  else c.fail('Too small: expected input to have >=1');
}
const text: Part = (v, c) => {
  if (typeof v !== 'string') c.type('string', v);
  nonEmpty(v, c);
  return v;
};
const matching =
  (re: RegExp, message: string): Part =>
  (v, c) => {
    if (typeof v !== 'string') c.type('string', v);
    else if (!re.test(v)) c.fail(message);
    return v;
  };
const nullable =
  (part: Part): Part =>
  (v, c) =>
    v === null ? null : part(v, c);

/** A finite number, then: a safe integer when `int` (a fraction stops the checks there), above `gt` or at least `gte`, at most `lte`. */
const number =
  (opts: { int?: boolean; gt?: number; gte?: number; lte?: number }): Part =>
  (v, c) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      c.type('number', v);
      return v;
    }
    if (opts.int) {
      if (!Number.isInteger(v)) {
        c.fail('Invalid input: expected int, received number', true);
        return v;
      }
      if (v > MAX_SAFE) c.fail(`Too big: expected int to be <=${MAX_SAFE}`);
      else if (v < -MAX_SAFE) c.fail(`Too small: expected int to be >=${-MAX_SAFE}`);
    }
    if (opts.gt !== undefined && !(v > opts.gt)) c.fail(`Too small: expected number to be >${opts.gt}`);
    if (opts.gte !== undefined && !(v >= opts.gte)) c.fail(`Too small: expected number to be >=${opts.gte}`);
    if (opts.lte !== undefined && !(v <= opts.lte)) c.fail(`Too big: expected number to be <=${opts.lte}`);
    return v;
  };

/** An object of `keys` (each [name, part, optional]), as zod's z.object: a new object of those keys, in that order. */
const object =
  (keys: readonly (readonly [string, Part, boolean?])[]): Part =>
  (v, c) => {
    if (!isObject(v)) {
      c.type('object', v);
      return v;
    }
    const out: Obj = {};
    for (const [key, part, optional] of keys) c.prop(v, key, out, part, optional);
    return out;
  };

/** An array of `part`, at least one long when `nonEmpty`. */
const array =
  (part: Part, atLeastOne: boolean): Part =>
  (v, c) => {
    if (!Array.isArray(v)) {
      c.type('array', v);
      if (atLeastOne) nonEmpty(v, c);
      return v;
    }
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
      c.path.push(i);
      out.push(part(v[i], c));
      c.path.pop();
    }
    if (atLeastOne) nonEmpty(v, c);
    return out;
  };

const count = number({ int: true, gte: 0 });
const spanObject = object([
  ['start', count],
  ['end', count],
  ['text', text],
]);
// the refinement runs on a span none of whose issues stops it, as zod's does (a number out of range does not)
const span: Part = (v, c) => {
  const before = c.stops;
  const out = spanObject(v, c) as Obj;
  if (c.stops === before && !((out.end as number) > (out.start as number))) c.fail('evidence span must have end > start');
  return out;
};
const evidence = array(span, true);
const confidence = number({ gte: 0, lte: 1 });
const alpha2 = nullable(matching(ALPHA2, 'ISO 3166-1 alpha-2 code'));
const role: Part = (v, c) => {
  if (!DATE_ROLES.includes(v as string)) c.fail(`Invalid option: expected one of ${DATE_ROLES.map((r) => JSON.stringify(r)).join('|')}`);
  return v;
};

/** A field as record.ts's fieldOf makes it: the alternative's keys, then its alternatives (optional); or null. */
function field(value: Part, extra: readonly (readonly [string, Part, boolean?])[] = []): Part {
  const keys = [['value', value], ['confidence', confidence], ['evidence', evidence], ['rule', text], ...extra] as const;
  return nullable(object([...keys, ['alternatives', array(object(keys), false), true]]));
}

const FIELD_PARTS: Record<string, Part> = {
  victim: field(text),
  date: field(matching(DATE, 'ISO 8601 date at YYYY, YYYY-MM or YYYY-MM-DD precision'), [['role', role, true]]),
  location: field(
    object([
      ['country', alpha2],
      ['region', nullable(text)],
      ['city', nullable(text)],
    ]),
  ),
  serverCount: field(number({ int: true, gt: 0 })),
  ransom: field(
    object([
      ['demanded', (v, c) => (typeof v === 'boolean' ? v : (c.type('boolean', v), v))],
      ['amount', nullable(number({ gt: 0 }))],
      ['currency', nullable(matching(CURRENCY, 'ISO 4217 code or crypto ticker'))],
    ]),
  ),
  origin: field(
    object([
      ['country', alpha2],
      ['actor', nullable(text)],
    ]),
  ),
};

const optionalString = [string, true] as const;
const record = object([
  ['schema', (v, c) => (v === SCHEMA_ID ? v : (c.fail(`Invalid input: expected ${JSON.stringify(SCHEMA_ID)}`), v))],
  ['id', text],
  [
    'source',
    object([
      ['uri', ...optionalString],
      ['title', ...optionalString],
      ['publishedAt', ...optionalString],
    ]),
  ],
  ['ruleset', text],
  ['extractedAt', matching(DATETIME, 'Invalid ISO datetime')],
  ['fields', object(FIELD_NAMES.map((name) => [name, FIELD_PARTS[name]!]))],
  ['warnings', array(string, false)],
]);

// The way of a record that passes (every record the pipeline makes): the same checks written out, no issue kept and no
// path followed, each part copied as zod copies it; undefined at the first thing wrong, and the record then goes the way
// above, which finds zod's issues. (The parts above, closures calling closures, cost TurboFan tens of ms to compile.)
const isText = (v: unknown): v is string => typeof v === 'string' && v.length >= 1;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isConfidence = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
const isCodeOrNull = (v: unknown, re: RegExp) => v === null || (typeof v === 'string' && re.test(v));
const isTextOrNull = (v: unknown) => v === null || isText(v);

function fastValue(name: string, v: unknown): unknown {
  switch (name) {
    case 'victim':
      return isText(v) ? v : undefined;
    case 'date':
      return typeof v === 'string' && DATE.test(v) ? v : undefined;
    case 'serverCount':
      return Number.isSafeInteger(v) && (v as number) > 0 ? v : undefined;
  }
  if (!isObject(v)) return undefined;
  switch (name) {
    case 'location': {
      const { country, region, city } = v;
      return isCodeOrNull(country, ALPHA2) && isTextOrNull(region) && isTextOrNull(city) ? { country, region, city } : undefined;
    }
    case 'ransom': {
      const { demanded, amount, currency } = v;
      const amountOk = amount === null || (typeof amount === 'number' && Number.isFinite(amount) && amount > 0);
      return typeof demanded === 'boolean' && amountOk && isCodeOrNull(currency, CURRENCY) ? { demanded, amount, currency } : undefined;
    }
    default: {
      const { country, actor } = v;
      return isCodeOrNull(country, ALPHA2) && isTextOrNull(actor) ? { country, actor } : undefined;
    }
  }
}

function fastEvidence(v: unknown): Obj[] | undefined {
  if (!Array.isArray(v) || v.length < 1) return undefined;
  const out: Obj[] = [];
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (!isObject(s)) return undefined;
    const { start, end, text } = s;
    if (!isCount(start) || !isCount(end) || !isText(text) || !(end > start)) return undefined;
    out.push({ start, end, text });
  }
  return out;
}

/** A field's answer or one of its alternatives (`top`: the answer, which may hold alternatives). */
function fastAlternative(name: string, v: unknown, top: boolean): Obj | undefined {
  if (!isObject(v)) return undefined;
  const value = fastValue(name, v.value);
  const { confidence, rule } = v;
  const evidence = fastEvidence(v.evidence);
  if (value === undefined || !isConfidence(confidence) || evidence === undefined || !isText(rule)) return undefined;
  const out: Obj = { value, confidence, evidence, rule };
  if (name === 'date' && 'role' in v) {
    const role = v.role;
    if (role !== undefined && !DATE_ROLES.includes(role as string)) return undefined;
    out.role = role;
  }
  if (top && 'alternatives' in v) {
    const alternatives = v.alternatives;
    if (alternatives === undefined) out.alternatives = undefined;
    else {
      if (!Array.isArray(alternatives)) return undefined;
      const list: Obj[] = [];
      for (let i = 0; i < alternatives.length; i++) {
        const a = fastAlternative(name, alternatives[i], false);
        if (a === undefined) return undefined;
        list.push(a);
      }
      out.alternatives = list;
    }
  }
  return out;
}

function fastOptionalString(from: Obj, key: string, out: Obj): boolean {
  if (!(key in from)) return true;
  const v = from[key];
  if (v !== undefined && typeof v !== 'string') return false;
  out[key] = v;
  return true;
}

function fastRecord(input: unknown): IncidentRecord | undefined {
  if (!isObject(input)) return undefined;
  const { schema, id, source, ruleset, extractedAt, fields, warnings } = input;
  if (schema !== SCHEMA_ID || !isText(id) || !isText(ruleset) || typeof extractedAt !== 'string' || !DATETIME.test(extractedAt)) return undefined;
  if (!isObject(source) || !isObject(fields) || !Array.isArray(warnings)) return undefined;
  const src: Obj = {};
  if (!fastOptionalString(source, 'uri', src) || !fastOptionalString(source, 'title', src) || !fastOptionalString(source, 'publishedAt', src)) return undefined;
  const outFields: Obj = {};
  for (const name of FIELD_NAMES) {
    const f = fields[name];
    if (f === null) outFields[name] = null;
    else {
      const field = fastAlternative(name, f, true);
      if (field === undefined) return undefined;
      outFields[name] = field;
    }
  }
  for (let i = 0; i < warnings.length; i++) if (typeof warnings[i] !== 'string') return undefined;
  return { schema, id, source: src, ruleset, extractedAt, fields: outFields, warnings: warnings.slice() } as unknown as IncidentRecord;
}

/** IncidentRecord.safeParse(input) without zod: the record as zod returns it, or zod's issues. */
export function checkRecord(input: unknown): RecordCheck {
  const fast = fastRecord(input);
  if (fast) return { success: true, data: fast };
  const c = new Checker();
  const data = record(input, c) as IncidentRecord;
  return c.issues.length ? { success: false, issues: c.issues } : { success: true, data };
}
