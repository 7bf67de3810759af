// Deterministic ids: UUIDv5 (RFC 9562, SHA-1 of namespace + name), the scheme STIX 2.1 prescribes for
// deterministic identifiers, so two exports of the same incident, anywhere, give the same ids.
import { createHash } from 'node:crypto';

/** The STIX 2.1 namespace for deterministic ids (spec §2.9, the one OpenCTI and the stix2 libraries use). */
const STIX_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

export function uuid5(name: string, namespace = STIX_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** Canonical JSON (keys sorted) of an object's identifying properties: the name a UUIDv5 is made from. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `identity--<uuid5 of its identifying properties>`. */
export const stixId = (type: string, identifying: Record<string, unknown>) => `${type}--${uuid5(canonical(identifying))}`;
