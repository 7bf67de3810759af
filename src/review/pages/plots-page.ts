// The plots page: per field, the calibration curve (when a gold file was given) and the confidence histogram.
import type { FieldName } from '../../core/contract/record.ts';
import type { Judgement } from '../../eval/score.ts';
import { html, type Html } from '../html.ts';
import { calibrationBins, calibrationSvg, histogramSvg } from '../plots.ts';

/** eval's field names beside the record field each one scores. */
const SCORED: [string, FieldName][] = [
  ['victim', 'victim'],
  ['date', 'date'],
  ['country', 'location'],
  ['server_count', 'serverCount'],
  ['ransom_demanded', 'ransom'],
  ['origin', 'origin'],
];

export interface PlotData {
  goldName: string | null;
  judgements: readonly Judgement[] | null;
  confidences: Record<FieldName, number[]>;
}

export function plotsPage(d: PlotData): Html {
  return html`<h1>Confidence</h1>
<p class="note">${
    d.goldName
      ? html`Calibration against <code>${d.goldName}</code> (all labelled documents): dots are the ten confidence bins, sized by count;
the diagonal is perfect calibration.`
      : html`Start the review with <code>--gold FILE</code> to see calibration curves.`
  }</p>
<div class="plots">${SCORED.map(
    ([scored, field]) => html`<section class="plotcard"><h3 class="swatch f-${field}">${field}</h3>
${d.judgements ? calibrationSvg(scored, calibrationBins(d.judgements.filter((j) => j.field === scored && j.subset === 'all'))) : ''}
${histogramSvg(field, d.confidences[field])}</section>`,
  )}</div>`;
}
