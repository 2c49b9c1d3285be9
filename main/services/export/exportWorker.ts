// The export worker: a thread of its own with its own read-only connection to the project
// file, so that exporting 10,000 documents never holds up the UI's calls (and the export
// reads one consistent snapshot while the analyst goes on annotating). Started by
// ExportJobs (exportJobs.ts) with the project's path and the request; it answers with
// progress messages and, at the end, the report. Cancel is read between documents
// (../jobs/jobWorker.ts).

import type { ExportReport, ExportRequest } from '../../../common/export';
import type { ErrorCode } from '../../../common/errors';
import { SpanlabError } from '../../../common/errors';
import { openDatabase } from '../../../db/openDatabase';
import { runJobWorker } from '../jobs/jobWorker';
import { ExportCancelled, runExport } from './exportRunner';

/** What the worker is started with. */
export interface ExportWorkerInput {
  projectPath: string;
  /** With `out` absolute. */
  request: ExportRequest;
}

/** What it posts back: progress, then exactly one of the others. */
export type ExportWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'report'; report: ExportReport }
  | { type: 'cancelled' }
  | { type: 'failed'; error: { message: string; code: ErrorCode | null; systemCode: string | null } };

/** Progress is posted at most this often. */
const INTERVAL_MS = 100;

runJobWorker<ExportWorkerInput, ExportWorkerMessage>(async (input, job) => {
  let last = 0;
  try {
    // Read-only and never migrated: the process that started the export has the project open.
    const { db } = await openDatabase(input.projectPath, { mode: 'inspect' });
    let report: ExportReport;
    try {
      report = runExport(db, input.projectPath, input.request, {
        progress(done, total) {
          const now = performance.now();
          if (now - last < INTERVAL_MS && done !== total) return;
          last = now;
          job.post({ type: 'progress', done, total });
        },
        cancelled: () => job.cancelled(),
      });
    } finally {
      db.close();
    }
    // Last, once the connection is closed: the parent ends the thread on receipt.
    job.post({ type: 'report', report });
  } catch (error) {
    if (error instanceof ExportCancelled) {
      job.post({ type: 'cancelled' });
      return;
    }
    const systemCode = (error as { code?: unknown } | null)?.code;
    job.post({
      type: 'failed',
      error: {
        message: error instanceof Error ? error.message : String(error),
        code: error instanceof SpanlabError ? error.code : null,
        systemCode: typeof systemCode === 'string' && !(error instanceof SpanlabError) ? systemCode : null,
      },
    });
  }
});
