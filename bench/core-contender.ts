// A child of `npm run bench core`: one contender in a process of its own (serveContender in core.ts), answering the
// parent's "go" lines with one JSON line each.   tsx bench/core-contender.ts ROOT SHARED NAME
import { createInterface } from 'node:readline';
import { serveContender } from './core.ts';

const [root, shared, name] = process.argv.slice(2) as [string, string, Parameters<typeof serveContender>[1]];
await serveContender({ root, shared, log: () => {} }, name, createInterface({ input: process.stdin }), (o) => process.stdout.write(`${JSON.stringify(o)}\n`));
