import { createEmbeddedRunner } from '../queues/embedded/runner.ts';
import { PROCESSOR, runnerContract } from './runner-contract.ts';

runnerContract('embedded, 2 threads', (sink) => createEmbeddedRunner({ processor: PROCESSOR, workers: 2, sink }));
