// Optional properties written only when they have a value: `{ title: undefined }` would be a key with nothing in it.
export function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && v !== '')) as { [K in keyof T]?: NonNullable<T[K]> };
}
