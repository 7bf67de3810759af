-- An incident's row is no longer written for each article that joins it with values it has already
-- (src/incidents/store.ts): its `sources` and tally count the sources before its `next`, and those from `next` on
-- are read in order when the row is, by this index (by incident, then position), and added to it.
DROP INDEX incident_sources_incident;
CREATE INDEX incident_sources_incident ON incident_sources (incident_id, pos);
