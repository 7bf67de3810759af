// `node --import ./test/helpers/record-loads.mjs …`: appends every module URL the process resolves to $LOAD_LOG,
// so a test can tell which modules a command loaded (test/lazy-load.test.ts). ES modules are seen by the resolve
// hook; CommonJS files loaded by require (which that hook does not see) are appended from require's cache at exit.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./record-loads-hooks.mjs', import.meta.url);

const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const files = Object.keys(cache).map((f) => pathToFileURL(f).href);
  if (process.env.LOAD_LOG && files.length) appendFileSync(process.env.LOAD_LOG, files.join('\n') + '\n');
});
