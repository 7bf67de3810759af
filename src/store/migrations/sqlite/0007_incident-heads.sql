-- An incident's row no longer holds its claims (src/incidents/store.ts): its sources keep their order (`pos`) and
-- the ruleset of the record they were placed with (null: the document's latest record), from which the claims are
-- read back. Rows written before keep the whole incident and are rewritten as an article is next placed in them.
ALTER TABLE incident_sources ADD COLUMN pos INTEGER;
ALTER TABLE incident_sources ADD COLUMN ruleset TEXT;
