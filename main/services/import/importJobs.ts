// The imports running for a workspace (or the CLI), each in a worker thread of its own
// (importWorker.ts, run by ../jobs/workerJobs.ts as the exports are): its progress pushed as
// the contract's `progress` event and its report kept for the UI to ask after. Cancel
// stops the worker after the file or group of records in hand, so what was written is whole.

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EventMessage } from '../../../common/contract';
import { SpanlabError } from '../../../common/errors';
import type { ImportJobState, ImportReport } from '../../../common/importReport';
import type { JobKind, WorkerCrash } from '../jobs/workerJobs';
import { WorkerJobs } from '../jobs/workerJobs';
import type { WorkerScript } from '../jobs/workerScript';
import type { ImportRequest } from './batchImport';
import type { WorkerInput, WorkerMessage } from './importWorker';
import { startingProgress } from './progressMeter';
import { failedReport } from './reportBuilder';

/** Dropped files travel as content; beyond this, Import… with paths is the way. */
export const MAX_DROPPED_BYTES = 10 * 1024 * 1024;
/** A dropped file: its own name and its bytes. */
export interface DroppedFile {
  name: string;
  data: Uint8Array;
}

export class ImportJobs {
  private readonly jobs: WorkerJobs<WorkerInput, WorkerMessage, ImportJobState>;

  constructor(script: WorkerScript, emit: (message: EventMessage) => void) {
    this.jobs = new WorkerJobs(script, importKind(emit));
  }

  /// Starts importing into the project at `projectPath`; progress arrives as events.
  start(projectPath: string, request: ImportRequest, cleanup?: () => Promise<void>): { jobId: string } {
    const initial = (jobId: string): ImportJobState => ({ jobId, state: 'running', progress: startingProgress(), report: null });
    return this.jobs.start({ projectPath, request }, initial, cleanup);
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
    return this.jobs.cancel(jobId);
  }

  status(jobId: string): ImportJobState {
    return this.jobs.status(jobId);
  }

  /// The report, once the import has ended (however it ended).
  finished(jobId: string): Promise<ImportReport> {
    return this.jobs.finished(jobId).then((state) => state.report!);
  }

  /// Cancels every running import and waits for them to end: on quit, so that each
  /// worker closes its connection cleanly.
  stopAll(): Promise<void> {
    return this.jobs.stopAll();
  }
}

function importKind(emit: (message: EventMessage) => void): JobKind<WorkerInput, WorkerMessage, ImportJobState> {
  const ended = (state: ImportJobState, report: ImportReport): ImportJobState => ({ ...state, state: report.outcome, report });
  const failed = (state: ImportJobState, input: WorkerInput, why: string) =>
    ended(state, failedReport(input.projectPath, input.request, why));
  return {
    noun: 'import',
    received(state, message, input) {
      if (message.type === 'progress') return { ...state, progress: message.progress };
      return message.type === 'report' ? ended(state, message.report) : failed(state, input, message.message);
    },
    crashed: (state, crash: WorkerCrash, input) =>
      failed(
        state,
        input,
        'error' in crash ? `the import failed: ${crash.error.message}` : `the import stopped unexpectedly (exit code ${crash.exitCode})`,
      ),
    announce(state) {
      const { files } = state.progress;
      const finished = state.state !== 'running';
      const label = finished
        ? `Import ${state.state}`
        : `Importing file ${Math.min(files.done + 1, files.total ?? Infinity)} of ${files.total ?? '…'}`;
      emit({
        name: 'progress',
        payload: { jobId: state.jobId, label, done: files.done, total: files.total, finished, import: state.progress },
      });
    },
  };
}
