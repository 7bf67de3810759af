// Records as JSON Lines (a file or stdout), dead letters as JSON Lines beside them (a file or stderr).
import type { DeadLetter, IncidentRecord } from '../core/contract/record.ts';
import { LineSink } from './lines.ts';
import type { Sink } from './sink.ts';

export class JsonlSink implements Sink {
  constructor(
    readonly description: string,
    readonly records: LineSink,
    private readonly dead: LineSink | null = null,
    private readonly pretty = false,
  ) {}

  /** Records to `out` (stdout when absent); dead letters to `deadLetters` (stderr when absent), created only when one comes. */
  static open(out: string | undefined, deadLetters: string | undefined, pretty = false): JsonlSink {
    const records = out ? LineSink.toFile(out) : new LineSink(process.stdout, false);
    const dead = deadLetters ? LineSink.toFile(deadLetters, false) : new LineSink(process.stderr, false);
    return new JsonlSink(out ?? 'stdout', records, dead, pretty);
  }

  /** True once the reader of the records closed the pipe (`| head`). */
  get closed(): boolean {
    return this.records.closed;
  }

  /** `json`: JSON.stringify(r) when the caller has made it (used unless the output is pretty-printed). */
  async write(r: IncidentRecord, json?: string): Promise<void> {
    await this.records.write(this.pretty ? JSON.stringify(r, null, 2) : (json ?? JSON.stringify(r)));
  }

  async deadLetter(d: DeadLetter): Promise<void> {
    await this.dead?.write(JSON.stringify(d));
  }

  async close(): Promise<void> {
    try {
      await this.records.end();
    } finally {
      await this.dead?.end();
    }
  }
}
