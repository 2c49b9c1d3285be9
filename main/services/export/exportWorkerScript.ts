// Where the export worker's code is and how to start it, exactly as for the import worker
// (../import/workerScript.ts, whose WorkerScript shape this shares): from source through
// tsx for the CLI, serve mode and tests; bundled (dist/main/exportWorker.cjs) in Electron.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerScript } from '../import/workerScript';

/// The worker run from its TypeScript source (tsx).
export function sourceExportWorkerScript(): WorkerScript {
  return { url: new URL('./exportWorker.ts', import.meta.url), execArgv: ['--import', import.meta.resolve('tsx')] };
}

/// The bundled worker in `dir` (the folder of the bundled main process).
export function bundledExportWorkerScript(dir: string): WorkerScript {
  return { url: pathToFileURL(path.join(dir, 'exportWorker.cjs')), execArgv: [] };
}
