// Modules a thread or process loads by URL: the `.ts` file when running from the sources (tsx), its compiled `.js`
// when running from dist/. (Import specifiers are rewritten by the build; URLs built at run time are not.)
export const moduleUrl = (spec: string, base: string): URL => new URL(base.endsWith('.ts') ? spec : spec.replace(/\.ts$/, '.js'), base);
