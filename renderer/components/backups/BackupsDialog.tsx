// Backups…: the project's backup copies (BackupList), Back up now, and Restore, which asks
// first and says what will happen. The services do the work (main/services/backups/); a
// restore reopens the project, which the app hears as `project.changed`, and the dialog
// stays open on the refreshed list with the outcome.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupInfo } from '../../../common/backups';
import type { ProjectInfo } from '../../../common/model';
import { errorMessage } from '../../client';
import { Button } from '../Button';
import { useClient } from '../ClientContext';
import { Icon } from '../Icon';
import { BackupList, REASON_LABELS, takenAt } from './BackupList';
import './BackupsDialog.css';

interface BackupsDialogProps {
  project: ProjectInfo;
  onClose: () => void;
}

type Phase = 'choosing' | 'confirming' | 'working';

export function BackupsDialog({ project, onClose }: BackupsDialogProps) {
  const client = useClient();
  const ref = useRef<HTMLDialogElement>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('choosing');
  const [outcome, setOutcome] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const refresh = useCallback(
    () =>
      client.call('backups.list', {}).then(setBackups, (error: unknown) => {
        setBackups([]);
        setOutcome({ text: errorMessage(error), tone: 'error' });
      }),
    [client],
  );
  useEffect(() => {
    void refresh();
  }, [refresh, project.path]);

  const backUpNow = async () => {
    setPhase('working');
    setOutcome(null);
    try {
      const made = await client.call('backups.create', {});
      setOutcome({ text: `Backed up at ${takenAt(made.takenAt)}.`, tone: 'info' });
    } catch (error) {
      setOutcome({ text: errorMessage(error), tone: 'error' });
    }
    await refresh();
    setPhase('choosing');
  };

  const choice = backups?.find((b) => b.file === chosen) ?? null;
  const restore = async () => {
    if (!choice) return;
    setPhase('working');
    setOutcome(null);
    try {
      await client.call('backups.restore', { file: choice.file });
      setChosen(null);
      setOutcome({
        text: `Restored the backup of ${takenAt(choice.takenAt)}. The project as it was just before is the newest backup (“${REASON_LABELS['pre-restore']}”).`,
        tone: 'info',
      });
    } catch (error) {
      setOutcome({ text: errorMessage(error), tone: 'error' });
    }
    await refresh();
    setPhase('choosing');
  };

  const working = phase === 'working';
  return (
    <dialog
      ref={ref}
      className="backups-dialog modal"
      aria-labelledby="backups-title"
      aria-busy={working}
      data-testid="backups-dialog"
      onClose={onClose}
      // A restore in progress closes and reopens the project: let it finish.
      onCancel={(e) => working && e.preventDefault()}
    >
      <header className="backups-header">
        <span className="modal-icon" aria-hidden="true">
          <Icon name="clock" size={18} />
        </span>
        <div>
          <h2 id="backups-title">Backups of {project.name}</h2>
          <p className="backups-where">
            Spanlab copies the project when it is opened and every few minutes while it changes, into the folder
            beside it.
          </p>
        </div>
      </header>

      <div className="backups-body">
        {backups === null ? (
          <p className="backups-empty">Reading the backups…</p>
        ) : backups.length === 0 ? (
          <p className="backups-empty">No backups yet.</p>
        ) : (
          <BackupList backups={backups} chosen={chosen} onChoose={setChosen} disabled={phase !== 'choosing'} />
        )}
      </div>

      {phase === 'confirming' && choice && (
        <div className="backups-confirm" role="alertdialog" aria-labelledby="backups-confirm-title" data-testid="backups-confirm">
          <h3 id="backups-confirm-title">Restore the backup of {takenAt(choice.takenAt)}?</h3>
          <p>
            {project.name} will be replaced by this copy: {plural(choice.documents, 'document')},{' '}
            {plural(choice.mentions, 'mention')} and {plural(choice.events, 'event')}. Work done since
            then is not lost: Spanlab first backs the project up as it is now (“{REASON_LABELS['pre-restore']}”), so you
            can restore that to come back.
          </p>
        </div>
      )}

      {outcome && (
        <p className={`backups-outcome is-${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'} data-testid="backups-outcome">
          {outcome.text}
        </p>
      )}

      <footer className="backups-actions">
        {phase === 'confirming' ? (
          <>
            <Button onClick={() => setPhase('choosing')} data-testid="backups-cancel-restore">
              Cancel
            </Button>
            <Button variant="primary" onClick={() => void restore()} autoFocus data-testid="backups-confirm-restore">
              Restore this backup
            </Button>
          </>
        ) : (
          <>
            <Button icon="download" onClick={() => void backUpNow()} disabled={working} data-testid="backups-now">
              Back up now
            </Button>
            <span className="backups-spacer" />
            <Button onClick={() => ref.current?.close()} disabled={working} data-testid="backups-close">
              Close
            </Button>
            <Button
              variant="primary"
              onClick={() => setPhase('confirming')}
              disabled={working || choice === null}
              data-testid="backups-restore"
            >
              Restore…
            </Button>
          </>
        )}
      </footer>
    </dialog>
  );
}

function plural(n: number | null, word: string): string {
  return `${(n ?? 0).toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}
