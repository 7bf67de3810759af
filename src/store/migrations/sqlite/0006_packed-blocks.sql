-- A transaction's short texts and records deflated together, one block a kind (src/store/blocks.ts): the rows'
-- text and record columns then hold where their value lies in a block. `live` counts the rows pointing into a
-- block; it goes when the last of them is rewritten. Rows written before keep their values as they are. A block's id
-- is never given again (AUTOINCREMENT): readers keep the last blocks they inflated.
CREATE TABLE packed_blocks (
  id   INTEGER PRIMARY KEY AUTOINCREMENT,
  live INTEGER NOT NULL,
  data BLOB NOT NULL
);

-- Two things that took room and served nothing: the index of records by ruleset (the primary key, by document then
-- ruleset, pages a ruleset's records in document order as well while a store holds a few rulesets; ~34 bytes a
-- record), and the time a source row joined its incident (never read; ~25 bytes an article).
DROP INDEX records_ruleset;
ALTER TABLE incident_sources DROP COLUMN joined_at;
