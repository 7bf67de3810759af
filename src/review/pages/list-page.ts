// The list page: each stored document's record under the chosen ruleset, filters and sorting as a GET form,
// and for "changed between two rulesets" each changed field's old and new value with both evidences.
import { FIELD_NAMES, type DeadLetter } from '../../core/contract/record.ts';
import { formatValue, html, type Html } from '../html.ts';
import { SORTS, type FieldChange, type ListQuery, type ListRow, type Side } from '../list.ts';
import type { Links } from './layout.ts';

const conf = (c: number | null) => (c == null ? '—' : c.toFixed(3));
const ransom = (v: unknown) => {
  const r = v as { demanded: boolean; amount: number | null; currency: string | null } | undefined;
  if (!r) return '—';
  return r.demanded ? `demanded${r.amount != null ? ` ${r.amount}${r.currency ? ` ${r.currency}` : ''}` : ''}` : 'no demand';
};

function option(value: string, label: string, selected: boolean): Html {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

function filters(q: ListQuery, rulesets: string[]): Html {
  return html`<form class="filters" method="get" action="">
<label>ruleset <select name="ruleset">${option('', 'latest of each document', !q.ruleset)}${rulesets.map((r) => option(r, r, r === q.ruleset))}</select></label>
<label>changed since <select name="changedFrom">${option('', '—', !q.changedFrom)}${rulesets.map((r) => option(r, r, r === q.changedFrom))}</select></label>
<label>field <select name="field">${option('', 'any (lowest)', !q.field)}${FIELD_NAMES.map((f) => option(f, f, f === q.field))}</select></label>
<label>rule <input name="rule" value="${q.rule ?? ''}" size="14"></label>
<label>confidence ≥ <input name="min" type="number" step="0.01" min="0" max="1" value="${q.min ?? ''}"></label>
<label>≤ <input name="max" type="number" step="0.01" min="0" max="1" value="${q.max ?? ''}"></label>
<label>sort <select name="sort">${SORTS.map((s) => option(s, s, s === q.sort))}</select></label>
<label><input type="checkbox" name="desc" value="1"${q.desc ? html` checked` : ''}> descending</label>
<button type="submit">Apply</button>
</form>`;
}

function sideCell(s: Side | null): Html {
  if (!s) return html`<td class="none">—</td>`;
  return html`<td><span class="v">${formatValue(s.value)}</span> <span class="c">${s.confidence.toFixed(3)}</span> <span class="rule">${s.rule}</span>
${s.evidence.map((e) => html`<q class="ev">${e.text}</q>`)}</td>`;
}

function changeRows(cs: readonly FieldChange[]): Html {
  return html`<table class="changes"><tr><th>field</th><th>change</th><th>old</th><th>new</th></tr>
${cs.map(
  (c) => html`<tr class="change-${c.kind}"><td class="swatch f-${c.field}">${c.field}</td><td>${c.kind}</td>
${sideCell(c.from)}${sideCell(c.to)}</tr>`,
)}</table>`;
}

export function listPage(links: Links, q: ListQuery, rows: readonly ListRow[], rulesets: string[], opts: { static?: boolean; limit?: number } = {}): Html {
  const shown = rows.slice(0, opts.limit ?? rows.length);
  const what = q.changedFrom ? html`changed since <code>${q.changedFrom}</code>` : 'records';
  return html`<h1>${rows.length} ${what}${q.ruleset ? html` under <code>${q.ruleset}</code>` : ''}</h1>
${opts.static ? '' : filters(q, rulesets)}
${shown.length < rows.length ? html`<p class="note">showing the first ${shown.length}; narrow the filters to see the rest</p>` : ''}
<table class="records" id="records">
<thead><tr><th>document</th><th>victim</th><th>date</th><th>country</th><th>ransom</th><th>lowest confidence</th></tr></thead>
<tbody>
${shown.map(
  (r) => html`<tr data-id="${r.id}">
<td><a class="doc-link" href="${links.doc(r.id, q.ruleset)}">${r.title ?? r.record.source.uri?.split('/').pop() ?? r.id}</a><div class="id">${r.id}</div></td>
<td>${formatValue(r.record.fields.victim?.value)}</td>
<td>${formatValue(r.record.fields.date?.value)}</td>
<td>${formatValue((r.record.fields.location?.value as { country?: string } | undefined)?.country)}</td>
<td>${ransom(r.record.fields.ransom?.value)}</td>
<td class="conf">${conf(r.confidence)}${r.lowestField ? html` <span class="swatch f-${r.lowestField}">${r.lowestField}</span>` : ''}</td>
</tr>${r.changes.length ? html`<tr class="change-row"><td colspan="6">${changeRows(r.changes)}</td></tr>` : ''}`,
)}
</tbody></table>`;
}

export function deadPage(links: Links, letters: readonly (DeadLetter & { runId: number | null })[], stored: ReadonlySet<string>): Html {
  return html`<h1>${letters.length} dead letters</h1>
<table class="records"><thead><tr><th>document</th><th>input</th><th>stage</th><th>reason</th><th>message</th><th>at</th></tr></thead><tbody>
${letters.map(
  (d) => html`<tr><td>${d.id && stored.has(d.id) ? html`<a href="${links.doc(d.id)}">${d.id}</a>` : (d.id ?? '—')}</td>
<td>${d.input}</td><td>${d.stage}</td><td>${d.reason}</td><td>${d.message}</td><td>${d.at}</td></tr>`,
)}
</tbody></table>`;
}
