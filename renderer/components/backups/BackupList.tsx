// The backups of the project as a table with one radio button per row: when, why, what it
// holds and how large it is. The radio group is the keyboard way through the list (arrows
// move the choice); a copy that cannot be read says why and cannot be chosen.

import type { BackupInfo, BackupReason } from '../../../common/backups';

export const REASON_LABELS: Record<BackupReason, string> = {
  open: 'On opening',
  interval: 'Automatic',
  manual: 'Backed up by you',
  'pre-restore': 'Before a restore',
  'pre-migration': 'Before an upgrade',
};

interface BackupListProps {
  backups: readonly BackupInfo[];
  chosen: string | null;
  onChoose: (file: string) => void;
  disabled: boolean;
}

export function BackupList({ backups, chosen, onChoose, disabled }: BackupListProps) {
  return (
    <table className="backup-list" data-testid="backup-list">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Choose</span>
          </th>
          <th scope="col">Taken</th>
          <th scope="col">Why</th>
          {['Documents', 'Mentions', 'Events', 'Size'].map((heading) => (
            <th key={heading} scope="col" className="backup-number">
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => {
          const id = `backup-${backup.file}`;
          return (
            <tr
              key={backup.file}
              className={backup.file === chosen ? 'is-chosen' : undefined}
              data-testid="backup-row"
              data-reason={backup.reason}
              title={backup.file}
              onClick={() => !disabled && backup.problem === null && onChoose(backup.file)}
            >
              <td>
                <input
                  type="radio"
                  name="backup"
                  id={id}
                  checked={backup.file === chosen}
                  disabled={disabled || backup.problem !== null}
                  onChange={() => onChoose(backup.file)}
                />
              </td>
              <td>
                <label htmlFor={id}>{takenAt(backup.takenAt)}</label>
              </td>
              <td>{REASON_LABELS[backup.reason]}</td>
              {backup.problem === null ? (
                <>
                  <td className="backup-number" data-testid="backup-documents">
                    {count(backup.documents)}
                  </td>
                  <td className="backup-number" data-testid="backup-mentions">
                    {count(backup.mentions)}
                  </td>
                  <td className="backup-number">{count(backup.events)}</td>
                </>
              ) : (
                <td colSpan={3} className="backup-problem">
                  Cannot be read: {backup.problem}
                </td>
              )}
              <td className="backup-number">{size(backup.sizeBytes)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function takenAt(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

function count(n: number | null): string {
  return n === null ? '–' : n.toLocaleString();
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString()} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;
}
