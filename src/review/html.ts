// HTML built from hostile input (document text, titles, values, ids): every interpolated value is escaped
// unless it is already Html made by this module. Nothing from data ever lands in a script or an event handler.

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(p: Part): string {
  if (p == null || p === false || p === true) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(render).join('');
  return escapeHtml(String(p));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes text; nested html`` and arrays of it pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** A value as the side panel and the list show it: strings as they are, objects as their non-null parts. */
export function formatValue(v: unknown): string {
  if (v == null) return '—';
  if (typeof v !== 'object') return String(v);
  const parts = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x != null)
    .map(([k, x]) => `${k}: ${String(x)}`);
  return parts.length ? parts.join(', ') : '—';
}
