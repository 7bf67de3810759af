// `incident-extract eval --gold FILE [--pred RECORDS.jsonl] [--json]`: per-field scores against a gold corpus.
import { existsSync, readFileSync } from 'node:fs';
import type { IncidentRecord } from '../core/contract/record.ts';
import { evaluateGold } from '../eval/evaluate.ts';
import { readGold } from '../eval/gold.ts';
import { formatScores, score, type ScoreResult } from '../eval/score.ts';
import { createExtractor } from '../core/engine.ts';
import { UsageError } from './usage.ts';

export interface EvalOptions {
  gold: string;
  pred?: string;
  json?: boolean;
}

/** Records from a JSONL file; dead-letter lines and blank lines are not records. */
function readRecords(path: string): Pick<IncidentRecord, 'id' | 'fields'>[] {
  const out: Pick<IncidentRecord, 'id' | 'fields'>[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, n) => {
      if (!line.trim()) return;
      let r: { id?: unknown; fields?: unknown; deadLetter?: unknown };
      try {
        r = JSON.parse(line) as typeof r;
      } catch (e) {
        throw new UsageError(`${path}:${n + 1}: not a JSON record (${(e as Error).message})`);
      }
      if (!r.deadLetter && r.id != null && r.fields) out.push(r as Pick<IncidentRecord, 'id' | 'fields'>);
    });
  return out;
}

export async function runEval(opts: EvalOptions): Promise<string> {
  for (const f of [opts.gold, opts.pred]) if (f && !existsSync(f)) throw new UsageError(`no such file: ${f}`);
  let res: ScoreResult & { deadLetters?: number };
  if (opts.pred) {
    res = score(readGold(opts.gold), readRecords(opts.pred));
  } else {
    res = evaluateGold(opts.gold, await createExtractor());
  }
  if (opts.json) return JSON.stringify({ docs: res.docs, missing: res.missing, fields: res.fields }) + '\n';
  return formatScores(res) + '\n';
}
