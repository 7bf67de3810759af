// MISP events: every object checked against its template in ../shared/standards/misp-objects (uuid and
// version, known relations, misp-attribute types, sane_default values, requiredOneOf, single relations).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../src/eval/paths.ts';
import { mispEvent, type MispEvent } from '../src/export/misp.ts';
import { HOSTILE, sampleIncidents } from './helpers/incidents.ts';

const MISP = path.join(SHARED_DIR, 'standards/misp-objects');
interface TemplateAttr {
  'misp-attribute': string;
  sane_default?: string[];
  multiple?: boolean;
  categories?: string[];
}
interface Template {
  name: string;
  uuid: string;
  version: number;
  'meta-category': string;
  attributes: Record<string, TemplateAttr>;
  requiredOneOf?: string[];
  required?: string[];
}
const template = (name: string) => JSON.parse(readFileSync(path.join(MISP, 'objects', name, 'definition.json'), 'utf8')) as Template;
const schema = JSON.parse(readFileSync(path.join(MISP, 'schema_objects.json'), 'utf8')) as {
  defs: { attribute: { properties: { 'misp-attribute': { enum: string[] }; categories: { items: { enum: string[] } } } } };
};
const TYPES = new Set(schema.defs.attribute.properties['misp-attribute'].enum);
const CATEGORIES = new Set(schema.defs.attribute.properties.categories.items.enum);

/** What is wrong with an event's objects and attributes by the templates; empty when nothing. */
function problems(e: MispEvent): string[] {
  const out: string[] = [];
  for (const a of e.Event.Attribute) {
    if (!TYPES.has(a.type)) out.push(`attribute type ${a.type} unknown`);
    if (!CATEGORIES.has(a.category)) out.push(`attribute category ${a.category} unknown`);
  }
  for (const o of e.Event.Object) {
    const t = template(o.name);
    if (o.template_uuid !== t.uuid || o.template_version !== String(t.version)) out.push(`${o.name}: template ${o.template_uuid} v${o.template_version}`);
    if (o['meta-category'] !== t['meta-category']) out.push(`${o.name}: meta-category ${o['meta-category']}`);
    const seen = new Map<string, number>();
    for (const a of o.Attribute) {
      const ta = t.attributes[a.object_relation!];
      seen.set(a.object_relation!, (seen.get(a.object_relation!) ?? 0) + 1);
      if (!ta) {
        out.push(`${o.name}.${a.object_relation}: not in the template`);
        continue;
      }
      if (a.type !== ta['misp-attribute']) out.push(`${o.name}.${a.object_relation}: type ${a.type}, template ${ta['misp-attribute']}`);
      if (ta.sane_default && !ta.sane_default.includes(a.value)) out.push(`${o.name}.${a.object_relation}: ${a.value} not a sane_default`);
      if (ta.categories && !ta.categories.includes(a.category)) out.push(`${o.name}.${a.object_relation}: category ${a.category}`);
      if (!CATEGORIES.has(a.category)) out.push(`${o.name}.${a.object_relation}: category ${a.category} unknown`);
    }
    for (const [rel, n] of seen) if (n > 1 && !t.attributes[rel]?.multiple) out.push(`${o.name}.${rel}: ${n} times, not multiple`);
    if (t.requiredOneOf && !t.requiredOneOf.some((r) => seen.has(r))) out.push(`${o.name}: none of ${t.requiredOneOf.join(', ')}`);
    for (const r of t.required ?? []) if (!seen.has(r)) out.push(`${o.name}: ${r} missing`);
  }
  return out;
}

const incidents = sampleIncidents();
const events = incidents.map(mispEvent);
const rel = (e: MispEvent, object: string, relation: string) =>
  e.Event.Object.filter((o) => o.name === object).flatMap((o) => o.Attribute.filter((a) => a.object_relation === relation).map((a) => a.value));

describe('MISP export', () => {
  it('writes one event per incident whose objects all fit their templates', () => {
    expect(events).toHaveLength(incidents.length);
    for (const e of events) expect(problems(e), e.Event.info).toEqual([]);
  });

  it('says who, where, when, how much and who did it, and links every article', () => {
    const hrta = events.find((e) => e.Event.info.startsWith('Harbourview'))!;
    expect(rel(hrta, 'victim', 'name')).toEqual(['Harbourview Regional Transit Authority']);
    expect(rel(hrta, 'victim', 'regions')).toEqual(['US']);
    expect(rel(hrta, 'victim', 'classification')).toEqual(['organization']);
    expect(hrta.Event.date).toBe('2024-03-03');
    expect([rel(hrta, 'ransom-negotiation', 'initial_ransom'), rel(hrta, 'ransom-negotiation', 'currency')]).toEqual([['2000000'], ['USD']]);
    expect(hrta.Event.Tag.map((t) => t.name)).toContain('misp-galaxy:threat-actor="BlackFen"');
    expect(hrta.Event.Attribute.map((a) => [a.category, a.type, a.value])).toEqual([
      ['Attribution', 'threat-actor', 'BlackFen'],
      ['Attribution', 'text', 'RU'],
    ]);
    expect(hrta.Event.Object.filter((o) => o.name === 'report')).toHaveLength(2);
    const namur = events.find((e) => e.Event.info.startsWith('Province'))!;
    expect(rel(namur, 'report', 'link')).toEqual(['https://news.example.org/namur-1']);
    expect(namur.Event.Object.some((o) => o.name === 'ransom-negotiation')).toBe(false);
  });

  it('is the same on every export, and a hostile name stays data', () => {
    expect(sampleIncidents().map(mispEvent)).toEqual(events);
    const hostile = events.find((e) => rel(e, 'victim', 'name')[0] === HOSTILE)!;
    const line = JSON.stringify(hostile);
    // control characters leave as JSON escapes, and come back as the same data
    expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(rel(JSON.parse(line) as MispEvent, 'victim', 'name')).toEqual([HOSTILE]);
  });
});
