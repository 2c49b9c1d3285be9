// The exports running for a workspace (or the CLI): each in a worker thread of its own
// (exportWorker.ts), its progress pushed as the contract's `progress` event and its report
// kept for the UI to ask after — the same mechanism as the imports' (../import/importJobs.ts).
// Cancel sets the worker's shared flag; the worker stops before the next document and
// throws its temporary output away.

import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { EventMessage } from '../../../common/contract';
import type { ExportJobState, ExportReport, ExportRequest } from '../../../common/export';
import { SpanlabError } from '../../../common/errors';
import type { WorkerScript } from '../import/workerScript';
import type { ExportWorkerInput, ExportWorkerMessage } from './exportWorker';

/** Finished jobs whose reports are kept for the UI to ask after. */
const KEPT_FINISHED = 20;

interface Job {
  state: ExportJobState;
  cancel: Int32Array;
  done: Promise<ExportJobState>;
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly script: WorkerScript,
    private readonly emit: (message: EventMessage) => void,
  ) {}

  /// Starts exporting from the project at `projectPath` (`request.out` absolute).
  start(projectPath: string, request: ExportRequest): { jobId: string } {
    const jobId = randomUUID();
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const input: ExportWorkerInput = { projectPath, request, cancel: cancel.buffer as SharedArrayBuffer };
    const worker = new Worker(this.script.url, { workerData: input, execArgv: this.script.execArgv });
    let settle: (state: ExportJobState) => void = () => {};
    const job: Job = {
      state: { jobId, state: 'running', progress: { done: 0, total: null }, report: null, error: null },
      cancel,
      done: new Promise((resolve) => (settle = resolve)),
    };
    this.jobs.set(jobId, job);
    this.forgetOldJobs();

    const label = `Exporting ${request.format}`;
    const finish = (state: ExportJobState['state'], report: ExportReport | null, error: string | null) => {
      if (job.state.state !== 'running') return;
      job.state = { ...job.state, state, report, error };
      this.announce(job.state, label);
      settle(job.state);
    };
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') {
        job.state = { ...job.state, progress: { done: message.done, total: message.total } };
        this.announce(job.state, label);
      } else if (message.type === 'report') {
        finish('finished', message.report, null);
      } else if (message.type === 'cancelled') {
        finish('cancelled', null, null);
      } else {
        finish('failed', null, failure(message.error));
      }
    });
    worker.on('error', (error) => finish('failed', null, `The export failed: ${error.message}`));
    worker.on('exit', (code) => finish('failed', null, `The export stopped unexpectedly (exit code ${code}).`));
    return { jobId };
  }

  /// Asks a running export to stop; false when it had already ended.
  cancel(jobId: string): { cancelled: boolean } {
    const job = this.require(jobId);
    if (job.state.state !== 'running') return { cancelled: false };
    Atomics.store(job.cancel, 0, 1);
    return { cancelled: true };
  }

  status(jobId: string): ExportJobState {
    return this.require(jobId).state;
  }

  /// The final state, once the export has ended (however it ended).
  finished(jobId: string): Promise<ExportJobState> {
    return this.require(jobId).done;
  }

  /// Cancels every running export and waits for them to end (on quit).
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.state.state === 'running');
    for (const job of running) Atomics.store(job.cancel, 0, 1);
    await Promise.all(running.map((job) => job.done));
  }

  private announce(state: ExportJobState, label: string): void {
    const finished = state.state !== 'running';
    this.emit({
      name: 'progress',
      payload: {
        jobId: state.jobId,
        label: finished ? `Export ${state.state}` : label,
        done: state.progress.done,
        total: state.progress.total,
        finished,
      },
    });
  }

  private require(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new SpanlabError('not_found', 'There is no such export; it may have ended long ago.');
    return job;
  }

  private forgetOldJobs(): void {
    const ended = [...this.jobs].filter(([, job]) => job.state.state !== 'running');
    for (const [id] of ended.slice(0, Math.max(ended.length - KEPT_FINISHED, 0))) this.jobs.delete(id);
  }
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
