// Markdown with optional front matter (---\ntitle: …\npublishedAt: …\nuri: …\n---). The body loses its
// markup (link targets, image references, heading hashes, emphasis) so rules see prose.
import type { RawDocument } from '../core/document.ts';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const KEYS: Record<string, 'title' | 'publishedAt' | 'uri' | 'id'> = {
  title: 'title',
  publishedat: 'publishedAt',
  published_at: 'publishedAt',
  published: 'publishedAt',
  date: 'publishedAt',
  uri: 'uri',
  url: 'uri',
  id: 'id',
};

function frontMatter(block: string): Partial<RawDocument> {
  const out: Partial<RawDocument> = {};
  for (const line of block.split(/\r?\n/)) {
    const m = /^([A-Za-z_]+)\s*:\s*(.*?)\s*$/.exec(line);
    const key = m && KEYS[m[1]!.toLowerCase()];
    const value = m?.[2]?.replace(/^(["'])(.*)\1$/, '$2').trim();
    if (key && value && !out[key]) out[key] = value;
  }
  return out;
}

function stripMarkdown(md: string): string {
  return md
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '')
    .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1')
    .replace(/\[([^\]\n]+)\]\[[^\]\n]*\]/g, '$1')
    .replace(/^\s{0,3}\[[^\]\n]+\]:\s+\S.*$/gm, '')
    .replace(/^\s{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm, '$1')
    .replace(/^\s{0,3}>[ \t]?/gm, '')
    .replace(/^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm, '')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

export function markdownToRaw(source: string, uri: string): RawDocument {
  const fm = FRONT_MATTER.exec(source);
  const meta = fm ? frontMatter(fm[1]!) : {};
  const body = fm ? source.slice(fm[0].length) : source;
  const heading = /^\s{0,3}#[ \t]+(.+?)[ \t#]*$/m.exec(body)?.[1];
  const raw: RawDocument = { text: stripMarkdown(body), uri: meta.uri ?? uri };
  if (meta.id) raw.id = meta.id;
  const title = meta.title ?? heading;
  if (title) raw.title = title;
  if (meta.publishedAt) raw.publishedAt = meta.publishedAt;
  return raw;
}
