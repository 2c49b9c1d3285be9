// The exports running for a workspace (or the CLI), each in a worker thread of its own
// (exportWorker.ts, run by ../jobs/workerJobs.ts as the imports are): its progress pushed
// as the contract's `progress` event and its state kept for the UI to ask after. Cancel
// stops the worker before its next document, and it throws its temporary output away.

import type { EventMessage } from '../../../common/contract';
import type { ExportJobState, ExportRequest } from '../../../common/export';
import type { JobKind, WorkerCrash } from '../jobs/workerJobs';
import { WorkerJobs } from '../jobs/workerJobs';
import type { WorkerScript } from '../jobs/workerScript';
import type { ExportWorkerInput, ExportWorkerMessage } from './exportWorker';

export class ExportJobs {
  private readonly jobs: WorkerJobs<ExportWorkerInput, ExportWorkerMessage, ExportJobState>;

  constructor(script: WorkerScript, emit: (message: EventMessage) => void) {
    this.jobs = new WorkerJobs(script, exportKind(emit));
  }

  /// Starts exporting from the project at `projectPath` (`request.out` absolute).
  start(projectPath: string, request: ExportRequest): { jobId: string } {
    return this.jobs.start({ projectPath, request }, (jobId) => ({
      jobId,
      state: 'running',
      progress: { done: 0, total: null },
      report: null,
      error: null,
    }));
  }

  /// Asks a running export to stop; false when it had already ended.
  cancel(jobId: string): { cancelled: boolean } {
    return this.jobs.cancel(jobId);
  }

  status(jobId: string): ExportJobState {
    return this.jobs.status(jobId);
  }

  /// The final state, once the export has ended (however it ended).
  finished(jobId: string): Promise<ExportJobState> {
    return this.jobs.finished(jobId);
  }

  /// Cancels every running export and waits for them to end (on quit).
  stopAll(): Promise<void> {
    return this.jobs.stopAll();
  }
}

function exportKind(emit: (message: EventMessage) => void): JobKind<ExportWorkerInput, ExportWorkerMessage, ExportJobState> {
  return {
    noun: 'export',
    received(state, message) {
      switch (message.type) {
        case 'progress':
          return { ...state, progress: { done: message.done, total: message.total } };
        case 'report':
          return { ...state, state: 'finished', report: message.report };
        case 'cancelled':
          return { ...state, state: 'cancelled' };
        case 'failed':
          return { ...state, state: 'failed', error: failure(message.error) };
      }
    },
    crashed: (state, crash: WorkerCrash) => ({
      ...state,
      state: 'failed',
      error: 'error' in crash ? `The export failed: ${crash.error.message}` : `The export stopped unexpectedly (exit code ${crash.exitCode}).`,
    }),
    announce(state, input) {
      const finished = state.state !== 'running';
      emit({
        name: 'progress',
        payload: {
          jobId: state.jobId,
          label: finished ? `Export ${state.state}` : `Exporting ${input.request.format}`,
          done: state.progress.done,
          total: state.progress.total,
          finished,
        },
      });
    },
  };
}

// The sentence the analyst reads: a SpanlabError's own message; a file-system failure with
// its cause; anything else is a bug, logged here in full.
function failure(error: Extract<ExportWorkerMessage, { type: 'failed' }>['error']): string {
  if (error.code !== null) return error.message;
  if (error.systemCode !== null) {
    if (error.systemCode === 'ENOSPC') return 'The disk is full: the export was not written.';
    return `The export could not be written: ${error.message}`;
  }
  console.error('[spanlab] export failed:', error.message);
  return `Something went wrong in the export (${error.message}); nothing was written.`;
}
