// A reviewer's form turned into a stored correction: accept the record's value, choose an alternative, type
// the right value, or say the text does not give it. Typed values are checked against the record contract.
import { FIELD_NAMES, FIELD_VALUE, type FieldName, type IncidentRecord } from '../core/contract/record.ts';
import type { Correction } from '../store/store.ts';

export class CorrectionError extends Error {}

export interface CorrectionForm {
  field: string;
  choice: string;
  typed?: string;
}

const blank = (s: string | undefined) => (s ?? '').trim() || null;
const upper = (s: string | undefined) => blank(s)?.toUpperCase() ?? null;

/**
 * Short forms a person types, per field: "BE, Namur, Namur" (country, region, city), "yes 4000 USD" / "no"
 * for ransom, "RU, Fancy Bear" for origin; a JSON object is taken as it is.
 */
function parseTyped(field: FieldName, raw: string): unknown {
  const s = raw.trim();
  if (!s) throw new CorrectionError('type a value, or choose "not in the text"');
  if (s.startsWith('{')) {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      throw new CorrectionError('the typed value starts with { but is not JSON');
    }
  }
  const parts = s.split(',').map((p) => p.trim());
  switch (field) {
    case 'serverCount':
      return Number(s);
    case 'location':
      return { country: upper(parts[0]), region: blank(parts[1]), city: blank(parts[2]) };
    case 'origin':
      return { country: upper(parts[0]), actor: blank(parts.slice(1).join(',')) };
    case 'ransom': {
      const m = /^(yes|no|true|false)\b\s*([\d.,]+)?\s*([a-z]{3,4})?$/i.exec(s);
      if (!m) throw new CorrectionError('ransom: type "yes", "no" or "yes 4000 USD"');
      const amount = m[2] ? Number(m[2].replace(/,/g, '')) : null;
      return { demanded: /^(yes|true)$/i.test(m[1]!), amount, currency: m[3] ? m[3].toUpperCase() : null };
    }
    default:
      return s;
  }
}

/** The correction a form asks for, on the record it was made against; throws CorrectionError when it is not one. */
export function toCorrection(record: IncidentRecord, form: CorrectionForm, at = new Date()): Correction {
  if (!(FIELD_NAMES as string[]).includes(form.field)) throw new CorrectionError(`no field ${form.field}`);
  const field = form.field as FieldName;
  const current = record.fields[field];
  const base = { documentId: record.id, field, ruleset: record.ruleset, at: at.toISOString() };
  if (form.choice === 'accept') return { ...base, action: 'accept', value: current?.value ?? null };
  if (form.choice === 'none') return { ...base, action: 'none', value: null };
  const alt = /^alt-(\d+)$/.exec(form.choice);
  if (alt) {
    const a = current?.alternatives?.[Number(alt[1])];
    if (!a) throw new CorrectionError(`${field} has no alternative ${alt[1]}`);
    return { ...base, action: 'alternative', value: a.value };
  }
  if (form.choice !== 'typed') throw new CorrectionError(`unknown choice ${form.choice}`);
  const value = parseTyped(field, form.typed ?? '');
  const check = FIELD_VALUE[field].safeParse(value);
  if (!check.success) throw new CorrectionError(`${field}: ${check.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}`);
  return { ...base, action: 'typed', value: check.data };
}

/** The latest correction of each field of one document. */
export function latestByField<C extends Correction>(cs: readonly C[]): Map<string, C> {
  const out = new Map<string, C>();
  for (const c of cs) out.set(c.field, c);
  return out;
}
