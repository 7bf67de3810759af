// The esbuild settings of the engine bundle (scripts/bundle-engine.mjs), in a module of their own so that a test can
// build with the same settings (test/regex-literals.test.ts).
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // For any node target esbuild rewrites a \p{…} regex literal as `new RegExp(…)` (which property names exist moves
  // with Unicode versions), and a rewritten literal inside a function is rebuilt on each call. Node 20's V8 has them.
  supported: { 'regexp-unicode-property-escapes': true },
  external: ['compromise'],
  legalComments: 'none',
  logLevel: 'warning',
};
