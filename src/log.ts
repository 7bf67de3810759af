// The one logger: structured pino lines on stderr (stdout carries records). Level from LOG_LEVEL.
// Written synchronously so the last lines before an exit are never lost.
import { createRequire } from 'node:module';
import type pino from 'pino';
import { envOptions } from './config.ts';

export type Logger = pino.Logger;

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
// pino's numbers for its levels (silent: above every level)
const LEVEL_VALUES: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };
const noop = () => {};

export function createLogger(level = envOptions().logLevel): Logger {
  const lvl = level && LEVELS.has(level.toLowerCase()) ? level.toLowerCase() : 'info';
  // pino is loaded and the logger made on the first use: a command that logs nothing (--help, ruleset) never pays
  let real: Logger | undefined;
  const load = (): Logger => {
    if (real) return real;
    const make = createRequire(import.meta.url)('pino') as typeof pino;
    return (real = make({ name: 'incident-extract', level: lvl, base: undefined }, make.destination({ dest: 2, sync: true })));
  };
  // a call at a level below the logger's writes nothing: answered without loading pino (until something loads it)
  const quiet = (key: string | symbol) => typeof key === 'string' && (LEVEL_VALUES[key] ?? Infinity) < LEVEL_VALUES[lvl]!;
  return new Proxy({} as Logger, {
    get(_, key) {
      if (!real && quiet(key)) return noop;
      const l = load();
      const v = Reflect.get(l, key, l) as unknown;
      return typeof v === 'function' ? v.bind(l) : v;
    },
    set: (_, key, value) => Reflect.set(load(), key, value),
    has: (_, key) => Reflect.has(load(), key),
  });
}

export const log: Logger = createLogger();
