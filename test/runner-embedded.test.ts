import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createEmbeddedRunner } from '../queues/embedded/runner.ts';
import { PROCESSOR, runnerContract } from './runner-contract.ts';

runnerContract('embedded, 2 threads', (sink) => createEmbeddedRunner({ processor: PROCESSOR, workers: 2, sink }));

it('its threads name themselves ie-extract, as Linux shows threads (ps -L, top -H), beside V8 and libuv threads named node', async () => {
  const named = () => readdirSync('/proc/self/task').filter((t) => readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim() === 'ie-extract').length;
  const before = named();
  const runner = await createEmbeddedRunner({ processor: PROCESSOR, workers: 2, sink: () => undefined });
  try {
    expect(named()).toBe(before + 2);
  } finally {
    await runner.close();
  }
});
