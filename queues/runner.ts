// The runner interface: documents go in, records and dead letters come out, in any order. Both runners
// (embedded worker threads, BullMQ on Redis) call the same processor and pass the same contract tests.
import type { DeadLetter, IncidentRecord } from '../src/core/contract/record.ts';
import type { RawDocument } from '../src/core/document.ts';

export interface WorkItem {
  raw: RawDocument;
  /** Where the document came from (file, file:line), for dead letters and logs. */
  input: string;
}

export type Outcome =
  | { kind: 'record'; record: IncidentRecord }
  | { kind: 'dead'; deadLetter: DeadLetter }
  /** Not processed again: the same document twice in one run (the first copy's outcome counts), or the store has it. */
  | { kind: 'skipped'; id: string; input: string };

/** Receives every outcome exactly once; the runner waits for it before counting the document done. */
export type OutcomeSink = (o: Outcome) => void | Promise<void>;

export interface Runner {
  /** Hands a document over; resolves once there is room for more, so memory stays bounded. */
  submit(item: WorkItem): Promise<void>;
  /** Resolves when every submitted document has reached the sink. */
  drain(): Promise<void>;
  /** The input paused: start on what is held back for a batch, so a slow stream's documents do not wait (optional). */
  pause?(): Promise<void>;
  /** Stops threads and connections; call after drain (or to abandon the run). */
  close(): Promise<void>;
}

/** A FIFO of waiters released as capacity frees up: the in-flight bound shared by both runners. */
export class Capacity {
  private used = 0;
  private waiters: (() => void)[] = [];
  private idle: (() => void)[] = [];

  constructor(readonly limit: number) {}

  get inFlight(): number {
    return this.used;
  }

  async take(): Promise<void> {
    while (this.used >= this.limit) await new Promise<void>((r) => this.waiters.push(r));
    this.used++;
  }

  release(): void {
    this.used--;
    this.waiters.shift()?.();
    if (this.used === 0) for (const r of this.idle.splice(0)) r();
  }

  async empty(): Promise<void> {
    if (this.used > 0) await new Promise<void>((r) => this.idle.push(r));
  }
}
