// The imports running for a workspace (or the CLI): each in a worker thread of its own
// (importWorker.ts), with its progress pushed as the contract's `progress` event and its
// report kept for the UI to ask after. Cancel sets the worker's shared flag; the worker
// stops after the file or group of records in hand, so what was written is whole.

import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventMessage } from '../../../common/contract';
import { SpanlabError } from '../../../common/errors';
import type { ImportJobState, ImportProgress, ImportReport } from '../../../common/importReport';
import type { ImportRequest } from './batchImport';
import type { WorkerInput, WorkerMessage } from './importWorker';
import { startingProgress } from './progressMeter';
import { failedReport } from './reportBuilder';
import type { WorkerScript } from './workerScript';

/** Dropped files travel as content; beyond this, Import… with paths is the way. */
export const MAX_DROPPED_BYTES = 10 * 1024 * 1024;
/** Finished jobs whose reports are kept for the UI to ask after. */
const KEPT_FINISHED = 20;

/** A dropped file: its own name and its bytes. */
export interface DroppedFile {
  name: string;
  data: Uint8Array;
}

interface Job {
  state: ImportJobState['state'];
  progress: ImportProgress;
  report: ImportReport | null;
  cancel: Int32Array;
  done: Promise<ImportReport>;
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly script: WorkerScript,
    private readonly emit: (message: EventMessage) => void,
  ) {}

  /// Starts importing into the project at `projectPath`; progress arrives as events.
  start(projectPath: string, request: ImportRequest, cleanup?: () => Promise<void>): { jobId: string } {
    const jobId = randomUUID();
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const input: WorkerInput = { projectPath, request, cancel: cancel.buffer as SharedArrayBuffer };
    const worker = new Worker(this.script.url, { workerData: input, execArgv: this.script.execArgv });
    let settle: (report: ImportReport) => void = () => {};
    const job: Job = {
      state: 'running',
      progress: startingProgress(),
      report: null,
      cancel,
      done: new Promise((resolve) => (settle = resolve)),
    };
    this.jobs.set(jobId, job);
    this.forgetOldJobs();

    const finish = (report: ImportReport) => {
      if (job.report) return;
      job.report = report;
      job.state = report.outcome;
      this.announce(jobId, job, true);
      void (cleanup?.() ?? Promise.resolve()).finally(() => settle(report));
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        job.progress = message.progress;
        this.announce(jobId, job, false);
      } else {
        finish(message.type === 'report' ? message.report : failedReport(projectPath, request, message.message));
        // Its work is done and its connection closed; stray handles must not keep it alive.
        void worker.terminate();
      }
    });
    worker.on('error', (error) => finish(failedReport(projectPath, request, `the import failed: ${error.message}`)));
    worker.on('exit', (code) => finish(failedReport(projectPath, request, `the import stopped unexpectedly (exit code ${code})`)));
    return { jobId };
  }

  /// Writes dropped files to a temporary folder (brat pairs stay together: one folder) and
  /// imports them under their own names; the folder goes when the import ends.
  async startDropped(projectPath: string, files: readonly DroppedFile[], request: Omit<ImportRequest, 'paths' | 'names'>): Promise<{ jobId: string }> {
    const size = files.reduce((sum, f) => sum + f.data.length, 0);
    if (size > MAX_DROPPED_BYTES) {
      const limit = `${MAX_DROPPED_BYTES / 1024 / 1024} MB`;
      throw new SpanlabError('invalid_input', `The dropped files are larger than ${limit}; use Import… and choose them instead.`);
    }
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spanlab-drop-'));
    const names: [string, string][] = [];
    const used = new Set<string>();
    for (const file of files) {
      // Only the name: a dropped file must not write outside the folder.
      const base = path.basename(file.name.replace(/\\/g, '/')).replace(/^\.+$/, '') || 'dropped';
      let target = path.join(dir, base);
      for (let n = 2; used.has(target); n++) target = path.join(dir, String(n), base);
      used.add(target);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.data);
      names.push([target, file.name]);
    }
    const cleanup = () => fs.rm(dir, { recursive: true, force: true });
    return this.start(projectPath, { ...request, paths: [dir], names }, cleanup);
  }

  /// Asks a running import to stop; false when it had already ended.
  cancel(jobId: string): { cancelled: boolean } {
    const job = this.require(jobId);
    if (job.state !== 'running') return { cancelled: false };
    Atomics.store(job.cancel, 0, 1);
    return { cancelled: true };
  }

  status(jobId: string): ImportJobState {
    const job = this.require(jobId);
    return { jobId, state: job.state, progress: job.progress, report: job.report };
  }

  /// The report, once the import has ended (however it ended).
  finished(jobId: string): Promise<ImportReport> {
    return this.require(jobId).done;
  }

  /// Cancels every running import and waits for them to end: on quit, so that each
  /// worker closes its connection cleanly.
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.state === 'running');
    for (const job of running) Atomics.store(job.cancel, 0, 1);
    await Promise.all(running.map((job) => job.done));
  }

  private announce(jobId: string, job: Job, finished: boolean): void {
    const { files } = job.progress;
    const label = finished
      ? `Import ${job.state}`
      : `Importing file ${Math.min(files.done + 1, files.total ?? Infinity)} of ${files.total ?? '…'}`;
    this.emit({
      name: 'progress',
      payload: { jobId, label, done: files.done, total: files.total, finished, import: job.progress },
    });
  }

  private require(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new SpanlabError('not_found', 'There is no such import; it may have ended long ago.');
    return job;
  }

  private forgetOldJobs(): void {
    const ended = [...this.jobs].filter(([, job]) => job.state !== 'running');
    for (const [id] of ended.slice(0, Math.max(ended.length - KEPT_FINISHED, 0))) this.jobs.delete(id);
  }
}
