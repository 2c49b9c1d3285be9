// Where a job's worker code is, and how to start it. Two cases, one per way Spanlab runs:
//   - from source, through tsx (the CLI, serve mode, tests, the bench): the worker is its
//     TypeScript file itself, and the new thread needs tsx's loader too. A worker does not
//     inherit loader hooks registered with `register()` (which is how bin/spanlab.mjs loads
//     tsx), so it gets `--import <tsx>` — tsx resolved from here, so the working directory
//     does not matter;
//   - bundled (the Electron app): esbuild writes each worker as a .cjs beside main.cjs
//     (build/build.mjs), plain JavaScript that needs no loader. The Electron shell passes
//     the bundled scripts to its Workspace.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkerScript {
  url: URL;
  execArgv: string[];
}

/// The worker at `url`, a TypeScript source file, run through tsx.
export function sourceScript(url: URL): WorkerScript {
  return { url, execArgv: ['--import', import.meta.resolve('tsx')] };
}

/// The bundled worker `file` in `dir` (the folder of the bundled main process).
export function bundledScript(dir: string, file: string): WorkerScript {
  return { url: pathToFileURL(path.join(dir, file)), execArgv: [] };
}
