// What an annotation.conf import did: what was added, what was left out and why, and the
// lines that could not be read. Shown once after the import, as a native modal <dialog>.

import { useEffect, useRef } from 'react';
import type { SchemaImportReport } from '../../common/model';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import './SchemaDialog.css';

interface ImportReportDialogProps {
  fileName: string;
  report: SchemaImportReport;
  onClose: () => void;
}

const ADDED_NOUNS: [keyof SchemaImportReport['added'], string, string][] = [
  ['entityTypes', 'entity type', 'entity types'],
  ['eventTypes', 'event type', 'event types'],
  ['relationTypes', 'relation type', 'relation types'],
  ['attributes', 'attribute', 'attributes'],
];

export function ImportReportDialog({ fileName, report, onClose }: ImportReportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal() focuses the first control, which would be the details' summary.
    dialog?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
  }, []);
  const total = Object.values(report.added).reduce((a, b) => a + b, 0);

  return (
    <dialog
      ref={ref}
      className="schema-dialog import-report modal"
      onClose={onClose}
      aria-labelledby="import-title"
      data-testid="import-report"
    >
      <span className={`schema-dialog-icon${total === 0 ? '' : ' is-success'}`} aria-hidden="true">
        <Icon name={total === 0 ? 'info' : 'check'} size={20} />
      </span>
      <h2 id="import-title">{total === 0 ? 'Nothing new to add' : 'Schema imported'}</h2>
      <p className="schema-dialog-text">
        From <strong>{fileName}</strong>
        {total === 0 ? ': the schema already has everything it declares.' : '. Undo takes the whole import back.'}
      </p>
      <ul className="import-counts" data-testid="import-added">
        {ADDED_NOUNS.map(([key, one, many]) => (
          <li key={key} className={report.added[key] === 0 ? 'is-zero' : ''}>
            <strong>{report.added[key]}</strong> {report.added[key] === 1 ? one : many}
          </li>
        ))}
      </ul>
      {report.errors.length > 0 && (
        <details className="import-details is-errors" open>
          <summary>
            {report.errors.length} {report.errors.length === 1 ? 'line' : 'lines'} could not be read
          </summary>
          <ul>
            {report.errors.map((e, i) => (
              <li key={i}>
                <span className="import-line">Line {e.line}</span> {e.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.skipped.length > 0 && (
        <details className="import-details" data-testid="import-skipped">
          <summary>
            {report.skipped.length} {report.skipped.length === 1 ? 'thing' : 'things'} left out
          </summary>
          <ul>
            {report.skipped.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </details>
      )}
      <form method="dialog" className="schema-dialog-actions">
        <Button type="submit" variant="primary">
          Done
        </Button>
      </form>
    </dialog>
  );
}
