// `incident-extract diff [--from R1] [--to R2] [--gold FILE] [--json]`: what a rule change did.
import { existsSync } from 'node:fs';
import { FIELD_NAMES } from '../core/contract/record.ts';
import { readGold } from '../eval/gold.ts';
import { defaultRulesets, diffRulesets, type Example, type RulesetDiff } from '../store/diff.ts';
import { openStore, storeSpec } from '../store/open.ts';
import { UsageError } from './usage.ts';

export interface DiffOptions {
  from?: string;
  to?: string;
  gold?: string;
  json?: boolean;
  store?: string;
}

export async function runDiff(o: DiffOptions): Promise<number> {
  if (o.gold && !existsSync(o.gold)) throw new UsageError(`no such file: ${o.gold}`);
  const store = await openStore(storeSpec(o.store), { mustExist: true });
  try {
    const pair = await defaultRulesets(store, o.from, o.to);
    if (!pair) throw new UsageError(`the store ${store.description} has records of fewer than two rulesets: nothing to compare (give --from and --to)`);
    const res = await diffRulesets(store, pair.from, pair.to, o.gold ? readGold(o.gold) : undefined);
    process.stdout.write(o.json ? JSON.stringify(res) + '\n' : formatDiff(res));
    return 0;
  } finally {
    await store.close();
  }
}

const short = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v)).slice(0, 80);
const sign = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

function example(e: Example): string {
  const side = (s: Example['from']) => (s ? `${short(s.value)} (${s.confidence.toFixed(2)}, ${s.rule}: "${s.evidence[0]?.text.slice(0, 60) ?? ''}")` : '-');
  return `      ${e.id}: ${side(e.from)} → ${side(e.to)}`;
}

export function formatDiff(d: RulesetDiff): string {
  const lines = [
    `diff ${d.from} → ${d.to}: ${d.documents} documents with a record under both (${d.onlyFrom} only` +
      ` under ${d.from}, ${d.onlyTo} only under ${d.to}); ${d.changedDocuments.length} records differ`,
    '',
    `${'field'.padEnd(12)} ${'added'.padStart(6)} ${'removed'.padStart(8)} ${'changed'.padStart(8)}` +
      ` ${'unchanged'.padStart(10)} ${'empty'.padStart(6)} ${'conf shift'.padStart(11)}`,
  ];
  for (const f of FIELD_NAMES) {
    const x = d.fields[f];
    lines.push(
      `${f.padEnd(12)} ${String(x.added).padStart(6)} ${String(x.removed).padStart(8)} ${String(x.changed).padStart(8)} ${String(x.unchanged).padStart(10)} ` +
        `${String(x.empty).padStart(6)} ${(x.meanConfidenceShift == null ? '-' : sign(x.meanConfidenceShift)).padStart(11)}`,
    );
  }
  for (const f of FIELD_NAMES) {
    const ex = d.fields[f].examples;
    if (!ex.added.length && !ex.removed.length && !ex.changed.length) continue;
    lines.push('', `${f}:`);
    for (const kind of ['added', 'removed', 'changed'] as const) {
      if (!ex[kind].length) continue;
      lines.push(`  ${kind}:`, ...ex[kind].map(example));
    }
  }
  if (d.gold) {
    lines.push('', `F1 on ${d.gold.docs} gold documents`, `${'field'.padEnd(16)} ${'from'.padStart(6)} ${'to'.padStart(6)} ${'diff'.padStart(7)}`);
    for (const [f, g] of Object.entries(d.gold.fields)) {
      lines.push(
        `${f.padEnd(16)} ${(100 * g.from).toFixed(1).padStart(6)} ${(100 * g.to).toFixed(1).padStart(6)}` +
          ` ${(g.difference >= 0 ? '+' : '') + (100 * g.difference).toFixed(1).padStart(6)}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
