-- One row per incident, beside incident_records (one row per article): the merged value of each field with
-- its confidence, the articles that tell it, the fields they disagree on, and the full incident (ledger included).
CREATE TABLE IF NOT EXISTS incident_rollup (
  incident_id         text PRIMARY KEY,
  victim              text,
  victim_confidence   real,
  incident_date       text,              -- YYYY, YYYY-MM or YYYY-MM-DD
  date_confidence     real,
  country             char(2),
  region              text,
  city                text,
  location_confidence real,
  server_count        integer,
  ransom_demanded     boolean,
  ransom_amount       numeric,
  ransom_currency     text,
  ransom_confidence   real,
  origin_country      char(2),
  origin_actor        text,
  origin_confidence   real,
  articles            integer NOT NULL,
  article_ids         text[] NOT NULL,   -- incident_records.id of each article
  conflicts           text[] NOT NULL,   -- fields the articles disagree on
  aliases             text[] NOT NULL,   -- ids of incidents merged into this one
  first_published     text,
  last_published      text,
  incident            jsonb NOT NULL     -- fields, claims ledger, conflicts, sources
);
CREATE INDEX IF NOT EXISTS incident_rollup_victim ON incident_rollup (victim);
