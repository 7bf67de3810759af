// `node --import ./test/helpers/record-loads.mjs …`: appends every module URL the process resolves to $LOAD_LOG,
// so a test can tell which modules a command loaded (test/lazy-load.test.ts).
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
