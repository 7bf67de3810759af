// A pure function of a string, remembered: the gazetteer is asked about the same names over and over (every rule
// that reads a capitalised run asks whether it is a city or a province, in every document that writes it). The table
// is emptied when it fills, so a long stream of documents keeps it small.

/** `fn`, with its answers for up to `limit` distinct arguments kept. */
export function remembered<T>(fn: (key: string) => T, limit = 20_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    if (known.size >= limit) known.clear();
    const value = fn(key);
    known.set(key, value);
    return value;
  };
}
