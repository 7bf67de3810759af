// Refits calibration/calibration.json and calibration/victim-rank.json to their fixed point: the learned victim
// ranking is trained with the table's rank figures (its `measured` feature) and the table measures the victims the
// ranking chooses, so each depends on the other. Runs `npm run calibrate`, then scripts/train-victim-rank.ts and
// `npm run calibrate` in turn until a round leaves both files byte for byte as they were (at most MAX_ROUNDS rounds),
// and prints their md5s.
//   npm run calibrate:fixed-point
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CALIBRATION_FILE } from '../src/core/calibration.ts';
import { VICTIM_RANK_FILE } from '../src/core/victim-rank.ts';

const MAX_ROUNDS = 6;
const md5 = (file: string) => createHash('md5').update(readFileSync(file)).digest('hex');
const state = () => `calibration.json ${md5(CALIBRATION_FILE)}  victim-rank.json ${md5(VICTIM_RANK_FILE)}`;
const run = (script: string) => execFileSync('npx', ['tsx', script], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

run('scripts/calibrate.ts');
let before = state();
process.stdout.write(`calibrated: ${before}\n`);
for (let round = 1; round <= MAX_ROUNDS; round++) {
  const ranking = run('scripts/train-victim-rank.ts');
  run('scripts/calibrate.ts');
  const after = state();
  process.stdout.write(`round ${round}: ${after}\n${ranking}`);
  if (after === before) {
    process.stdout.write(`fixed point after ${round} round(s)\n`);
    process.exit(0);
  }
  before = after;
}
process.stdout.write(`no fixed point after ${MAX_ROUNDS} rounds\n`);
process.exit(1);
