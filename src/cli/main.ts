// Entry point of the incident-extract command (bin/incident-extract.js loads its compiled form from dist/).
import { runCli } from './program.ts';

// `… | head` closes stdout early: that ends the output, it is not a failure. (extract notices it and stops.)
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

const status = await runCli(process.argv);
// Lingering handles (a half-read stdin after `| head`) must not keep a finished run alive.
process.exit(status);
