// The document text cut at every evidence span boundary: each segment carries every span that covers it,
// so overlapping and nested spans all show (one colour per field) and none is dropped.
import type { Span } from '../core/contract/record.ts';

export interface Mark {
  /** Class names the span gives its segments: f-<field> for a field's evidence, a-<field>-<n> for its nth alternative. */
  cls: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  classes: string[];
}

/** Spans that do not fit the text (a record from another text version) are left out rather than drawn wrong. */
export function segments(text: string, marks: readonly Mark[]): Segment[] {
  const ok = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of ok) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!,
      end = points[i + 1]!;
    const classes = [...new Set(ok.filter((m) => m.start <= start && m.end >= end).map((m) => m.cls))];
    out.push({ start, end, classes });
  }
  return out;
}

type FieldLike = { evidence: Span[]; alternatives?: { evidence: Span[] }[] } | null;

/**
 * The marks of a record on its text: each field's evidence, then each alternative's. A span that does not quote
 * the text (a record made from another version of the document) is left out rather than drawn in the wrong place.
 */
export function recordMarks(text: string, fields: Record<string, FieldLike>): Mark[] {
  const marks: Mark[] = [];
  const add = (cls: string, e: Span) => {
    if (text.slice(e.start, e.end) === e.text) marks.push({ cls, start: e.start, end: e.end });
  };
  for (const [name, f] of Object.entries(fields)) {
    if (!f) continue;
    for (const e of f.evidence) add(`f-${name}`, e);
    (f.alternatives ?? []).forEach((a, n) => {
      for (const e of a.evidence) add(`a-${name}-${n}`, e);
    });
  }
  return marks;
}
