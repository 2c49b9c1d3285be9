// The import worker: a thread of its own with its own connection to the project file, so
// that an import of 10,000 files never holds up the UI's calls. Started by ImportJobs
// (importJobs.ts) with the project's path and the request; it answers with progress
// messages and, at the end, the report. Cancel is read between files and between groups
// of records (../jobs/jobWorker.ts).

import type { ImportProgress, ImportReport } from '../../../common/importReport';
import { runJobWorker } from '../jobs/jobWorker';
import { Project } from '../project';
import type { ImportRequest } from './batchImport';
import { importBatch } from './batchImport';

/** What the worker is started with. */
export interface WorkerInput {
  projectPath: string;
  request: ImportRequest;
}

/** What it posts back. */
export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'report'; report: ImportReport }
  | { type: 'failed'; message: string };

runJobWorker<WorkerInput, WorkerMessage>(async (input, job) => {
  try {
    const project = await Project.open(input.projectPath);
    let report: ImportReport;
    try {
      report = await importBatch(project, input.request, {
        onProgress: (progress) => job.post({ type: 'progress', progress }),
        isCancelled: () => job.cancelled(),
      });
    } finally {
      project.close();
    }
    // Last, once the connection is closed: the parent ends the thread on receipt.
    job.post({ type: 'report', report });
  } catch (error) {
    job.post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
