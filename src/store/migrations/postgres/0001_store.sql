-- Every ingested document, every record with the ruleset that made it, every run and dead letter.
-- JSON is kept as text, not jsonb: jsonb rejects U+0000 and reorders keys, and the store gives back
-- exactly what it was given.
CREATE TABLE documents (
  id             text PRIMARY KEY,
  content_hash   text NOT NULL,
  text           text NOT NULL,
  meta           text NOT NULL,
  first_ingested timestamptz NOT NULL,
  last_ingested  timestamptz NOT NULL
);

CREATE SEQUENCE records_seq;
CREATE TABLE records (
  document_id  text NOT NULL REFERENCES documents (id),
  ruleset      text NOT NULL,
  record       text NOT NULL,
  extracted_at timestamptz NOT NULL,
  seq          bigint NOT NULL,
  PRIMARY KEY (document_id, ruleset)
);
CREATE INDEX records_latest ON records (document_id, seq);
CREATE INDEX records_ruleset ON records (ruleset, document_id);
CREATE INDEX records_by_seq ON records (seq);

CREATE TABLE runs (
  id          bigserial PRIMARY KEY,
  command     text NOT NULL,
  ruleset     text NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz,
  counts      text
);

CREATE TABLE dead_letters (
  id          bigserial PRIMARY KEY,
  run_id      bigint REFERENCES runs (id),
  document_id text,
  input       text NOT NULL,
  stage       text NOT NULL,
  reason      text NOT NULL,
  message     text NOT NULL,
  at          timestamptz NOT NULL
);
