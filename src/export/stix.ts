// Incidents as one STIX 2.1 bundle: per incident an `incident` (Incident Core extension, a monetary impact
// for a ransom demand), the victim `identity`, `location`s, an `intrusion-set` for a named actor and the
// relationships between them; per article a `report` that refers to them. Ids are UUIDv5 of identifying
// properties, so exporting again (anywhere) gives the same ids and a platform merges instead of duplicating.
import type { Incident } from '../incidents/incident.ts';
import { foldName } from '../incidents/names.ts';
import { percent, timestamp, view, type IncidentView } from './incident-view.ts';
import { stixId } from './uuid5.ts';
import { defined } from '../incidents/defined.ts';

export const INCIDENT_CORE = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';

export type StixObject = Record<string, unknown> & { type: string; id: string };
export interface Bundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const base = (type: string, id: string, created: string, modified: string) => ({ type, spec_version: '2.1', id, created, modified });

function locationOf(country: string | null, area: string | null, city: string | null, at: string): StixObject | null {
  if (!country) return null;
  const id = stixId('location', { country, administrative_area: area ? foldName(area) : null, city: city ? foldName(city) : null });
  return {
    ...base('location', id, at, at),
    name: [city, area, country].filter(Boolean).join(', '),
    country,
    ...(area ? { administrative_area: area } : {}),
    ...(city ? { city } : {}),
  };
}

function relationship(type: string, source: string, target: string, at: string, confidence?: number): StixObject {
  const id = stixId('relationship', { relationship_type: type, source_ref: source, target_ref: target });
  return { ...base('relationship', id, at, at), relationship_type: type, source_ref: source, target_ref: target, ...defined({ confidence }) };
}

function describe(v: IncidentView, inc: Incident): string {
  const parts = [`${v.victim ?? 'Unknown victim'}: cyber incident${v.ransom?.demanded ? ' with a ransom demand' : ''}`];
  if (v.date) parts.push(`date ${v.date}`);
  if (v.ransom?.amount != null) parts.push(`ransom demanded ${v.ransom.amount} ${v.ransom.currency ?? ''} (confidence ${percent(v.ransomConfidence)}%)`);
  if (v.serverCount) parts.push(`${v.serverCount} servers affected`);
  parts.push(`told by ${inc.sources.length} article${inc.sources.length === 1 ? '' : 's'}`);
  if (inc.conflicts.length) parts.push(`articles disagree on ${inc.conflicts.map((c) => c.field).join(', ')}`);
  return parts.join('; ') + '.';
}

/** The STIX objects of one incident; the reports of its articles refer to all of them. */
function incidentObjects(inc: Incident): StixObject[] {
  const v = view(inc);
  const [created, modified] = [v.first, v.last];
  const out: StixObject[] = [];
  const incidentId = stixId('incident', { incident_id: inc.id });
  // the ransom demand as a monetary impact inside the Incident Core extension (its `monetary_impacts`): the
  // separate `impact` SDO of later drafts keeps its amounts under an `extensions.monetary` key that the
  // STIX 2.1 core schema does not allow, and platforms validate against that schema
  const ransom =
    v.ransom?.demanded && v.ransom.amount != null && v.ransom.currency
      ? [{ variety: 'ransom-demand', currency: v.ransom.currency, min_amount: v.ransom.amount, max_amount: v.ransom.amount }]
      : [];
  out.push({
    ...base('incident', incidentId, created, modified),
    name: `${v.victim ?? 'Unknown victim'} ${v.ransom?.demanded ? 'ransomware attack' : 'cyber incident'}${v.date ? ` (${v.date})` : ''}`,
    description: describe(v, inc),
    ...(percent(v.victimConfidence) != null ? { confidence: percent(v.victimConfidence) } : {}),
    external_references: [{ source_name: 'incident-extract', external_id: inc.id }],
    extensions: {
      [INCIDENT_CORE]: {
        // reported as having happened; a news article tells nothing of the investigation's state
        extension_type: 'property-extension',
        determination: 'successful-attempt',
        investigation_status: 'new',
        ...(v.ransom?.demanded ? { incident_types: ['ransomware'] } : {}),
        ...(ransom.length ? { monetary_impacts: ransom } : {}),
      },
    },
  });
  let victimId: string | null = null;
  if (v.victim) {
    victimId = stixId('identity', { name: foldName(v.victim), identity_class: 'organization' });
    out.push({ ...base('identity', victimId, created, modified), name: v.victim, identity_class: 'organization' });
    out.push(relationship('targets', incidentId, victimId, created, percent(v.victimConfidence)));
    const place = locationOf(v.location?.country ?? null, v.location?.region ?? null, v.location?.city ?? null, created);
    if (place) out.push(place, relationship('located-at', victimId, place.id, created, percent(v.locationConfidence)));
  }
  const from = locationOf(v.origin?.country ?? null, null, null, created);
  if (from) out.push(from);
  if (v.origin?.actor) {
    const setId = stixId('intrusion-set', { name: foldName(v.origin.actor) });
    out.push({ ...base('intrusion-set', setId, created, modified), name: v.origin.actor });
    out.push(relationship('attributed-to', incidentId, setId, created, percent(v.originConfidence)));
    if (victimId) out.push(relationship('targets', setId, victimId, created, percent(v.originConfidence)));
    if (from) out.push(relationship('originates-from', setId, from.id, created, percent(v.originConfidence)));
  } else if (from) {
    // no named actor: the attributed country is where the incident came from
    out.push(relationship('originates-from', incidentId, from.id, created, percent(v.originConfidence)));
  }
  return out;
}

/** One `report` per article of the incident, referring to every object of the incident. */
function reportObjects(inc: Incident, refs: readonly string[]): StixObject[] {
  return inc.sources.map((s) => {
    const published = timestamp(s.publishedAt, timestamp(view(inc).first));
    return {
      ...base('report', stixId('report', { article_id: s.articleId }), published, published),
      name: s.title ?? s.articleId,
      published,
      report_types: ['threat-report'],
      object_refs: [...refs],
      external_references: [{ source_name: 'article', external_id: s.articleId, ...(s.uri ? { url: s.uri } : {}) }],
    };
  });
}

/** The bundle of all incidents; objects shared by incidents (a country, an actor) appear once. */
export function stixBundle(incidents: Iterable<Incident>): Bundle {
  const objects = new Map<string, StixObject>();
  for (const inc of incidents) {
    const own = incidentObjects(inc);
    for (const o of [
      ...own,
      ...reportObjects(
        inc,
        own.map((x) => x.id),
      ),
    ]) {
      const prev = objects.get(o.id);
      // a report of an article in two exports, or a shared location: the one seen first stays, refs are joined
      if (prev && Array.isArray(prev.object_refs)) prev.object_refs = [...new Set([...(prev.object_refs as string[]), ...(o.object_refs as string[])])];
      else if (!prev) objects.set(o.id, o);
    }
  }
  const list = [...objects.values()];
  return { type: 'bundle', id: stixId('bundle', { objects: list.map((o) => o.id).sort() }), objects: list };
}
