// The incident gold set: JSONL lines that are either an article of our own ({ id, text, title, publishedAt,
// incident }) or a reference to a shared corpus article ({ corpus, id, incident }), whose text is read from
// ../shared/corpus and never copied. `lookAlike` marks articles of one victim that belong to different incidents.
import path from 'node:path';
import type { RawDocument } from '../core/document.ts';
import { readJsonl } from '../eval/gold.ts';
import { SHARED_DIR } from '../eval/paths.ts';
import { defined } from './defined.ts';

export interface IncidentGoldLine {
  id: string;
  incident: string;
  lookAlike?: string;
  text?: string;
  title?: string;
  publishedAt?: string;
  uri?: string;
  corpus?: string;
}

export interface IncidentGold {
  id: string;
  raw: RawDocument;
  incident: string;
  lookAlike: boolean;
}

interface CorpusLine {
  id: string;
  text: string;
  meta?: { title?: string | null; published?: string | null; url?: string | null };
}

/** Reads gold files; corpus references are resolved against the shared corpora (each corpus read once). */
export function readIncidentGold(files: readonly string[]): IncidentGold[] {
  const corpora = new Map<string, Map<string, CorpusLine>>();
  const corpus = (name: string) => {
    let c = corpora.get(name);
    if (!c) corpora.set(name, (c = new Map(readJsonl<CorpusLine>(path.join(SHARED_DIR, 'corpus', path.basename(name))).map((l) => [l.id, l]))));
    return c;
  };
  const out: IncidentGold[] = [];
  for (const file of files) {
    for (const g of readJsonl<IncidentGoldLine>(file)) {
      let raw: RawDocument;
      if (g.corpus) {
        const line = corpus(g.corpus).get(g.id);
        if (!line) throw new Error(`${file}: ${g.id} is not in ${g.corpus}`);
        const m = line.meta ?? {};
        raw = { id: g.id, text: line.text, ...defined({ title: m.title, publishedAt: m.published, uri: m.url }) };
      } else {
        if (!g.text) throw new Error(`${file}: ${g.id} has neither text nor corpus`);
        raw = { id: g.id, text: g.text, ...defined({ title: g.title, publishedAt: g.publishedAt, uri: g.uri }) };
      }
      out.push({ id: g.id, raw, incident: g.incident, lookAlike: !!g.lookAlike });
    }
  }
  return out;
}
