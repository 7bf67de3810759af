// JSON objects → raw documents. Accepts the plain shape { id, text, title?, publishedAt?, uri? } and the
// shared corpus shape, which keeps the title and publication date under `meta`.
import type { RawDocument } from '../core/document.ts';
import { dead, isBlank } from './detect.ts';
import type { IngestItem } from './types.ts';

type Obj = Record<string, unknown>;

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() ? v.trim() : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
};

function first(objs: Obj[], keys: string[]): string | undefined {
  for (const o of objs)
    for (const k of keys) {
      const v = str(o[k]);
      if (v) return v;
    }
  return undefined;
}

const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

export function objectToItem(value: unknown, input: string): IngestItem {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return dead(input, 'missing-text', `expected a JSON object with a "text" string, got ${describe(value)}`);
  }
  const o = value as Obj;
  const meta = o.meta && typeof o.meta === 'object' && !Array.isArray(o.meta) ? (o.meta as Obj) : {};
  const id = str(o.id) ?? null;
  if (typeof o.text !== 'string') {
    const got = 'text' in o ? `"text" is ${describe(o.text)}` : 'there is no "text" key';
    return dead(input, 'missing-text', `the object has no text to extract from: ${got}`, id);
  }
  if (isBlank(o.text)) return dead(input, 'empty-text', 'the "text" string is empty or only whitespace', id);
  const raw: RawDocument = { text: o.text };
  if (id) raw.id = id;
  const title = first([o, meta], ['title', 'headline']);
  const publishedAt = first([o, meta], ['publishedAt', 'published_at', 'published', 'date_published', 'datePublished']);
  const uri = first([o, meta], ['uri', 'url', 'link']);
  if (title) raw.title = title;
  if (publishedAt) raw.publishedAt = publishedAt;
  if (uri) raw.uri = uri;
  return { kind: 'doc', raw, input };
}
