#!/usr/bin/env bash
# Usage: scripts/same-output.sh [REF]      (REF defaults to the commit in .ci/same-output-base)
# The byte-identical check of a refactoring: extracts every dev corpus (../shared/corpus/*-dev.jsonl) and the
# fixtures/ of this tree with this tree's code and with REF's (a temporary git worktree, node_modules linked), and
# compares the records by id, ignoring extractedAt and ruleset. Prints IDENTICAL, or the ids that differ and exits 1.
# A change that means to alter the output moves .ci/same-output-base to its own commit, deliberately.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ref="${1:-$(tr -d '[:space:]' < "$root/.ci/same-output-base")}"
corpus="$root/../shared/corpus"
work="$(mktemp -d)"
cleanup() { git -C "$root" worktree remove --force "$work/ref" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

shopt -s nullglob
inputs=("$corpus"/*-dev.jsonl)
if [ ${#inputs[@]} -eq 0 ]; then echo "same-output: no corpora at $corpus" >&2; exit 2; fi

git -C "$root" worktree add --detach --quiet "$work/ref" "$ref"
ln -s "$root/node_modules" "$work/ref/node_modules"

# extract TREE OUT: every corpus and this tree's fixtures, no store, one JSONL per input
extract() {
  local tree="$1" out="$2"
  mkdir -p "$out"
  for f in "${inputs[@]}"; do
    (cd "$tree" && node bin/incident-extract.js extract "$f" --no-store -o "$out/$(basename "$f" .jsonl).jsonl" 2>"$out/$(basename "$f").log")
  done
  (cd "$tree" && node bin/incident-extract.js extract "$root/fixtures" --no-store -o "$out/fixtures.jsonl" 2>"$out/fixtures.log")
}
# a tree whose bin runs from dist/ is built first
build() {
  if node -e 'process.exit(require(process.argv[1]).scripts?.build ? 0 : 1)' "$1/package.json"; then
    (cd "$1" && npm run --silent build >/dev/null)
  fi
}
build "$work/ref"
build "$root"
extract "$work/ref" "$work/before"
extract "$root" "$work/after"

node - "$work/before" "$work/after" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const [before, after] = process.argv.slice(2);
const read = (file) => {
  const out = new Map();
  if (!fs.existsSync(file)) return out;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    delete r.extractedAt;
    delete r.ruleset;
    delete r.at; // a dead letter's time
    out.set(`${r.id}\u0000${r.input ?? ''}`, JSON.stringify(r));
  }
  return out;
};
let differ = 0;
for (const name of fs.readdirSync(before).filter((f) => f.endsWith('.jsonl')).sort()) {
  const a = read(path.join(before, name));
  const b = read(path.join(after, name));
  const ids = [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id));
  console.log(`${name}: ${b.size} records, ${ids.length} differ${ids.length ? ': ' + ids.join(' ') : ''}`);
  differ += ids.length;
}
console.log(differ ? 'DIFFERENT' : 'IDENTICAL');
process.exit(differ ? 1 : 0);
JS
