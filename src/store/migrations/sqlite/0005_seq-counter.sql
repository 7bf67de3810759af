-- A record's seq (write order) came from max(seq) + 1, which needed an index on seq for nothing else: ~40 bytes a
-- record. The last seq given is kept in one row instead, moved on by triggers whatever writes a record (an older
-- version of this tool too), and the index goes.
CREATE TABLE store_counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_counters (name, value) SELECT 'records_seq', coalesce(max(seq), 0) FROM records;
CREATE TRIGGER records_seq_insert AFTER INSERT ON records BEGIN
  UPDATE store_counters SET value = NEW.seq WHERE name = 'records_seq' AND value < NEW.seq;
END;
CREATE TRIGGER records_seq_update AFTER UPDATE OF seq ON records BEGIN
  UPDATE store_counters SET value = NEW.seq WHERE name = 'records_seq' AND value < NEW.seq;
END;
DROP INDEX records_by_seq;
