// One row of the document list, or its placeholder while the row's page is loading.

import type { DocumentSummary } from '../../common/model';
import { Snippet } from './Snippet';
import { StatusBadge } from './StatusBadge';

interface DocumentRowProps {
  id: string;
  document: DocumentSummary | undefined;
  active: boolean;
  open: boolean;
  onOpen: () => void;
}

export function DocumentRow({ id, document, active, open, onOpen }: DocumentRowProps) {
  if (!document) {
    return (
      <div id={id} className="doc-row doc-row-placeholder" role="option" aria-selected={false} aria-busy="true" data-testid="document-row-placeholder">
        <span className="skeleton skeleton-title" />
        <span className="skeleton skeleton-meta" />
      </div>
    );
  }
  const classes = ['doc-row', active ? 'is-active' : '', open ? 'is-open' : ''].filter(Boolean).join(' ');
  return (
    <div
      id={id}
      className={classes}
      role="option"
      aria-selected={open}
      data-testid="document-row"
      data-document-id={document.id}
      onClick={onOpen}
    >
      <span className="doc-row-title" dir="auto" title={document.title}>
        {document.title || 'Untitled'}
      </span>
      {document.snippet !== undefined && (
        <span className="doc-row-snippet" dir="auto">
          <Snippet text={document.snippet} />
        </span>
      )}
      <span className="doc-row-meta">
        <StatusBadge status={document.status} />
        <span className="doc-row-mentions" data-testid="mention-count">
          {document.mentionCount === 0
            ? 'No mentions'
            : `${document.mentionCount.toLocaleString()} mention${document.mentionCount === 1 ? '' : 's'}`}
        </span>
      </span>
    </div>
  );
}
