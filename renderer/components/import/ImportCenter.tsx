// Everything about importing in the window: the Import… dialog (from the menu or the top
// bar), files dropped onto the window, the progress card while an import runs, and the
// report when it ends. The App renders it once per open project and hears when documents
// came in (to refresh the list and the counts).

import { useEffect, useRef, useState } from 'react';
import type { ImportReport } from '../../../common/importReport';
import { errorMessage } from '../../client';
import { Button } from '../Button';
import { Icon } from '../Icon';
import { carriesFiles, readDrop } from './droppedFiles';
import { ImportDialog } from './ImportDialog';
import { ImportProgress } from './ImportProgress';
import { ImportReportDialog } from './ImportReportDialog';
import { useImportJob } from './useImportJob';
import './import.css';

interface ImportCenterProps {
  /** Changes (Date.now()) each time the dialog is asked for: the menu or a button. */
  request: number;
  nativeDialogs: boolean;
  /** An import ended having read documents: the list and the counts are out of date. */
  onImported: (report: ImportReport) => void;
  /** A running import has added documents since the last call (at most every few seconds). */
  onProgressed: () => void;
}

/** How often the list follows a running import: often enough to watch it grow, rarely
 *  enough that a 10,000-file import does not spend its time re-querying the list. */
const LIST_REFRESH_MS = 2_000;

export function ImportCenter({ request, nativeDialogs, onImported, onProgressed }: ImportCenterProps) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const [dropping, setDropping] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const job = useImportJob((report) => {
    if (report.counts.documents > 0) onImported(report);
  });
  const running = job.state.phase === 'running';

  // Documents are committed in groups while the import runs; the list shows them as they land.
  const added = job.state.phase === 'running' ? (job.state.progress?.added ?? 0) : 0;
  const lastRefresh = useRef({ at: 0, added: 0 });
  useEffect(() => {
    const last = lastRefresh.current;
    if (added === 0) {
      last.added = 0;
      return;
    }
    if (added > last.added && Date.now() - last.at >= LIST_REFRESH_MS) {
      lastRefresh.current = { at: Date.now(), added };
      onProgressed();
    }
  }, [added, onProgressed]);

  useEffect(() => {
    if (request > 0) setDialogOpen(true);
  }, [request]);

  // Files dragged over any part of the window can be dropped to import them.
  const { startFiles } = job;
  useEffect(() => {
    let depth = 0; // dragenter/dragleave fire for every child element crossed
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth++;
      setDropping(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDropping(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault(); // allows the drop; without it the browser would open the file
      event.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      depth = 0;
      setDropping(false);
      if (running) {
        setProblem('An import is running; drop the files again once it has ended.');
        return;
      }
      readDrop(event.dataTransfer!).then(
        (files) => (files.length > 0 ? startFiles({ files }) : setProblem('The drop held no files.')),
        (error: unknown) => setProblem(errorMessage(error)),
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [running, startFiles]);

  return (
    <>
      {dialogOpen && (
        <ImportDialog
          nativeDialogs={nativeDialogs}
          running={running}
          onStart={(request) => {
            setDialogOpen(false);
            job.startPaths(request);
          }}
          onClose={() => setDialogOpen(false)}
        />
      )}
      {dropping && (
        <div className="import-drop-zone" data-testid="import-drop-zone" aria-hidden="true">
          <Icon name="upload" size={28} />
          <span>Drop files or folders to import them</span>
        </div>
      )}
      {job.state.phase === 'running' && (
        <ImportProgress progress={job.state.progress} cancelling={job.state.cancelling} onCancel={job.cancel} />
      )}
      {(problem || job.state.phase === 'failed') && (
        <section className="import-progress import-problem" role="alert" data-testid="import-problem">
          <p>{problem ?? (job.state.phase === 'failed' ? job.state.message : '')}</p>
          <Button
            onClick={() => {
              setProblem(null);
              if (job.state.phase === 'failed') job.dismiss();
            }}
          >
            Dismiss
          </Button>
        </section>
      )}
      {job.state.phase === 'ended' && <ImportReportDialog report={job.state.report} onClose={job.dismiss} />}
    </>
  );
}
