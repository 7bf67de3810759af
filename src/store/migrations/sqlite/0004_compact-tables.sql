-- Records and the incidents' lookup tables take less room: each is kept as its primary key (WITHOUT ROWID), so
-- the key is not stored twice (a rowid table plus its primary-key index); records_latest goes: the primary key
-- already finds a document's few records, whose latest is the highest seq among them.
CREATE TABLE records_compact (
  document_id  TEXT NOT NULL REFERENCES documents (id),
  ruleset      TEXT NOT NULL,
  record       TEXT NOT NULL,            -- the IncidentRecord as JSON (packed: src/store/pack.ts)
  extracted_at TEXT NOT NULL,
  seq          INTEGER NOT NULL,         -- write order: the latest record of a document has the highest
  PRIMARY KEY (document_id, ruleset)
) WITHOUT ROWID;
INSERT INTO records_compact (document_id, ruleset, record, extracted_at, seq)
  SELECT document_id, ruleset, record, extracted_at, seq FROM records;
DROP TABLE records;
ALTER TABLE records_compact RENAME TO records;
CREATE INDEX records_ruleset ON records (ruleset, document_id);
CREATE INDEX records_by_seq ON records (seq);

-- The incidents' lookup tables are their keys and little else: kept as their primary keys (WITHOUT ROWID).
CREATE TABLE incident_sources_compact (
  document_id TEXT PRIMARY KEY,        -- an article tells at most one incident
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  joined_at   TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO incident_sources_compact SELECT document_id, incident_id, joined_at FROM incident_sources;
DROP TABLE incident_sources;
ALTER TABLE incident_sources_compact RENAME TO incident_sources;
CREATE INDEX incident_sources_incident ON incident_sources (incident_id);

CREATE TABLE incident_names_compact (
  name_key    TEXT NOT NULL,
  incident_id TEXT NOT NULL REFERENCES incidents (id),
  PRIMARY KEY (name_key, incident_id)
) WITHOUT ROWID;
INSERT INTO incident_names_compact SELECT name_key, incident_id FROM incident_names;
DROP TABLE incident_names;
ALTER TABLE incident_names_compact RENAME TO incident_names;
CREATE INDEX incident_names_incident ON incident_names (incident_id);
