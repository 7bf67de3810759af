// `export --incidents [--sink postgres://…]`: one row per incident, to stdout as JSON lines or upserted into
// incident_rollup. The table holds exactly the store's incidents afterwards: rows of incidents merged away go.
import { readFileSync } from 'node:fs';
import type { Incident } from '../incidents/incident.ts';
import { view } from './incident-view.ts';

const INCIDENT_ROLLUP_DDL = readFileSync(new URL('./incident-rollup.sql', import.meta.url), 'utf8');

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** What jsonb and text cannot hold (NUL, lone surrogates) becomes U+FFFD in the table only. */
const safe = (v: unknown): unknown =>
  typeof v === 'string'
    ? v.replace(UNSTORABLE, '\uFFFD')
    : Array.isArray(v)
      ? v.map(safe)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, safe(x)]))
        : v;

export function rollupRow(inc: Incident) {
  const v = view(inc);
  const pubs = [...inc.publishedDates].sort();
  return safe({
    incident_id: inc.id,
    victim: v.victim,
    victim_confidence: v.victimConfidence,
    incident_date: v.date,
    date_confidence: inc.fields.date?.confidence ?? null,
    country: v.location?.country ?? null,
    region: v.location?.region ?? null,
    city: v.location?.city ?? null,
    location_confidence: v.locationConfidence,
    server_count: v.serverCount,
    ransom_demanded: v.ransom?.demanded ?? null,
    ransom_amount: v.ransom?.amount ?? null,
    ransom_currency: v.ransom?.currency ?? null,
    ransom_confidence: v.ransomConfidence,
    origin_country: v.origin?.country ?? null,
    origin_actor: v.origin?.actor ?? null,
    origin_confidence: v.originConfidence,
    articles: inc.sources.length,
    article_ids: inc.sources.map((s) => s.articleId),
    conflicts: inc.conflicts.map((c) => c.field),
    aliases: inc.aliases,
    first_published: pubs[0] ?? null,
    last_published: pubs[pubs.length - 1] ?? null,
    incident: inc,
  }) as Record<string, unknown>;
}

const COLUMNS = Object.keys(
  rollupRow({
    id: 'x',
    aliases: [],
    victim: null,
    names: [],
    incidentDates: [],
    publishedDates: [],
    sources: [],
    ledger: {},
    fields: { victim: null, date: null, location: null, serverCount: null, ransom: null, origin: null },
    conflicts: [],
  }),
);
const TYPES = `incident_id text, victim text, victim_confidence real, incident_date text, date_confidence real, country text, region text, city text,
  location_confidence real, server_count integer, ransom_demanded boolean, ransom_amount numeric, ransom_currency text, ransom_confidence real,
  origin_country text, origin_actor text, origin_confidence real, articles integer, article_ids text[], conflicts text[], aliases text[],
  first_published text, last_published text, incident jsonb`;
const UPSERT = `INSERT INTO incident_rollup (${COLUMNS.join(', ')})
SELECT ${COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${TYPES})
ON CONFLICT (incident_id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'incident_id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}`;

const BATCH = 200;

/** Upserts every incident and removes the rows of incidents that no longer exist; returns the rows written. */
export async function writeRollup(url: string, incidents: AsyncIterable<Incident>): Promise<number> {
  const { openPool } = await import('../store/postgres.ts'); // pg only when there is a sink
  const pool = await openPool(url, 2);
  const client = await pool.connect();
  let n = 0;
  try {
    await client.query(INCIDENT_ROLLUP_DDL);
    await client.query('BEGIN');
    await client.query('CREATE TEMP TABLE rollup_seen (incident_id text PRIMARY KEY) ON COMMIT DROP');
    let buf: Record<string, unknown>[] = [];
    const flush = async () => {
      if (!buf.length) return;
      await client.query(UPSERT, [JSON.stringify(buf)]);
      await client.query('INSERT INTO rollup_seen SELECT x FROM unnest($1::text[]) AS x ON CONFLICT DO NOTHING', [buf.map((r) => r.incident_id)]);
      n += buf.length;
      buf = [];
    };
    for await (const inc of incidents) {
      buf.push(rollupRow(inc));
      if (buf.length >= BATCH) await flush();
    }
    await flush();
    await client.query('DELETE FROM incident_rollup r WHERE NOT EXISTS (SELECT 1 FROM rollup_seen s WHERE s.incident_id = r.incident_id)');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
    await pool.end();
  }
  return n;
}
