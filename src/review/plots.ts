// Plain SVG drawn on the server (no library, no CDN): per field, the calibration curve (confidence against
// the accuracy measured on a gold file) and the distribution of confidence over stored records.
import type { Judgement } from '../eval/score.ts';
import { html, type Html } from './html.ts';

const W = 260,
  H = 220,
  L = 40,
  B = 30,
  T = 12,
  R = 10;
const PW = W - L - R,
  PH = H - T - B;
const x = (v: number) => L + v * PW;
const y = (v: number) => T + (1 - v) * PH;
const n2 = (v: number) => v.toFixed(1);

export interface Bin {
  lo: number;
  hi: number;
  n: number;
  meanConfidence: number;
  accuracy: number;
}

/** Ten equal confidence bins (the ECE bins of eval): mean confidence and share right in each non-empty one. */
export function calibrationBins(js: readonly Pick<Judgement, 'confidence' | 'ok'>[]): Bin[] {
  const bins: Bin[] = [];
  for (let b = 0; b < 10; b++) {
    const inBin = js.filter((j) => j.confidence != null && Math.min(9, Math.floor(j.confidence * 10)) === b);
    if (!inBin.length) continue;
    bins.push({
      lo: b / 10,
      hi: (b + 1) / 10,
      n: inBin.length,
      meanConfidence: inBin.reduce((s, j) => s + j.confidence!, 0) / inBin.length,
      accuracy: inBin.filter((j) => j.ok).length / inBin.length,
    });
  }
  return bins;
}

function axes(xLabel: string, yLabel: string, yMax: number, yFormat: (v: number) => string): Html {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return html`<line class="axis" x1="${L}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}"/><line class="axis" x1="${L}" y1="${y(0)}" x2="${L}" y2="${y(1)}"/>
${ticks.map((t) => html`<text class="tick" x="${n2(x(t))}" y="${H - B + 14}" text-anchor="middle">${t}</text>`)}
${ticks.map((t) => html`<text class="tick" x="${L - 4}" y="${n2(y(t) + 4)}" text-anchor="end">${yFormat(t * yMax)}</text>`)}
<text class="label" x="${L + PW / 2}" y="${H - 2}" text-anchor="middle">${xLabel}</text>
<text class="label" x="10" y="${T + PH / 2}" text-anchor="middle" transform="rotate(-90 10 ${T + PH / 2})">${yLabel}</text>`;
}

export function calibrationSvg(field: string, bins: readonly Bin[]): Html {
  const total = bins.reduce((s, b) => s + b.n, 0);
  const points = bins.map((b) => `${n2(x(b.meanConfidence))},${n2(y(b.accuracy))}`).join(' ');
  return html`<svg class="plot" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg" data-field="${field}">
<title>${field}: confidence against measured accuracy (${total} judged)</title>
${axes('confidence', 'accuracy', 1, (v) => v.toFixed(2))}
<line class="ideal" x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}"/>
${bins.length > 1 ? html`<polyline class="curve" points="${points}"/>` : ''}
${bins.map(
  (b) => html`<circle class="bin" cx="${n2(x(b.meanConfidence))}" cy="${n2(y(b.accuracy))}" r="${n2(2 + 6 * Math.sqrt(b.n / Math.max(1, total)))}">
<title>${b.lo.toFixed(1)}–${b.hi.toFixed(1)}: ${b.n} judged, mean confidence ${b.meanConfidence.toFixed(3)}, accuracy ${b.accuracy.toFixed(3)}</title>
</circle>`,
)}
</svg>`;
}

export function histogramSvg(field: string, values: readonly number[]): Html {
  const counts = Array.from({ length: 10 }, (_, b) => values.filter((v) => Math.min(9, Math.floor(v * 10)) === b).length);
  // a top divisible by 4 so every tick is a whole number of records
  const max = Math.max(4, Math.ceil(Math.max(...counts) / 4) * 4);
  return html`<svg class="plot" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg" data-field="${field}">
<title>${field}: confidence of ${values.length} stored values</title>
${axes('confidence', 'records', max, (v) => String(Math.round(v)))}
${counts.map(
  (c, b) => html`<rect class="bar" x="${n2(x(b / 10) + 1)}" y="${n2(y(c / max))}" width="${n2(PW / 10 - 2)}" height="${n2(PH * (c / max))}">
<title>${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)}: ${c}</title></rect>`,
)}
</svg>`;
}
