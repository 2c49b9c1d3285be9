// A one-line progress bar on a terminal (stderr), redrawn in place: files, documents, MB,
// rate and time left. Nothing is drawn when stderr is not a terminal (a pipe, a log file,
// a test), where carriage returns would only make a mess.

import type { ImportProgress } from '../common/importReport';

export class ProgressBar {
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  update(progress: ImportProgress): void {
    if (!this.enabled) return;
    const columns = this.stream.columns || 80;
    const { files, bytes } = progress;
    const fraction = bytes.total ? Math.min(bytes.done / bytes.total, 1) : 0;
    const facts = [
      `${files.done}/${files.total ?? '?'} files`,
      `${progress.documents.toLocaleString('en-US')} docs`,
      `${megabytes(bytes.done)}/${bytes.total === null ? '?' : megabytes(bytes.total)} MB`,
      `${Math.round(progress.rate).toLocaleString('en-US')} docs/s`,
      progress.etaSeconds === null ? '' : `${duration(progress.etaSeconds)} left`,
    ].filter(Boolean);
    const text = ` ${facts.join(' · ')}`;
    const width = Math.max(10, Math.min(40, columns - text.length - 3));
    const filled = Math.round(fraction * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${text}`;
    this.stream.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
    this.drawn = true;
  }

  /// Clears the bar, so that what is printed next starts on a clean line.
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/// "0:07", "12:30", "1:02:03".
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  const parts = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const [h, m, sec] = parts as [number, number, number];
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}
