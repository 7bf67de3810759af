// The merged values of an incident in the shapes the exports need, with null for what no article states.
import type { LocationValue, OriginValue, RansomValue } from '../core/contract/record.ts';
import type { Incident } from '../incidents/incident.ts';
import { interval } from '../incidents/dates.ts';

export interface IncidentView {
  victim: string | null;
  victimConfidence: number | null;
  date: string | null;
  location: LocationValue | null;
  locationConfidence: number | null;
  ransom: RansomValue | null;
  ransomConfidence: number | null;
  origin: OriginValue | null;
  originConfidence: number | null;
  serverCount: number | null;
  /** Earliest and latest date known of the incident (its date, else its articles' publication): ISO timestamps. */
  first: string;
  last: string;
}

/** A date at any precision as a STIX timestamp (millisecond precision, the start of the span). */
export function timestamp(date: string | null | undefined, fallback = '1970-01-01T00:00:00.000Z'): string {
  const iv = interval(date);
  if (!iv) return fallback;
  const t = /T\d{2}:\d{2}/.test(date ?? '') ? Date.parse(date!) : iv.start * 86_400_000;
  return Number.isFinite(t) ? new Date(t).toISOString() : fallback;
}

export function view(inc: Incident): IncidentView {
  const f = inc.fields;
  const dates = [...(f.date ? [String(f.date.value)] : []), ...inc.publishedDates].map((d) => timestamp(d)).sort();
  const known = dates.filter((d) => !d.startsWith('1970'));
  return {
    victim: inc.victim,
    victimConfidence: f.victim?.confidence ?? null,
    date: f.date ? String(f.date.value) : null,
    location: (f.location?.value as LocationValue | undefined) ?? null,
    locationConfidence: f.location?.confidence ?? null,
    ransom: (f.ransom?.value as RansomValue | undefined) ?? null,
    ransomConfidence: f.ransom?.confidence ?? null,
    origin: (f.origin?.value as OriginValue | undefined) ?? null,
    originConfidence: f.origin?.confidence ?? null,
    serverCount: (f.serverCount?.value as number | undefined) ?? null,
    first: known[0] ?? '1970-01-01T00:00:00.000Z',
    last: known[known.length - 1] ?? '1970-01-01T00:00:00.000Z',
  };
}

/** A probability as STIX / MISP confidence, 0–100. */
export const percent = (p: number | null | undefined) => (p == null ? undefined : Math.max(0, Math.min(100, Math.round(p * 100))));
