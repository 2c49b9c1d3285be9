// Where the import worker's code is, and how to start it (see ../jobs/workerScript.ts):
// importWorker.ts from source, or dist/main/importWorker.cjs in the desktop app.

import type { WorkerScript } from '../jobs/workerScript';
import { bundledScript, sourceScript } from '../jobs/workerScript';

export type { WorkerScript } from '../jobs/workerScript';

/// The worker run from its TypeScript source (tsx).
export function sourceWorkerScript(): WorkerScript {
  return sourceScript(new URL('./importWorker.ts', import.meta.url));
}

/// The bundled worker in `dir` (the folder of the bundled main process).
export function bundledWorkerScript(dir: string): WorkerScript {
  return bundledScript(dir, 'importWorker.cjs');
}
