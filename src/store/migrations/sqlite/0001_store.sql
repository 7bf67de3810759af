-- Every ingested document, every record with the ruleset that made it, every run and dead letter.
CREATE TABLE documents (
  id             TEXT PRIMARY KEY,
  content_hash   TEXT NOT NULL,
  text           TEXT NOT NULL,
  meta           TEXT NOT NULL,          -- JSON: uri, title, publishedAt, input
  first_ingested TEXT NOT NULL,          -- ISO 8601
  last_ingested  TEXT NOT NULL
);

CREATE TABLE records (
  document_id  TEXT NOT NULL REFERENCES documents (id),
  ruleset      TEXT NOT NULL,
  record       TEXT NOT NULL,            -- the IncidentRecord as JSON, byte for byte
  extracted_at TEXT NOT NULL,
  seq          INTEGER NOT NULL,         -- write order: the latest record of a document has the highest
  PRIMARY KEY (document_id, ruleset)
);
CREATE INDEX records_latest ON records (document_id, seq);
CREATE INDEX records_ruleset ON records (ruleset, document_id);
CREATE INDEX records_by_seq ON records (seq);

CREATE TABLE runs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  command     TEXT NOT NULL,
  ruleset     TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  counts      TEXT                       -- JSON
);

CREATE TABLE dead_letters (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id      INTEGER REFERENCES runs (id),
  document_id TEXT,
  input       TEXT NOT NULL,
  stage       TEXT NOT NULL,
  reason      TEXT NOT NULL,
  message     TEXT NOT NULL,
  at          TEXT NOT NULL
);
