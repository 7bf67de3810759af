// The live review server (Node's http module): 127.0.0.1 by default, pages rendered on the server, a strict
// Content-Security-Policy, and writes refused unless they carry this run's token (embedded in the pages).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FIELD_NAMES, type FieldName } from '../core/contract/record.ts';
import type { Logger } from '../log.ts';
import type { ReviewApp } from './app.ts';
import { CorrectionError, toCorrection } from './corrections.ts';
import { html } from './html.ts';
import { SORTS, type ListQuery, type Sort } from './list.ts';
import { page, type Links } from './pages/layout.ts';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const MAX_BODY = 64 * 1024;

/** The assets folder beside this file: `review.js` and `review.css`, copied as they are into a build. */
export const ASSETS_DIR = new URL('./assets/', import.meta.url);
export const ASSETS: Record<string, string> = { 'review.js': 'text/javascript; charset=utf-8', 'review.css': 'text/css; charset=utf-8' };

export function serverLinks(token: string): Links {
  const q = (path: string, params: Record<string, string | number | boolean | undefined>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== false) s.set(k, String(v));
    const str = s.toString();
    return str ? `${path}?${str}` : path;
  };
  return {
    token,
    list: (l = {}) => q('/', { ...l, desc: l.desc ? 1 : undefined }),
    dead: () => '/dead-letters',
    plots: () => '/plots',
    doc: (id, ruleset) => q('/doc', { id, ruleset }),
    asset: (name) => `/assets/${name}`,
    correct: () => '/corrections',
  };
}

const num = (s: string | null) => (s != null && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined);

export function parseListQuery(p: URLSearchParams): ListQuery {
  const sort = p.get('sort');
  const field = p.get('field');
  return {
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'confidence',
    desc: p.get('desc') === '1',
    ...(p.get('ruleset') ? { ruleset: p.get('ruleset')! } : {}),
    ...(p.get('changedFrom') ? { changedFrom: p.get('changedFrom')! } : {}),
    ...((FIELD_NAMES as string[]).includes(field ?? '') ? { field: field as FieldName } : {}),
    ...(p.get('rule') ? { rule: p.get('rule')! } : {}),
    ...(num(p.get('min')) != null ? { min: num(p.get('min'))! } : {}),
    ...(num(p.get('max')) != null ? { max: num(p.get('max'))! } : {}),
  };
}

function sameToken(given: string | null, token: string): boolean {
  const a = Buffer.from(given ?? ''),
    b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function body(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > MAX_BODY) throw new CorrectionError('request too large');
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface ReviewServer {
  url: string;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

export async function startReviewServer(app: ReviewApp, opts: { host: string; port: number; log: Logger }): Promise<ReviewServer> {
  const token = randomBytes(24).toString('hex');
  const links = serverLinks(token);
  const assets = new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(new URL(name, ASSETS_DIR))]));
  let allowedHosts = new Set<string>();

  const send = (res: http.ServerResponse, status: number, type: string, content: string | Buffer, extra: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(status, {
      'content-type': type,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      ...extra,
    });
    res.end(content);
  };
  const htmlPage = (res: http.ServerResponse, status: number, s: string) => send(res, status, 'text/html; charset=utf-8', s);
  const problem = (res: http.ServerResponse, status: number, message: string) =>
    htmlPage(res, status, page(links, 'Error', html`<h1>${status}</h1><p class="error">${message}</p>`));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // a page of another site resolving its own name to 127.0.0.1 (DNS rebinding) sends its own Host
    if (!allowedHosts.has(String(req.headers.host ?? ''))) return problem(res, 403, 'unexpected Host header');
    const url = new URL(req.url ?? '/', 'http://review.invalid');
    if (req.method === 'POST' && url.pathname === '/corrections') {
      const form = new URLSearchParams(await body(req));
      if (!sameToken(form.get('token'), token)) return problem(res, 403, 'this page is not from the running review (missing or stale token): reload it');
      const id = form.get('id') ?? '',
        ruleset = form.get('ruleset') ?? '';
      const record = await app.src.store.record(id, ruleset);
      if (!record) return problem(res, 404, `no record of ${id} under ${ruleset}`);
      const c = toCorrection(record, { field: form.get('field') ?? '', choice: form.get('choice') ?? '', typed: form.get('typed') ?? '' });
      await app.src.store.addCorrection(c);
      opts.log.info({ docId: id, field: c.field, action: c.action }, 'correction stored');
      return send(res, 303, 'text/plain; charset=utf-8', 'saved', { location: `${links.doc(id, ruleset)}#field-${c.field}` });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return problem(res, 405, 'method not allowed');
    if (url.pathname === '/') return htmlPage(res, 200, await app.list(links, parseListQuery(url.searchParams)));
    if (url.pathname === '/dead-letters') return htmlPage(res, 200, await app.dead(links));
    if (url.pathname === '/plots') return htmlPage(res, 200, await app.plots(links));
    if (url.pathname === '/doc') {
      const out = await app.doc(links, url.searchParams.get('id') ?? '', url.searchParams.get('ruleset') ?? undefined);
      return out ? htmlPage(res, 200, out) : problem(res, 404, 'no such document in the store');
    }
    const asset = /^\/assets\/([\w.-]+)$/.exec(url.pathname)?.[1];
    if (asset && assets.has(asset)) return send(res, 200, ASSETS[asset]!, assets.get(asset)!);
    return problem(res, 404, 'not found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof CorrectionError) return problem(res, 400, err.message);
      opts.log.error({ err }, 'review request failed');
      if (!res.headersSent) problem(res, 500, 'internal error (see the server log)');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  allowedHosts = new Set([`${hostPart}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);
  return {
    url: `http://${hostPart}:${port}/`,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
