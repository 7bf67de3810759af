// The date the incident happened (began), at the precision the text states: YYYY, YYYY-MM or YYYY-MM-DD.
import { confidenceColumn, type FieldDescriptor, type GoldDate } from './field.ts';

function parseIsoPartial(v: unknown): GoldDate | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(v ?? ''));
  return m ? { year: +m[1]!, month: m[2] ? +m[2] : null, day: m[3] ? +m[3] : null } : null;
}

export const date: FieldDescriptor<'date'> = {
  name: 'date',
  key: (v) => v.slice(0, 4),
  // within one year, the most precise date stated by an agreeing candidate that fits the winner
  merge: (v, peers) => peers.filter((p) => p.startsWith(v) && p.length > v.length).sort((a, b) => b.length - a.length)[0] ?? v,
  // "2018" and "2018-06" agree with "2018-06-08", "2018-12-17" does not: a statement's day in the same year is no
  // evidence for the incident's
  coarser: (v) => [v.slice(0, 4), v.slice(0, 7), v.slice(0, 10)].filter((x, i, all) => x.length >= 4 && all.indexOf(x) === i),
  score: [
    {
      name: 'date',
      supportKey: 'year',
      gold: (g) => g.date ?? undefined,
      answers: (v) => !!parseIsoPartial(v),
      ok: (v, g: GoldDate) => {
        const d = parseIsoPartial(v)!;
        return d.year === g.year && (g.month == null || d.month === g.month) && (g.day == null || d.day === g.day);
      },
    },
    {
      name: 'date_year',
      supportKey: 'year',
      gold: (g) => g.date ?? undefined,
      answers: (v) => !!parseIsoPartial(v),
      ok: (v, g: GoldDate) => parseIsoPartial(v)!.year === g.year,
    },
  ],
  columns: [{ name: 'incident_date', type: 'text', of: (f) => f.value }, confidenceColumn('date_confidence')],
};
