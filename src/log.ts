// The one logger: structured pino lines on stderr (stdout carries records). Level from LOG_LEVEL.
// Written synchronously so the last lines before an exit are never lost.
import pino from 'pino';
import { envOptions } from './config.ts';

export type Logger = pino.Logger;

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function createLogger(level = envOptions().logLevel): Logger {
  const lvl = level && LEVELS.has(level.toLowerCase()) ? level.toLowerCase() : 'info';
  return pino({ name: 'incident-extract', level: lvl, base: undefined }, pino.destination({ dest: 2, sync: true }));
}

export const log: Logger = createLogger();
