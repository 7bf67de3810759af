// A redis-server of a test's (or bench's) own, for the cases that kill or restart Redis: never the shared one.
import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';

export interface OwnRedis {
  url: string;
  port: number;
  /** SIGKILL (no save): a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (with AOF, it reloads what it had). */
  start(): Promise<void>;
}

/** Starts `redis-server` on `port` (persistence off, or AOF every second in `dir`) and waits until it answers. */
export async function ownRedis(port: number, opts: { aofDir?: string } = {}): Promise<OwnRedis> {
  let child: ChildProcess | null = null;
  const args = [
    '--port',
    String(port),
    '--save',
    '',
    '--daemonize',
    'no',
    '--bind',
    '127.0.0.1',
    ...(opts.aofDir ? ['--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', opts.aofDir] : ['--appendonly', 'no']),
  ];
  const url = `redis://127.0.0.1:${port}`;
  const self: OwnRedis = {
    url,
    port,
    async kill() {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
    async start() {
      child = spawn('redis-server', args, { stdio: 'ignore' });
      const t0 = Date.now();
      for (;;) {
        const r = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
        r.on('error', () => {});
        try {
          await r.connect();
          // With AOF the server answers LOADING until the file is read.
          if ((await r.ping()) === 'PONG') return;
        } catch {
          /* not up yet */
        } finally {
          r.disconnect();
        }
        if (Date.now() - t0 > 20_000) throw new Error(`redis-server on port ${port} did not start`);
        await new Promise((res) => setTimeout(res, 100));
      }
    },
  };
  await self.start();
  return self;
}
