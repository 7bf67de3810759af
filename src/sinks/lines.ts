// Line-oriented output with backpressure, batching, and a quiet stop when the reader goes away (EPIPE,
// e.g. `incident-extract extract … | head`). A file is created on the first line written (or at the end when
// `always`), so a run without dead letters leaves no empty dead-letter file behind.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

const BATCH_CHARS = 64 * 1024;
// lines held longer than this are written though the batch is not full: a slow stream's records come out as they come
const HOLD_MS = 200;

export class LineSink {
  /** True once the reader closed the pipe: stop producing, exit quietly. */
  closed = false;
  private buf: string[] = [];
  private chars = 0;
  private failure: Error | null = null;
  private holding: NodeJS.Timeout | null = null;

  private stream: Writable | null = null;

  constructor(
    private readonly open: Writable | (() => Writable),
    private readonly owned: boolean,
    private readonly always = true,
  ) {}

  /** `always: false`: no file at all unless a line is written. */
  static toFile(path: string, always = true): LineSink {
    return new LineSink(() => createWriteStream(path, { encoding: 'utf8' }), true, always);
  }

  private target(): Writable {
    if (this.stream) return this.stream;
    const stream = (this.stream = typeof this.open === 'function' ? this.open() : this.open);
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else this.failure = err;
    });
    return stream;
  }

  async write(line: string): Promise<void> {
    if (this.closed) return;
    this.buf.push(line, '\n');
    this.chars += line.length + 1;
    if (this.chars >= BATCH_CHARS) await this.flush();
    // a failed write is kept and thrown by the next write, flush or end
    else if (!this.holding) this.holding = setTimeout(() => this.flush().catch(() => {}), HOLD_MS).unref();
  }

  async flush(): Promise<void> {
    if (this.holding) clearTimeout(this.holding);
    this.holding = null;
    this.check();
    if (this.closed || !this.buf.length) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.chars = 0;
    await new Promise<void>((resolve) => {
      this.target().write(chunk, (err) => {
        if (err && (err as NodeJS.ErrnoException).code === 'EPIPE') this.closed = true;
        else if (err) this.failure = err;
        resolve();
      });
    });
    this.check();
  }

  async end(): Promise<void> {
    await this.flush();
    if (this.always) this.target();
    const stream = this.stream;
    if (stream && this.owned && !this.closed) await new Promise<void>((resolve) => stream.end(resolve));
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
