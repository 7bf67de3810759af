// A document page: the text with every evidence span highlighted (one colour per field, overlapping and
// nested spans all shown), and a side panel per field with value, confidence, rule, alternatives and the
// correction form. Classes and data attributes come from field names and offsets, never from the text.
import { FIELD_NAMES, type FieldName, type IncidentRecord } from '../../core/contract/record.ts';
import type { Correction, StoredDocument } from '../../store/store.ts';
import { latestByField } from '../corrections.ts';
import { recordMarks, segments } from '../highlight.ts';
import { formatValue, html, type Html } from '../html.ts';
import type { Links } from './layout.ts';

function highlightedText(text: string, record: IncidentRecord | null): Html {
  const segs = segments(text, record ? recordMarks(text, record.fields) : []);
  return html`<pre id="doc-text" class="doc-text">${segs.map((s) =>
    s.classes.length
      ? html`<span class="seg ${s.classes.join(' ')}" data-s="${s.start}" data-e="${s.end}">${text.slice(s.start, s.end)}</span>`
      : text.slice(s.start, s.end),
  )}</pre>`;
}

const HINTS: Record<FieldName, string> = {
  victim: 'name',
  date: 'YYYY, YYYY-MM or YYYY-MM-DD',
  location: 'BE, Namur, Namur',
  serverCount: '5',
  ransom: 'yes / no / yes 4000 USD',
  origin: 'RU, actor name',
};

function correctionForm(links: Links, record: IncidentRecord, field: FieldName): Html {
  const f = record.fields[field];
  const radio = (value: string, label: Html | string, checked = false) =>
    html`<label><input type="radio" name="choice" value="${value}"${checked ? html` checked` : ''}> ${label}</label>`;
  return html`<form class="correct" method="post" action="${links.correct()}">
<input type="hidden" name="token" value="${links.token ?? ''}">
<input type="hidden" name="id" value="${record.id}">
<input type="hidden" name="ruleset" value="${record.ruleset}">
<input type="hidden" name="field" value="${field}">
${radio('accept', f ? 'accept' : 'accept: not in the text', true)}
${(f?.alternatives ?? []).map((a, n) => radio(`alt-${n}`, html`alternative ${n + 1}: ${formatValue(a.value)}`))}
${radio('typed', 'the right value:')} <input name="typed" placeholder="${HINTS[field]}" size="22">
${f ? radio('none', 'not in the text') : ''}
<button type="submit">Save</button>
</form>`;
}

function fieldCard(links: Links, record: IncidentRecord, field: FieldName, reviewed: Correction | undefined): Html {
  const f = record.fields[field];
  return html`<section class="field" id="field-${field}" data-field="${field}">
<h3><button type="button" class="pick swatch f-${field}" data-field="${field}"${f ? '' : html` disabled`}>${field}</button></h3>
<p class="value">${formatValue(f?.value)}</p>
${
  f
    ? html`<p class="meta">confidence <span class="c">${f.confidence.toFixed(3)}</span> · rule <span class="rule">${f.rule}</span></p>
<ul class="evidence">${f.evidence.map((e) => html`<li><q>${e.text}</q> <span class="off">${e.start}–${e.end}</span></li>`)}</ul>`
    : ''
}
${
  f?.alternatives?.length
    ? html`<ol class="alts">${f.alternatives.map(
        (a, n) => html`<li>
<button type="button" class="alt" data-alt="a-${field}-${n}">${formatValue(a.value)}</button>
<span class="c">${a.confidence.toFixed(3)}</span> <span class="rule">${a.rule}</span></li>`,
      )}</ol>`
    : ''
}
${reviewed ? html`<p class="reviewed">reviewed (${reviewed.action}): ${formatValue(reviewed.value)} <span class="at">${reviewed.at}</span></p>` : ''}
${links.token ? correctionForm(links, record, field) : ''}
</section>`;
}

export function docPage(links: Links, doc: StoredDocument, record: IncidentRecord | null, corrections: readonly Correction[]): Html {
  const by = latestByField(corrections);
  const title = typeof doc.meta.title === 'string' ? doc.meta.title : typeof doc.meta.uri === 'string' ? doc.meta.uri.split('/').pop()! : doc.id;
  return html`<h1>${title}</h1>
<p class="docmeta">id <code>${doc.id}</code>${typeof doc.meta.uri === 'string' ? html` · source <code>${doc.meta.uri}</code>` : ''}
${record ? html` · ruleset <code>${record.ruleset}</code>` : html` · <strong>no record</strong>`} · ${by.size} of ${FIELD_NAMES.length} fields reviewed</p>
<div class="doc">
${highlightedText(doc.text, record)}
<aside class="panel">${record ? FIELD_NAMES.map((f) => fieldCard(links, record, f, by.get(f))) : ''}</aside>
</div>`;
}
