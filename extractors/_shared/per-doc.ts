// A per-document fact that helpers ask for many times per document (the capitalised words: every name looked up asks). The
// last document's answer is kept beside it, so every ask after the first is one comparison; the first goes through
// doc.once as any fact does. Asked through doc.once alone, each ask ran the compute's call site, and TurboFan, compiling a
// hot asker, inlined the compute, loops and all (which it also compiled on its own); called here only on a document's first
// ask, the call is too rare for TurboFan to inline.
import type { AnalysedDoc } from './kit.ts';

export class PerDoc<T> {
  readonly #key: string;
  readonly #build: (doc: AnalysedDoc) => T;
  #doc: AnalysedDoc | undefined;
  #value: T | undefined;

  constructor(key: string, build: (doc: AnalysedDoc) => T) {
    this.#key = key;
    this.#build = build;
  }

  /** The fact for `doc`: `build(doc)` on the document's first ask, kept with it by doc.once. */
  of(doc: AnalysedDoc): T {
    if (doc !== this.#doc) {
      this.#value = doc.once(this.#key, () => this.#build(doc));
      this.#doc = doc;
    }
    return this.#value as T;
  }
}
