// The one logger: structured pino lines on stderr (stdout carries records). Level from LOG_LEVEL.
// Written synchronously so the last lines before an exit are never lost.
import { createRequire } from 'node:module';
import type pino from 'pino';
import { envOptions } from './config.ts';

export type Logger = pino.Logger;

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function createLogger(level = envOptions().logLevel): Logger {
  const lvl = level && LEVELS.has(level.toLowerCase()) ? level.toLowerCase() : 'info';
  // pino is loaded and the logger made on the first use: a command that logs nothing (--help, ruleset) never pays
  let real: Logger | undefined;
  const load = (): Logger => {
    if (real) return real;
    const make = createRequire(import.meta.url)('pino') as typeof pino;
    return (real = make({ name: 'incident-extract', level: lvl, base: undefined }, make.destination({ dest: 2, sync: true })));
  };
  return new Proxy({} as Logger, {
    get(_, key) {
      const l = load();
      const v = Reflect.get(l, key, l) as unknown;
      return typeof v === 'function' ? v.bind(l) : v;
    },
    set: (_, key, value) => Reflect.set(load(), key, value),
    has: (_, key) => Reflect.has(load(), key),
  });
}

export const log: Logger = createLogger();
