// Jobs that run in a worker thread of their own, each with its own connection to the
// project file: the imports (../import/importJobs.ts) and the exports
// (../export/exportJobs.ts). A job is started with its input and a cancel flag in shared
// memory; its worker (jobWorker.ts) posts progress messages and then exactly one last
// message; the job's state is kept for the UI to ask after — every running job and the
// last few ended ones. Cancel sets the flag, which the worker reads at its own safe points
// (between files, between documents), so no message has to wait for the thread's turn.
//
// What a kind of job makes of its messages — its state, its progress event, the words for
// a failure — is the kind's (JobKind); starting, cancelling, keeping and waiting are here.

import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { SpanlabError } from '../../../common/errors';
import type { JobWorkerData } from './jobWorker';
import type { WorkerScript } from './workerScript';

/** What every job's state has: the UI asks after it by `jobId`. */
export interface JobState {
  jobId: string;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
}

/** Why a worker ended without its last message. */
export type WorkerCrash = { error: Error } | { exitCode: number };

export interface JobKind<Input, Message, State extends JobState> {
  /** "import", "export": in the message for a job that is not (or no longer) known. */
  noun: string;
  /// The state after `message` from the worker of the job started on `input`; the job has
  /// ended once it is not `running`.
  received(state: State, message: Message, input: Input): State;
  /// The state of a job whose worker stopped without its last message.
  crashed(state: State, crash: WorkerCrash, input: Input): State;
  /// Tells the UI where the job started on `input` stands (the contract's `progress`
  /// event); after every change.
  announce(state: State, input: Input): void;
}

/** Ended jobs whose states are kept for the UI to ask after. */
const KEPT_FINISHED = 20;

interface Job<State> {
  state: State;
  cancel: Int32Array;
  done: Promise<State>;
}

export class WorkerJobs<Input, Message, State extends JobState> {
  private readonly jobs = new Map<string, Job<State>>();

  constructor(
    private readonly script: WorkerScript,
    private readonly kind: JobKind<Input, Message, State>,
  ) {}

  /// Starts a worker on `input`; `initial` makes the job's first state. `cleanup` runs once
  /// the job has ended, before `finished` answers.
  start(input: Input, initial: (jobId: string) => State, cleanup?: () => Promise<void>): { jobId: string } {
    const jobId = randomUUID();
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const workerData: JobWorkerData<Input> = { input, cancel: cancel.buffer as SharedArrayBuffer };
    const worker = new Worker(this.script.url, { workerData, execArgv: this.script.execArgv });
    let settle: (state: State) => void = () => {};
    const job: Job<State> = { state: initial(jobId), cancel, done: new Promise((resolve) => (settle = resolve)) };
    this.jobs.set(jobId, job);
    this.forgetOldJobs();

    const update = (state: State) => {
      if (job.state.state !== 'running') return; // a crash after the last message changes nothing
      job.state = state;
      this.kind.announce(state, input);
      if (state.state === 'running') return;
      // Its work is done and its connection closed; stray handles must not keep it alive.
      void worker.terminate();
      void (cleanup?.() ?? Promise.resolve()).finally(() => settle(state));
    };
    worker.on('message', (message: Message) => update(this.kind.received(job.state, message, input)));
    worker.on('error', (error) => update(this.kind.crashed(job.state, { error }, input)));
    worker.on('exit', (exitCode) => update(this.kind.crashed(job.state, { exitCode }, input)));
    return { jobId };
  }

  /// Asks a running job to stop; false when it had already ended.
  cancel(jobId: string): { cancelled: boolean } {
    const job = this.require(jobId);
    if (job.state.state !== 'running') return { cancelled: false };
    Atomics.store(job.cancel, 0, 1);
    return { cancelled: true };
  }

  status(jobId: string): State {
    return this.require(jobId).state;
  }

  /// The final state, once the job has ended (however it ended).
  finished(jobId: string): Promise<State> {
    return this.require(jobId).done;
  }

  /// Cancels every running job and waits for them to end: on quit, so that each worker
  /// closes its connection cleanly.
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.state.state === 'running');
    for (const job of running) Atomics.store(job.cancel, 0, 1);
    await Promise.all(running.map((job) => job.done));
  }

  private require(jobId: string): Job<State> {
    const job = this.jobs.get(jobId);
    if (!job) throw new SpanlabError('not_found', `There is no such ${this.kind.noun}; it may have ended long ago.`);
    return job;
  }

  private forgetOldJobs(): void {
    const ended = [...this.jobs].filter(([, job]) => job.state.state !== 'running');
    for (const [id] of ended.slice(0, Math.max(ended.length - KEPT_FINISHED, 0))) this.jobs.delete(id);
  }
}
