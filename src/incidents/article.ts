// What grouping needs of one article's record: its victim keys, its dates and its country.
import type { FieldName, IncidentRecord } from '../core/contract/record.ts';
import { nameKeys } from './names.ts';

export interface Article {
  id: string;
  /** Folded victim keys; the first is the victim's own. Empty: the article joins no incident. */
  keys: string[];
  /**
   * The date the record gives as the incident's own (role 'incident', or no role: records made before roles). A
   * discovery, disclosure or report date is when the incident came to light, often months later, and a background
   * date is another event: none of them is compared as the incident's date, the article is placed by its
   * publication date instead. E.g. "the breach, discovered in September" does not date the breach to September.
   */
  incidentDate: string | null;
  publishedAt: string | null;
  country: { code: string; confidence: number } | null;
  record: IncidentRecord;
}

export interface Claim {
  articleId: string;
  value: unknown;
  confidence: number;
  evidence: { start: number; end: number; text: string }[];
  rule: string;
}

/** `text`: the article's stored text, for the acronyms it defines (null: none are looked for). */
export function toArticle(record: IncidentRecord, text: string | null): Article {
  const f = record.fields;
  const victim = f.victim;
  const keys = victim
    ? nameKeys(
        victim.value,
        (victim.alternatives ?? []).map((a) => a.value),
        text,
      )
    : [];
  const country = f.location?.value.country;
  const pub = record.source?.publishedAt;
  return {
    id: record.id,
    keys,
    incidentDate: f.date && (f.date.role ?? 'incident') === 'incident' ? f.date.value : null,
    publishedAt: typeof pub === 'string' && /^\d{4}/.test(pub) ? pub : null,
    country: country ? { code: country, confidence: f.location!.confidence } : null,
    record,
  };
}

/** The article's claim for each field it states: the ledger's entries. */
export function claimsOf(record: IncidentRecord): Partial<Record<FieldName, Claim>> {
  const out: Partial<Record<FieldName, Claim>> = {};
  for (const [name, field] of Object.entries(record.fields) as [FieldName, IncidentRecord['fields'][FieldName]][]) {
    if (!field) continue;
    out[name] = { articleId: record.id, value: field.value, confidence: field.confidence, evidence: field.evidence, rule: field.rule };
  }
  return out;
}
