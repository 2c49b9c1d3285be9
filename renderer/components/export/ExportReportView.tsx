// The end of an export: what was written where, per split and label, what the format left
// out, every annotation that was left out or changed with its reason, the tokenizer, and
// the `spanlab export` command that writes the same again.

import { useState } from 'react';
import type { ExportReport } from '../../../common/export';
import { Button } from '../Button';

/** Issues listed in the dialog; the report file and `--json` hold more. */
const SHOWN_ISSUES = 100;
const SHOWN_LABELS = 16;

export function ExportReportView({ report }: { report: ExportReport }) {
  const [copied, setCopied] = useState(false);
  const splits = Object.entries(report.splits);
  const labels = Object.entries(report.labels);
  const copy = () => {
    navigator.clipboard?.writeText(report.command).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div className="export-report" data-testid="export-report">
      <p className="export-summary" data-testid="export-summary">
        Exported {count(report.documents, 'document')} as <strong>{report.format}</strong> to{' '}
        <code className="export-out">{report.out}</code>
        {report.fileCount > 1 && ` (${count(report.fileCount, 'file')})`}.
      </p>

      {report.split && (
        <table className="export-table" data-testid="export-splits">
          <caption>
            Split {report.split.train}/{report.split.dev}/{report.split.test}, seed {report.seed}
          </caption>
          <tbody>
            {splits.map(([name, s]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{count(s.documents, 'document')}</td>
                <td>{count(Object.values(s.labels).reduce((a, b) => a + b, 0), 'annotation')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {labels.length > 0 ? (
        <table className="export-table" data-testid="export-labels">
          <caption>Written per label</caption>
          <tbody>
            {labels.slice(0, SHOWN_LABELS).map(([label, n]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{n.toLocaleString()}</td>
              </tr>
            ))}
            {labels.length > SHOWN_LABELS && (
              <tr>
                <td colSpan={2}>and {labels.length - SHOWN_LABELS} more labels</td>
              </tr>
            )}
          </tbody>
        </table>
      ) : (
        <p className="export-hint">No annotation was written.</p>
      )}

      {report.notes.map((note) => (
        <p key={note} className="export-note">
          {note}
        </p>
      ))}

      {report.issueCount > 0 && (
        <details className="export-issues" data-testid="export-issues">
          <summary>{count(report.issueCount, 'annotation')} left out or changed</summary>
          <ul>
            {report.issues.slice(0, SHOWN_ISSUES).map((issue, i) => (
              <li key={i}>
                <span className="export-issue-where">
                  {issue.document}
                  {issue.item && ` ${issue.item}`}
                </span>{' '}
                {issue.reason}
              </li>
            ))}
          </ul>
          {report.issueCount > SHOWN_ISSUES && (
            <p className="export-hint">
              {(report.issueCount - SHOWN_ISSUES).toLocaleString()} more are counted; spanlab export --json lists them.
            </p>
          )}
        </details>
      )}

      {report.tokenizer && <p className="export-hint">Tokens and sentences: {report.tokenizer}.</p>}

      <div className="export-command">
        <span className="export-hint">The same export from the command line:</span>
        <code data-testid="export-command">{report.command}</code>
        <Button variant="quiet" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}

function count(n: number, one: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : `${one}s`}`;
}
