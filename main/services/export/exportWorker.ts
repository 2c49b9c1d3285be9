// The export worker: a thread of its own with its own read-only connection to the project
// file, so that exporting 10,000 documents never holds up the UI's calls (and the export
// reads one consistent snapshot while the analyst goes on annotating). Started by
// ExportJobs (exportJobs.ts) with the project's path and the request; it answers with
// progress messages and, at the end, the report. Cancel is a flag in shared memory, read
// between documents, as the import worker does.

import { parentPort, workerData } from 'node:worker_threads';
import type { ExportReport, ExportRequest } from '../../../common/export';
import type { ErrorCode } from '../../../common/errors';
import { SpanlabError } from '../../../common/errors';
import { openDatabase } from '../../../db/openDatabase';
import { ExportCancelled, runExport } from './exportRunner';

/** What the worker is started with. */
export interface ExportWorkerInput {
  projectPath: string;
  /** With `out` absolute. */
  request: ExportRequest;
  /** One Int32: 1 once the export should stop. */
  cancel: SharedArrayBuffer;
}

/** What it posts back: progress, then exactly one of the others. */
export type ExportWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'report'; report: ExportReport }
  | { type: 'cancelled' }
  | { type: 'failed'; error: { message: string; code: ErrorCode | null; systemCode: string | null } };

/** Progress is posted at most this often. */
const INTERVAL_MS = 100;

// No top-level await: the bundled worker is CommonJS.
if (parentPort) void work(parentPort, workerData as ExportWorkerInput);

async function work(port: NonNullable<typeof parentPort>, input: ExportWorkerInput): Promise<void> {
  const cancel = new Int32Array(input.cancel);
  const post = (message: ExportWorkerMessage) => port.postMessage(message);
  let last = 0;
  try {
    // Read-only and never migrated: the process that started the export has the project open.
    const { db } = await openDatabase(input.projectPath, { mode: 'inspect' });
    try {
      const report = runExport(db, input.projectPath, input.request, {
        progress(done, total) {
          const now = performance.now();
          if (now - last < INTERVAL_MS && done !== total) return;
          last = now;
          post({ type: 'progress', done, total });
        },
        cancelled: () => Atomics.load(cancel, 0) === 1,
      });
      post({ type: 'report', report });
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof ExportCancelled) {
      post({ type: 'cancelled' });
      return;
    }
    const systemCode = (error as { code?: unknown } | null)?.code;
    post({
      type: 'failed',
      error: {
        message: error instanceof Error ? error.message : String(error),
        code: error instanceof SpanlabError ? error.code : null,
        systemCode: typeof systemCode === 'string' && !(error instanceof SpanlabError) ? systemCode : null,
      },
    });
  }
}
