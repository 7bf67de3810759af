-- Incidents across articles (src/incidents): one row per incident with its merged fields and claims ledger
-- (JSON), the article each source row belongs to, the folded victim keys new articles are matched on, and the
-- ids of incidents merged away, which resolve to the incident that absorbed them.
CREATE TABLE incidents (
  id         text PRIMARY KEY,
  victim     text,
  sources    integer NOT NULL,
  incident   text NOT NULL,            -- the Incident as JSON: fields, ledger, conflicts, sources, aliases
  updated_at timestamptz NOT NULL
);

CREATE TABLE incident_sources (
  document_id text PRIMARY KEY,        -- an article tells at most one incident
  incident_id text NOT NULL REFERENCES incidents (id),
  joined_at   timestamptz NOT NULL
);
CREATE INDEX incident_sources_incident ON incident_sources (incident_id);

CREATE TABLE incident_names (
  name_key    text NOT NULL,
  incident_id text NOT NULL REFERENCES incidents (id),
  PRIMARY KEY (name_key, incident_id)
);
CREATE INDEX incident_names_incident ON incident_names (incident_id);

CREATE TABLE incident_aliases (
  alias       text PRIMARY KEY,
  incident_id text NOT NULL REFERENCES incidents (id)
);
CREATE INDEX incident_aliases_incident ON incident_aliases (incident_id);
