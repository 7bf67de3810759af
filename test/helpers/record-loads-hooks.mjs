// The resolve hook behind record-loads.mjs: runs off the main thread, so it writes each URL straight to the log file.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.LOAD_LOG) appendFileSync(process.env.LOAD_LOG, result.url + '\n');
  return result;
}
