// The report of an import that ended: what came in, what was skipped as already there,
// the labels it had to create, and one line for every file or record it could not take,
// with the reason. "Save report" writes the whole report (JSON) as a file.

import { useEffect, useRef } from 'react';
import type { ImportIssue, ImportReport } from '../../../common/importReport';
import { Button } from '../Button';
import { Icon } from '../Icon';

interface ImportReportDialogProps {
  report: ImportReport;
  onClose: () => void;
}

const OUTCOME_TITLES: Record<ImportReport['outcome'], string> = {
  finished: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'Import failed',
};

export function ImportReportDialog({ report, onClose }: ImportReportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const { counts, files } = report;
  const created = Object.entries(report.created).filter(([, names]) => names.length > 0);

  return (
    <dialog ref={ref} className="import-dialog import-report modal" onClose={onClose} aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title">
        <Icon name={report.outcome === 'finished' && report.errors.length === 0 ? 'check' : 'alert'} size={18} />
        {OUTCOME_TITLES[report.outcome]}
      </h2>
      {report.failure && <p className="import-error">{report.failure}</p>}
      <dl className="import-report-counts" data-testid="import-report-counts">
        <dt>Documents imported</dt>
        <dd data-testid="import-report-added">{counts.documents.toLocaleString()}</dd>
        <dt>Already in the project (skipped)</dt>
        <dd data-testid="import-report-duplicates">{counts.duplicates.toLocaleString()}</dd>
        <dt>Files</dt>
        <dd>
          {files.imported.toLocaleString()} of {files.total.toLocaleString()} read
          {files.failed > 0 && `, ${files.failed.toLocaleString()} with problems`}
          {files.skipped > 0 && `, ${files.skipped.toLocaleString()} left aside`}
        </dd>
        <dt>Annotations</dt>
        <dd>
          {plural(counts.mentions, 'mention')}, {plural(counts.events, 'event')}, {plural(counts.relations, 'relation')},{' '}
          {plural(counts.entities, 'entity', 'entities')}
        </dd>
        {report.schemaFiles.length > 0 && (
          <>
            <dt>Schema merged from</dt>
            <dd>{report.schemaFiles.map(baseName).join(', ')}</dd>
          </>
        )}
        {created.map(([kind, names]) => (
          <div key={kind} className="import-report-row">
            <dt>New {kind.replace(/([A-Z])/g, ' $1').toLowerCase()}</dt>
            <dd>{names.join(', ')}</dd>
          </div>
        ))}
      </dl>
      <IssueList title="Not imported" issues={report.errors} testId="import-report-errors" open />
      <IssueList title="Left aside" issues={report.skipped} testId="import-report-skipped" />
      <IssueList title="Remarks" issues={report.warnings} testId="import-report-warnings" />
      {report.unlisted > 0 && <p className="import-hint">{report.unlisted.toLocaleString()} more lines are counted but not listed.</p>}
      <div className="import-actions">
        <Button icon="download" onClick={() => saveReport(report)} data-testid="import-save-report">
          Save report
        </Button>
        <Button variant="primary" onClick={() => ref.current?.close()} autoFocus>
          Close
        </Button>
      </div>
    </dialog>
  );
}

function IssueList({ title, issues, testId, open = false }: { title: string; issues: ImportIssue[]; testId: string; open?: boolean }) {
  if (issues.length === 0) return null;
  return (
    <details className="import-issues" open={open} data-testid={testId}>
      <summary>
        {title} ({issues.length.toLocaleString()})
      </summary>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            <span className="import-issue-where" title={issue.file}>
              {baseName(issue.file)}
              {issue.line !== undefined ? `:${issue.line}` : issue.record !== undefined ? ` #${issue.record}` : ''}
            </span>{' '}
            {issue.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

// A download of the report as JSON. In the desktop app Chromium's download asks where to
// save it; in a browser it goes where downloads go.
function saveReport(report: ImportReport): void {
  const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `spanlab-import-${report.startedAt.replace(/[:.]/g, '-')}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
