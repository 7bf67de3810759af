// Incidents as MISP events (MISP core format, one event per incident): a `victim` object, the date, the
// attribution as tags and Attribution attributes, the ransom as a `ransom-negotiation` object (amount and
// currency), and each article as a `report` object with its link. UUIDs are UUIDv5, stable across exports.
import type { Incident } from '../incidents/incident.ts';
import { percent, timestamp, view } from './incident-view.ts';
import { canonical, uuid5 } from './uuid5.ts';

/** Template uuids and versions of ../shared/standards/misp-objects (misp-objects repository). */
const TEMPLATES = {
  victim: { uuid: 'a8806e40-39ad-435f-be02-ac2a13d6fc7d', version: 10, category: 'misc' },
  report: { uuid: '70a68471-df22-4e3f-aa1a-5a3be19f82df', version: 8, category: 'misc' },
  'ransom-negotiation': { uuid: 'FB72F951-DE2E-4B54-A570-8FC560A74B06', version: 2, category: 'financial' },
} as const;

export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  object_relation?: string;
  comment?: string;
  to_ids: boolean;
}
export interface MispObject {
  uuid: string;
  name: keyof typeof TEMPLATES;
  'meta-category': string;
  template_uuid: string;
  template_version: string;
  description?: string;
  Attribute: MispAttribute[];
}
export interface MispEvent {
  Event: {
    uuid: string;
    info: string;
    date: string;
    threat_level_id: string;
    analysis: string;
    distribution: string;
    published: boolean;
    Tag: { name: string }[];
    Attribute: MispAttribute[];
    Object: MispObject[];
  };
}

const id = (...parts: unknown[]) => uuid5(canonical(['misp', ...parts]));

type Attr = readonly [relation: string, type: string, value: string | number, category?: string];

function object(eventId: string, name: keyof typeof TEMPLATES, key: string, attrs: readonly Attr[]): MispObject {
  const t = TEMPLATES[name];
  const uuid = id(eventId, name, key);
  return {
    uuid,
    name,
    'meta-category': t.category,
    template_uuid: t.uuid,
    template_version: String(t.version),
    Attribute: attrs.map(([relation, type, value, category]) => ({
      uuid: id(uuid, relation, value),
      object_relation: relation,
      type,
      category: category ?? 'Other',
      value: String(value),
      to_ids: false,
    })),
  };
}

/** A tag value with its quotes escaped, as MISP writes machine tags. */
const tagValue = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

export function mispEvent(inc: Incident): MispEvent {
  const v = view(inc);
  const uuid = id('event', inc.id);
  const objects: MispObject[] = [];
  const attributes: MispAttribute[] = [];
  const tags = [{ name: 'incident-extract:incident-id="' + tagValue(inc.id) + '"' }];
  if (v.victim || v.location?.country) {
    objects.push(
      object(uuid, 'victim', 'victim', [
        ...(v.victim ? [['name', 'target-org', v.victim, 'Targeting data'] as const] : []),
        ...(v.location?.country ? [['regions', 'target-location', v.location.country, 'Targeting data'] as const] : []),
        ['classification', 'text', 'organization', 'Other'],
      ]),
    );
  }
  if (v.ransom?.demanded) {
    tags.push({ name: 'incident-extract:ransom-demanded="true"' });
    if (v.ransom.amount != null && v.ransom.currency) {
      objects.push(
        object(uuid, 'ransom-negotiation', 'demand', [
          ['initial_ransom', 'float', v.ransom.amount],
          ['currency', 'text', v.ransom.currency],
        ]),
      );
    }
  }
  if (v.origin?.actor) {
    tags.push({ name: `misp-galaxy:threat-actor="${tagValue(v.origin.actor)}"` });
    attributes.push({ uuid: id(uuid, 'actor', v.origin.actor), type: 'threat-actor', category: 'Attribution', value: v.origin.actor, to_ids: false });
  }
  if (v.origin?.country) {
    tags.push({ name: `incident-extract:origin-country="${v.origin.country}"` });
    attributes.push({
      uuid: id(uuid, 'origin', v.origin.country),
      type: 'text',
      category: 'Attribution',
      value: v.origin.country,
      comment: `attributed origin (ISO 3166-1 alpha-2), confidence ${percent(v.originConfidence) ?? '?'}%`,
      to_ids: false,
    });
  }
  for (const s of inc.sources) {
    objects.push(
      object(uuid, 'report', s.articleId, [
        ...(s.title ? [['title', 'text', s.title] as const] : []),
        ...(s.uri ? [['link', 'link', s.uri, 'External analysis'] as const] : []),
        ['summary', 'text', `article ${s.articleId}${s.publishedAt ? `, published ${s.publishedAt}` : ''}`],
        ['type', 'text', 'Online'],
      ]),
    );
  }
  return {
    Event: {
      uuid,
      info: `${v.victim ?? 'Unknown victim'} ${v.ransom?.demanded ? 'ransomware attack' : 'cyber incident'}${v.date ? ` (${v.date})` : ''}`,
      date: (v.date ? timestamp(v.date) : v.first).slice(0, 10),
      // 4: undefined threat level; 2: analysis complete (the articles are all there is); 0: this organisation only
      threat_level_id: '4',
      analysis: '2',
      distribution: '0',
      published: false,
      Tag: tags,
      Attribute: attributes,
      Object: objects,
    },
  };
}
