// Where the export worker's code is, and how to start it (see ../jobs/workerScript.ts):
// exportWorker.ts from source, or dist/main/exportWorker.cjs in the desktop app.

import type { WorkerScript } from '../jobs/workerScript';
import { bundledScript, sourceScript } from '../jobs/workerScript';

/// The worker run from its TypeScript source (tsx).
export function sourceExportWorkerScript(): WorkerScript {
  return sourceScript(new URL('./exportWorker.ts', import.meta.url));
}

/// The bundled worker in `dir` (the folder of the bundled main process).
export function bundledExportWorkerScript(dir: string): WorkerScript {
  return bundledScript(dir, 'exportWorker.cjs');
}
