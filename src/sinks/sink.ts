// Where records go: a JSONL file or stdout (jsonl.ts), the store (store.ts), PostgreSQL's incident_records
// (postgres-records.ts). Every sink passes the same contract (test/sink-contract.test.ts): each record written
// is readable back once per document id, the latest extraction winning, nothing lost on close.
import type { DeadLetter, IncidentRecord } from '../core/contract/record.ts';

export interface Sink {
  /** What it writes to, without credentials (a path, stdout, host/database/schema). */
  readonly description: string;
  write(record: IncidentRecord): Promise<void>;
  /** Sinks that keep dead letters (the store, a dead-letter file) take them here. */
  deadLetter?(d: DeadLetter): Promise<void>;
  /** Writes what is buffered and releases the target; `counts` closes the run where a sink records runs. */
  close(counts?: object): Promise<void>;
}
