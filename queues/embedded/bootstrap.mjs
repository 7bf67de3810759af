// Worker-thread entry: module hooks are per thread, so tsx is registered here before the TypeScript
// thread code is imported. (Plain JavaScript: nothing can compile it yet.)
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
