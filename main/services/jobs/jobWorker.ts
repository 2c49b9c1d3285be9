// The worker side of a job (workerJobs.ts): the input it was started with, the way back to
// the thread that started it, and the cancel flag, read from shared memory so that Cancel
// never waits for the worker to take a message.

import { parentPort, workerData } from 'node:worker_threads';

/** What a job's worker is started with. */
export interface JobWorkerData<Input> {
  input: Input;
  /** One Int32: 1 once the job should stop. */
  cancel: SharedArrayBuffer;
}

export interface JobContext<Message> {
  post(message: Message): void;
  /// Whether Cancel was asked for.
  cancelled(): boolean;
}

/// Runs `work` when this module is loaded in a job's worker thread (and does nothing
/// elsewhere). `work` posts its last message once its connection is closed: the starting
/// thread ends the worker on receipt.
export function runJobWorker<Input, Message>(work: (input: Input, job: JobContext<Message>) => Promise<void>): void {
  const port = parentPort;
  if (!port) return;
  const data = workerData as JobWorkerData<Input>;
  const flag = new Int32Array(data.cancel);
  // No top-level await: the bundled workers are CommonJS.
  void work(data.input, { post: (message) => port.postMessage(message), cancelled: () => Atomics.load(flag, 0) === 1 });
}
