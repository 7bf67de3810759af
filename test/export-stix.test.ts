// The STIX 2.1 bundle: every object valid by the OASIS STIX 2.1 JSON Schemas (draft 2020-12, loaded with their
// $refs from ../shared/standards), every *_ref resolving inside the bundle, the same ids on every export.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../src/eval/paths.ts';
import { INCIDENT_CORE, stixBundle, type StixObject } from '../src/export/stix.ts';
import { HOSTILE, sampleIncidents } from './helpers/incidents.ts';

const SCHEMAS = path.join(SHARED_DIR, 'standards/stix2-json-schemas/schemas');
// the OASIS patterns use escapes (\-) that JavaScript's unicode mode rejects: compile them without the u flag
const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats.default(ajv);
const ids = new Map<string, string>();
for (const folder of readdirSync(SCHEMAS)) {
  for (const f of readdirSync(path.join(SCHEMAS, folder)).filter((x) => x.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS, folder, f), 'utf8')) as { $id: string; $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    ajv.addSchema(schema);
    ids.set(`${folder}/${f.replace(/\.json$/, '')}`, schema.$id);
  }
}
/** The schema of a type: its SDO or SRO file; an extension's new SDO (impact) is held to the common properties. */
const schemaOf = (type: string) => ids.get(`sdos/${type}`) ?? ids.get(`sros/${type}`) ?? ids.get('common/core')!;

/** Every string under a key ending in _ref, or in an array under a key ending in _refs, at any depth. */
function refs(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key.endsWith('_ref') || key.endsWith('_refs') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => refs(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => refs(v, k));
  return [];
}

const bundle = stixBundle(sampleIncidents());
const byType = (t: string) => bundle.objects.filter((o) => o.type === t);

describe('STIX 2.1 export', () => {
  it('validates every object, and the bundle, against the OASIS schemas', () => {
    for (const o of bundle.objects) {
      const ok = ajv.validate(schemaOf(o.type), o);
      expect(ok, `${o.id}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
    }
    // bundle.json lists the SDOs of STIX 2.0 and not incident or location (2.1), which then fall to its custom-object
    // branch and fail its oneOf; the envelope is checked with the objects that schema knows
    const listed = new Set(['identity', 'intrusion-set', 'relationship', 'report']);
    const envelope = { ...bundle, objects: bundle.objects.filter((o) => listed.has(o.type)) };
    expect(ajv.validate(ids.get('common/bundle')!, envelope), ajv.errorsText(ajv.errors)).toBe(true);
  });

  it('has every *_ref resolve inside the bundle, and no id twice', () => {
    const all = new Set(bundle.objects.map((o) => o.id));
    expect(all.size).toBe(bundle.objects.length);
    const dangling = bundle.objects.flatMap((o) =>
      refs(o)
        .filter((r) => !all.has(r))
        .map((r) => `${o.id} → ${r}`),
    );
    expect(dangling).toEqual([]);
    expect(bundle.objects.flatMap((o) => refs(o)).length).toBeGreaterThan(20);
  });

  it('writes incidents with the Incident Core extension and a ransom demand as a monetary impact in its currency', () => {
    const incidents = byType('incident');
    expect(incidents).toHaveLength(3);
    const hrta = incidents.find((i) => String(i.name).startsWith('Harbourview'))!;
    const ext = (hrta.extensions as Record<string, Record<string, unknown>>)[INCIDENT_CORE]!;
    expect(ext).toMatchObject({ extension_type: 'property-extension', incident_types: ['ransomware'] });
    expect(ext.monetary_impacts).toEqual([{ variety: 'ransom-demand', currency: 'USD', min_amount: 2000000, max_amount: 2000000 }]);
    // two articles disagree on the amount: said, with a confidence below either article's alone
    expect(String(hrta.description)).toMatch(/ransom demanded 2000000 USD \(confidence (\d+)%\)/);
    expect(Number(/confidence (\d+)%/.exec(String(hrta.description))![1])).toBeLessThan(80);
    // a ransom demanded without an amount: ransomware, no monetary impact
    const namur = incidents.find((i) => String(i.name).startsWith('Province'))!;
    expect((namur.extensions as Record<string, Record<string, unknown>>)[INCIDENT_CORE]).not.toHaveProperty('monetary_impacts');
  });

  it('links victim, place, actor and origin with the four relationship types, confidence as 0–100', () => {
    const rel = (type: string) => byType('relationship').filter((r) => r.relationship_type === type);
    const name = (id: unknown) => bundle.objects.find((o) => o.id === id)!;
    expect(rel('targets').map((r) => name(r.target_ref).name)).toEqual(expect.arrayContaining(['Province de Namur', 'Harbourview Regional Transit Authority']));
    expect(
      rel('located-at')
        .map((r) => name(r.target_ref).country)
        .sort(),
    ).toEqual(['BE', 'US']);
    expect(rel('attributed-to').map((r) => name(r.target_ref))).toMatchObject([{ type: 'intrusion-set', name: 'BlackFen' }]);
    expect(
      rel('originates-from')
        .map((r) => [name(r.source_ref).type, name(r.target_ref).country])
        .sort(),
    ).toEqual([
      ['incident', 'RU'],
      ['intrusion-set', 'RU'],
    ]);
    for (const o of bundle.objects) if (o.confidence != null) expect(Number.isInteger(o.confidence) && (o.confidence as number) <= 100).toBe(true);
    expect(byType('identity').every((i) => i.identity_class === 'organization')).toBe(true);
  });

  it('writes one report per article that refers to its incident', () => {
    const reports = byType('report');
    expect(reports.map((r) => (r.external_references as { external_id: string }[])[0]!.external_id).sort()).toEqual([
      'hostile-1',
      'hrta-1',
      'hrta-2',
      'namur-1',
      'namur-2',
    ]);
    for (const r of reports) expect((r.object_refs as string[]).some((x) => x.startsWith('incident--'))).toBe(true);
  });

  it('gives the same ids on every export, and keeps hostile names as data', () => {
    const again = stixBundle(sampleIncidents());
    expect(again.id).toBe(bundle.id);
    expect(again.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
    const text = JSON.stringify(bundle);
    expect(text).not.toMatch(/[\u0000-\u001f]/);
    const parsed = JSON.parse(text) as { objects: StixObject[] };
    expect(parsed.objects.find((o) => o.type === 'identity' && o.name === HOSTILE)).toBeDefined();
  });
});
