// HTML pages → text with html-to-text: the article body without navigation, scripts, link URLs or
// image alt noise; the title and publication date come from the page's own metadata.
import { createRequire } from 'node:module';
import type { compile as Compile, HtmlToTextOptions } from 'html-to-text';
import type { RawDocument } from '../core/document.ts';

// Page furniture: present on every page of a site, never part of the story. Class names are the common
// web conventions for share bars, breadcrumbs and teasers, not any one site's markup.
const FURNITURE = [
  'nav',
  'header',
  'footer',
  'aside',
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'button',
  'iframe',
  'svg',
  'canvas',
  'select',
  '[hidden]',
  '[aria-hidden=true]',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=complementary]',
  '[aria-label=breadcrumb]',
  '[class~=breadcrumb]',
  '[class~=breadcrumbs]',
  '[class~=share]',
  '[class~=sharing]',
  '[class~=social-share]',
  '[class~=related]',
  '[class~=newsletter]',
];
// An article's own header carries its headline and dateline: part of the story, unlike the site header.
const STORY_HEADERS = ['article > header', 'main > header'];
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

function options(base: string, skipFurniture: boolean): HtmlToTextOptions {
  return {
    wordwrap: false,
    baseElements: { selectors: [base], returnDomByDefault: true },
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'picture', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: ' - ' } },
      ...HEADINGS.map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'table', format: 'block' },
      ...(skipFurniture ? FURNITURE.map((selector) => ({ selector, format: 'skip' })) : []),
      ...(skipFurniture ? STORY_HEADERS.map((selector) => ({ selector, format: 'block' })) : []),
    ],
  };
}

type Converter = ReturnType<typeof Compile>;
interface Converters {
  article: Converter;
  main: Converter;
  body: Converter;
  everything: Converter;
  plain: Converter;
}
// html-to-text and its converters are made on the first page: a run without HTML never loads them (its CommonJS
// build, which a plain require loads at the moment it is needed; its ES module build is the same code).
let converters: Converters | undefined;
function convertersOnce(): Converters {
  if (converters) return converters;
  const { compile } = createRequire(import.meta.url)('html-to-text') as { compile: typeof Compile };
  // A page with exactly one <article> (or <main>) keeps its story there; teasers of other stories sit outside.
  return (converters = {
    article: compile(options('article', true)),
    main: compile(options('main', true)),
    body: compile(options('body', true)),
    everything: compile(options('body', false)),
    plain: compile({ wordwrap: false }),
  });
}

const count = (html: string, tag: string) => html.match(new RegExp(`<${tag}[\\s>]`, 'gi'))?.length ?? 0;

function bodyText(html: string): string {
  const base = count(html, 'article') === 1 ? 'article' : count(html, 'main') === 1 ? 'main' : 'body';
  const c = convertersOnce();
  const text = c[base](html).trim();
  // A page built entirely from "furniture" tags still has a story: better some noise than nothing.
  return text || c.everything(html).trim();
}

const ATTR = /([a-zA-Z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

const decode = (s: string) => convertersOnce().plain(s).replace(/\s+/g, ' ').trim();

const TITLE_META = ['og:title', 'twitter:title'];
const DATE_META = ['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'dcterms.created'];

interface PageMeta {
  title?: string;
  publishedAt?: string;
}

function htmlMeta(html: string): PageMeta {
  const metas = new Map<string, string>();
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const key = (a.property ?? a.name ?? a.itemprop ?? '').toLowerCase();
    if (key && a.content?.trim() && !metas.has(key)) metas.set(key, a.content.trim());
  }
  const pick = (keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v);
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const title = pick(TITLE_META) ?? (titleTag ? titleTag : undefined);
  const timeTag = /<time\b[^>]*\bdatetime\s*=[^>]*>/i.exec(html)?.[0];
  const publishedAt = pick(DATE_META) ?? (timeTag ? attributes(timeTag).datetime?.trim() : undefined);
  const out: PageMeta = {};
  if (title && decode(title)) out.title = decode(title);
  if (publishedAt) out.publishedAt = decode(publishedAt);
  return out;
}

/** The document an HTML page holds; text may be empty (the caller dead-letters that). */
export function htmlToRaw(html: string, uri?: string): RawDocument {
  const raw: RawDocument = { text: bodyText(html), ...htmlMeta(html) };
  if (uri) raw.uri = uri;
  return raw;
}
