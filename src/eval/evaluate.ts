// Extracts every document of a gold corpus and scores the records: what `incident-extract eval` runs.
import type { IncidentRecord } from '../core/contract/record.ts';
import type { Extractor } from '../core/engine.ts';
import { goldToRaw, readGold } from './gold.ts';
import { score, type GoldLine, type ScoreResult } from './score.ts';

export interface Evaluation extends ScoreResult {
  records: IncidentRecord[];
  gold: GoldLine[];
  deadLetters: number;
}

/** `extractor` is anything with the processor's signature (the calibration script passes one that observes resolve). */
export function evaluateGold(goldPath: string, extractor: Pick<Extractor, 'process'>): Evaluation {
  const gold = readGold(goldPath);
  const records: IncidentRecord[] = [];
  let deadLetters = 0;
  for (const g of gold) {
    const r = extractor.process(goldToRaw(g), `${goldPath}#${g.id}`);
    if (r.ok) records.push(r.record);
    else deadLetters++;
  }
  return { ...score(gold, records), records, gold, deadLetters };
}
