// The right-hand panel for the open document. For now: what it is (title, source),
// where it stands (status) and what it carries (counts, metadata). The annotation
// inspector will share this column.

import type { DocumentDetail, DocumentStatus, JsonValue } from '../../common/model';
import { StatusPicker } from './StatusPicker';
import './SidePanel.css';
import './DocumentInfoPanel.css';

interface DocumentInfoPanelProps {
  detail: DocumentDetail;
  /** Length of the text in code points, the unit of every offset. */
  characters: number;
  savingStatus: boolean;
  statusError: string | null;
  onStatusChange: (status: DocumentStatus) => void;
}

export function DocumentInfoPanel({ detail, characters, savingStatus, statusError, onStatusChange }: DocumentInfoPanelProps) {
  const metadata = Object.entries(detail.metadata);
  return (
    <aside className="info-panel" aria-label="Document details" data-testid="document-info">
      <section className="info-section">
        <h2 className="info-heading">Document</h2>
        <p className="info-title" dir="auto" data-testid="info-title">
          {detail.title || 'Untitled'}
        </p>
        {detail.source && (
          <p className="info-source" title={detail.source} data-testid="info-source">
            {detail.source}
          </p>
        )}
      </section>

      <section className="info-section">
        <h2 className="info-heading">Status</h2>
        <StatusPicker value={detail.status} disabled={savingStatus} onChange={onStatusChange} />
        {statusError && (
          <p className="info-error" role="alert">
            {statusError}
          </p>
        )}
      </section>

      <section className="info-section">
        <h2 className="info-heading">Contents</h2>
        <dl className="info-stats">
          <Stat label="Mentions" value={detail.mentions.length} />
          <Stat label="Events" value={detail.events.length} />
          <Stat label="Entities" value={detail.entities.length} />
          <Stat label="Characters" value={characters} />
        </dl>
      </section>

      <section className="info-section">
        <h2 className="info-heading">Metadata</h2>
        {metadata.length === 0 ? (
          <p className="info-empty">No metadata.</p>
        ) : (
          <dl className="info-metadata" data-testid="info-metadata">
            {metadata.map(([key, value]) => (
              <div key={key} className="info-metadata-row">
                <dt>{key}</dt>
                <dd dir="auto">{formatValue(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </aside>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="info-stat">
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}

function formatValue(value: JsonValue): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
