// A mistake in how the command was called (exit status 2), as opposed to a failure while running it.
export class UsageError extends Error {}

/** The exit statuses (README, "Exit status"). */
export const EXIT = {
  /** every input ended as a record, a dead letter or an already-done document (dead letters too, unless --strict) */
  ok: 0,
  /** internal failure (a bug) or documents unaccounted for */
  failure: 1,
  /** bad usage: unknown option, bad value, missing input path */
  usage: 2,
  /** a store, sink or queue could not be opened (or reached); the same status as the BullMQ side's Redis down */
  cannotOpen: 3,
  /** --strict and at least one input was dead-lettered */
  deadLetters: 4,
  /** stopped by SIGINT (128 + 2, the shell's convention): what had arrived is written, the rest is not done */
  sigint: 130,
  /** stopped by SIGTERM (128 + 15) */
  sigterm: 143,
} as const;
