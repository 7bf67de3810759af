-- The downstream table `--sink postgres://…` fills: one row per document, the latest extraction wins.
CREATE TABLE IF NOT EXISTS incident_records (
  id                      text PRIMARY KEY,
  ruleset                 text NOT NULL,
  extracted_at            timestamptz NOT NULL,
  victim                  text,
  victim_confidence       real,
  incident_date           text,            -- YYYY, YYYY-MM or YYYY-MM-DD
  date_confidence         real,
  country                 char(2),
  region                  text,
  city                    text,
  location_confidence     real,
  server_count            integer,
  server_count_confidence real,
  ransom_demanded         boolean,
  ransom_amount           numeric,
  ransom_currency         text,
  ransom_confidence       real,
  origin_country          char(2),
  origin_actor            text,
  origin_confidence       real,
  record                  jsonb NOT NULL   -- the full record (incident-record/1)
);
CREATE INDEX IF NOT EXISTS incident_records_ruleset ON incident_records (ruleset);
