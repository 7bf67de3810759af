-- What reviewers said about a field of a record (incident-extract review): the value they accepted, chose
-- or typed ('null' = not in the text), for the ruleset whose record they read. The latest per field wins.
CREATE TABLE corrections (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents (id),
  field       TEXT NOT NULL,
  value       TEXT NOT NULL,             -- JSON: the field's value in the record's shape, or null
  action      TEXT NOT NULL,             -- accept, alternative, typed, none
  ruleset     TEXT NOT NULL,             -- the ruleset whose record was corrected
  at          TEXT NOT NULL              -- ISO 8601
);
CREATE INDEX corrections_document ON corrections (document_id, field, id);
