-- What reviewers said about a field of a record (incident-extract review): the value they accepted, chose
-- or typed ('null' = not in the text), for the ruleset whose record they read. The latest per field wins.
CREATE TABLE corrections (
  id          bigserial PRIMARY KEY,
  document_id text NOT NULL REFERENCES documents (id),
  field       text NOT NULL,
  value       text NOT NULL,
  action      text NOT NULL,
  ruleset     text NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX corrections_document ON corrections (document_id, field, id);
