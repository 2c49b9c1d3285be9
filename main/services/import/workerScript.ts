// Where the import worker's code is, and how to start it. Two cases, one per way Spanlab
// runs:
//   - from source, through tsx (the CLI, serve mode, tests, the bench): the worker is
//     importWorker.ts itself, and the new thread needs tsx's loader too. A worker does not
//     inherit loader hooks registered with `register()` (which is how bin/spanlab.mjs loads
//     tsx), so it gets `--import <tsx>` — tsx resolved from here, so the working directory
//     does not matter;
//   - bundled (the Electron app): esbuild writes dist/main/importWorker.cjs beside main.cjs
//     (build/build.mjs), plain JavaScript that needs no loader. The Electron shell passes
//     bundledWorkerScript(__dirname) to its Workspace.

import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkerScript {
  url: URL;
  execArgv: string[];
}

/// The worker run from its TypeScript source (tsx).
export function sourceWorkerScript(): WorkerScript {
  return { url: new URL('./importWorker.ts', import.meta.url), execArgv: ['--import', import.meta.resolve('tsx')] };
}

/// The bundled worker in `dir` (the folder of the bundled main process).
export function bundledWorkerScript(dir: string): WorkerScript {
  return { url: pathToFileURL(path.join(dir, 'importWorker.cjs')), execArgv: [] };
}
