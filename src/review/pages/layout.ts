// The page frame shared by every review page: stylesheet and script from the package, never a CDN or
// inline code (the Content-Security-Policy allows 'self' only).
import { html, type Html } from '../html.ts';
import type { ListQuery } from '../list.ts';

/** Where links point: the live server's URLs, or the files `--static DIR` writes side by side. */
export interface Links {
  /** Corrections are possible (the live server): forms carry this run's token. */
  readonly token: string | null;
  list(q?: Partial<ListQuery>): string;
  dead(): string;
  plots(): string;
  doc(id: string, ruleset?: string): string;
  asset(name: string): string;
  correct(): string;
}

export function page(links: Links, title: string, body: Html, nav: { changedFrom?: string } = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · incident-extract review</title>
<link rel="stylesheet" href="${links.asset('review.css')}">
<script src="${links.asset('review.js')}" defer></script>
</head>
<body>
<header class="top"><strong>incident-extract review</strong>
<nav><a href="${links.list()}">Records</a>${nav.changedFrom ? html` · <a href="${links.list({ changedFrom: nav.changedFrom })}">Changed</a>` : ''}
 · <a href="${links.dead()}">Dead letters</a> · <a href="${links.plots()}">Plots</a></nav>
${links.token ? '' : html`<span class="readonly">static copy: read only</span>`}
</header>
<main>
${body}
</main>
</body>
</html>
`.value;
}
