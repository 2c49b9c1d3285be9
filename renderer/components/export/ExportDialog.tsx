// Export…: a modal dialog (native <dialog>: focus stays inside) that takes the analyst from
// the choices (ExportForm) through the running export (a progress bar with Cancel) to its
// report (ExportReportView). The export itself runs in the service's worker thread; the
// dialog only follows it.

import { useEffect, useRef, useState } from 'react';
import type { ProjectInfo } from '../../../common/model';
import { useLabelSchema } from '../../hooks/useLabelSchema';
import { Button } from '../Button';
import { Icon } from '../Icon';
import { choicesProblem, exportRequest, initialChoices } from './exportChoices';
import { ExportForm } from './ExportForm';
import { ExportReportView } from './ExportReportView';
import { useExportBatches } from './useExportBatches';
import { useExportJob } from './useExportJob';
import './ExportDialog.css';

interface ExportDialogProps {
  project: ProjectInfo;
  /** False in serve mode, where the path is typed. */
  nativeDialogs: boolean;
  onClose: () => void;
}

export function ExportDialog({ project, nativeDialogs, onClose }: ExportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const { schema } = useLabelSchema();
  const batches = useExportBatches();
  const [choices, setChoices] = useState(() => initialChoices(project.name));
  const job = useExportJob();
  const { state } = job;
  const running = state.phase === 'running';
  const problem = choicesProblem(choices);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="export-dialog modal"
      aria-labelledby="export-title"
      data-testid="export-dialog"
      onClose={onClose}
      // Escape does not close the dialog while an export runs: Cancel is the way to stop it.
      onCancel={(e) => running && e.preventDefault()}
    >
      <header className="export-header">
        <span className="modal-icon" aria-hidden="true">
          <Icon name="download" size={18} />
        </span>
        <h2 id="export-title">Export {project.name}</h2>
      </header>

      {state.phase === 'idle' && (
        <ExportForm
          choices={choices}
          onChange={setChoices}
          schema={schema}
          batches={batches}
          projectName={project.name}
          nativeDialogs={nativeDialogs}
        />
      )}

      {state.phase === 'running' && (
        <div className="export-running" data-testid="export-progress">
          <progress max={state.total ?? undefined} value={state.total ? state.done : undefined} />
          <p>
            {state.total === null
              ? 'Starting the export…'
              : `${state.done.toLocaleString()} of ${state.total.toLocaleString()} documents written`}
          </p>
        </div>
      )}

      {state.phase === 'finished' && <ExportReportView report={state.report} />}
      {state.phase === 'cancelled' && (
        <p className="export-outcome" data-testid="export-cancelled">
          The export was cancelled; nothing was written.
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="export-outcome is-error" role="alert" data-testid="export-error">
          {state.message}
        </p>
      )}

      <footer className="export-actions">
        {state.phase === 'idle' && problem && <span className="export-problem">{problem}</span>}
        {running ? (
          <Button onClick={job.cancel} data-testid="export-cancel">
            Cancel
          </Button>
        ) : (
          <Button onClick={() => ref.current?.close()} data-testid="export-close">
            Close
          </Button>
        )}
        {(state.phase === 'failed' || state.phase === 'cancelled') && (
          <Button variant="primary" onClick={job.reset} data-testid="export-back">
            Back to the choices
          </Button>
        )}
        {state.phase === 'idle' && (
          <Button variant="primary" disabled={problem !== null} onClick={() => job.start(exportRequest(choices))} data-testid="export-start">
            Export
          </Button>
        )}
      </footer>
    </dialog>
  );
}
