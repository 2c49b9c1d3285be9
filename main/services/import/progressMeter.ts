// How far an import has come, in the terms its progress bar shows: files, documents, bytes,
// the rate so far and the time left. Time left is estimated from bytes, the one measure
// known for the whole batch before it is read (documents per file are not).

import type { ImportProgress } from '../../../common/importReport';

/** Progress is reported at most this often: enough for a smooth bar, cheap to send. */
const INTERVAL_MS = 100;

export class ProgressMeter {
  private readonly started = performance.now();
  private lastReport = 0;
  filesDone = 0;
  bytesDone = 0;
  added = 0;
  duplicates = 0;
  failed = 0;
  currentFile: string | null = null;

  constructor(
    private readonly filesTotal: number,
    private readonly bytesTotal: number,
    private readonly report: (progress: ImportProgress) => void,
  ) {}

  /// Reports now if the last report is old enough, or always with `force`.
  tick(force = false): void {
    const now = performance.now();
    if (!force && now - this.lastReport < INTERVAL_MS) return;
    this.lastReport = now;
    this.report(this.snapshot());
  }

  snapshot(): ImportProgress {
    const seconds = Math.max((performance.now() - this.started) / 1000, 1e-3);
    const documents = this.added + this.duplicates;
    const bytesPerSecond = this.bytesDone / seconds;
    const left = Math.max(this.bytesTotal - this.bytesDone, 0);
    // Under a tenth of a second of data says little about the rate.
    const etaSeconds = seconds >= 0.1 && bytesPerSecond > 0 ? left / bytesPerSecond : null;
    return {
      files: { done: this.filesDone, total: this.filesTotal },
      documents,
      added: this.added,
      failed: this.failed,
      bytes: { done: this.bytesDone, total: this.bytesTotal },
      rate: documents / seconds,
      bytesPerSecond,
      etaSeconds,
      currentFile: this.currentFile,
    };
  }
}

/// Progress before anything is known: nothing done, totals unknown.
export function startingProgress(): ImportProgress {
  return {
    files: { done: 0, total: null },
    documents: 0,
    added: 0,
    failed: 0,
    bytes: { done: 0, total: null },
    rate: 0,
    bytesPerSecond: 0,
    etaSeconds: null,
    currentFile: null,
  };
}
