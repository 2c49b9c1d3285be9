// The import worker: a thread of its own with its own connection to the project file, so
// that an import of 10,000 files never holds up the UI's calls. Started by ImportJobs
// (importJobs.ts) with the project's path and the request; it answers with progress
// messages and, at the end, the report. Cancel is a flag in shared memory, read between
// files and between groups of records: no message has to wait for the thread's turn.

import { parentPort, workerData } from 'node:worker_threads';
import type { ImportProgress, ImportReport } from '../../../common/importReport';
import { Project } from '../project';
import type { ImportRequest } from './batchImport';
import { importBatch } from './batchImport';

/** What the worker is started with. */
export interface WorkerInput {
  projectPath: string;
  request: ImportRequest;
  /** One Int32: 1 once the import should stop. */
  cancel: SharedArrayBuffer;
}

/** What it posts back. */
export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'report'; report: ImportReport }
  | { type: 'failed'; message: string };

// No top-level await: the bundled worker is CommonJS.
if (parentPort) void work(parentPort, workerData as WorkerInput);

async function work(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const cancel = new Int32Array(input.cancel);
  const post = (message: WorkerMessage) => port.postMessage(message);
  try {
    const project = await Project.open(input.projectPath);
    let report: ImportReport;
    try {
      report = await importBatch(project, input.request, {
        onProgress: (progress) => post({ type: 'progress', progress }),
        isCancelled: () => Atomics.load(cancel, 0) === 1,
      });
    } finally {
      project.close();
    }
    // Last, once the connection is closed: the parent may end the thread on receipt.
    post({ type: 'report', report });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
