// A pause in the input, made visible: `extract -` fed by a slow writer (`tail -f`, a feed poller) submits the
// documents it holds in a batch when no next document has come for a while, instead of waiting for a batch's worth
// or the end of the input; a fast reader never sees a pause (its next item is ready before a macrotask turn).

/** What withPauses yields between two items when the source paused. */
export const PAUSE = Symbol('input paused');

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The items of `source`, in order, with PAUSE between two of them when the next took longer than `ms` to come (once a
 * pause, however long it lasts). Ending the iteration early ends the source's.
 */
export async function* withPauses<T>(source: AsyncIterable<T>, ms: number): AsyncGenerator<T | typeof PAUSE> {
  const it = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      let settled = false;
      const next = it.next().then((r) => {
        settled = true;
        return r;
      });
      // most items are ready at once (a buffered chunk's lines): they come before the turn does, with no timer
      await Promise.race([next, turn()]);
      if (!settled) {
        let timer: NodeJS.Timeout | undefined;
        const paused = new Promise<typeof PAUSE>((resolve) => {
          timer = setTimeout(resolve, ms, PAUSE);
        });
        const first = await Promise.race([next, paused]);
        clearTimeout(timer);
        if (first === PAUSE) yield PAUSE;
      }
      const r = await next;
      if (r.done) {
        finished = true;
        return;
      }
      yield r.value;
    }
  } finally {
    if (!finished) await it.return?.();
  }
}
