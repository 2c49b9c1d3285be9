// How far the running import has come, in a small card over the corner of the window:
// files, documents, MB, rate and time left, with Cancel. It is not modal — the analyst
// goes on annotating while a batch comes in.

import type { ImportProgress as Progress } from '../../../common/importReport';
import { Button } from '../Button';

interface ImportProgressProps {
  progress: Progress | null;
  cancelling: boolean;
  onCancel: () => void;
}

export function ImportProgress({ progress, cancelling, onCancel }: ImportProgressProps) {
  const bytes = progress?.bytes;
  const fraction = bytes?.total ? Math.min(bytes.done / bytes.total, 1) : null;
  return (
    <section className="import-progress" aria-label="Import in progress" data-testid="import-progress">
      <div className="import-progress-head">
        <strong>{cancelling ? 'Stopping after the file in hand…' : 'Importing…'}</strong>
        <Button onClick={onCancel} disabled={cancelling} data-testid="import-cancel">
          Cancel
        </Button>
      </div>
      <progress
        className="import-progress-bar"
        max={1}
        {...(fraction === null ? {} : { value: fraction })}
        aria-label="Bytes read"
      />
      {progress && (
        <p className="import-progress-facts" data-testid="import-progress-facts">
          <span>
            {progress.files.done.toLocaleString()} of {progress.files.total?.toLocaleString() ?? '…'} files
          </span>
          <span>{progress.documents.toLocaleString()} documents</span>
          <span>
            {megabytes(progress.bytes.done)} of {progress.bytes.total === null ? '…' : megabytes(progress.bytes.total)} MB
          </span>
          <span>{Math.round(progress.rate).toLocaleString()} documents/s</span>
          {progress.etaSeconds !== null && <span>{timeLeft(progress.etaSeconds)} left</span>}
        </p>
      )}
      {progress?.currentFile && (
        <p className="import-progress-file" title={progress.currentFile}>
          {progress.currentFile.split(/[\\/]/).pop()}
        </p>
      )}
    </section>
  );
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

// "12 s", "3 min 5 s", "1 h 2 min".
function timeLeft(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
