// Entry of the `spanlab` command (loaded by bin/spanlab.mjs through tsx).

import { runCli } from './program';

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
// Everything is closed by now (server, project); should a stray handle keep the event loop
// alive, still end soon instead of hanging the terminal. unref: it never delays a clean exit.
setTimeout(() => process.exit(code), 2_000).unref();
