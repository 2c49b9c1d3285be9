// The right-hand panel for the open document while no annotation is focused: what it is
// (title, source), where it stands (status, "done and next"), the analyst's note on it,
// what it carries (counts per label, totals) and its metadata. The annotation inspector
// takes this column when a mention is focused.

import type { DocumentDetail, DocumentStatus, JsonValue, LabelSchema } from '../../common/model';
import { keyCaps, keyOfCommand, isMac } from '../shortcuts/keymap';
import { LabelSummary } from './annotate/LabelSummary';
import { NoteField } from './annotate/NoteField';
import { StatusPicker } from './StatusPicker';
import './SidePanel.css';
import './DocumentInfoPanel.css';

interface DocumentInfoPanelProps {
  detail: DocumentDetail;
  /** Length of the text in code points, the unit of every offset. */
  characters: number;
  savingStatus: boolean;
  onStatusChange: (status: DocumentStatus) => void;
  schema: LabelSchema | null;
  onDoneAndNext: () => void;
  onNoteSave: (note: string) => Promise<unknown>;
}

const DONE_KEYS = keyCaps(keyOfCommand('doneAndNext'), isMac(navigator.platform || navigator.userAgent)).join('+');

export function DocumentInfoPanel(props: DocumentInfoPanelProps) {
  const { detail, characters, savingStatus, onStatusChange, schema, onDoneAndNext, onNoteSave } = props;
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
        <button
          type="button"
          className="done-next"
          onClick={onDoneAndNext}
          disabled={savingStatus}
          title="Mark this document done and open the next one in the list"
          data-testid="done-and-next"
        >
          Done &amp; next
          <kbd>{DONE_KEYS}</kbd>
        </button>
      </section>

      <section className="info-section">
        <NoteField
          key={detail.id}
          label="Note"
          placeholder="Anything to remember about this document"
          value={detail.note}
          onSave={onNoteSave}
          testId="document-note"
        />
      </section>

      {schema && (
        <section className="info-section">
          <h2 className="info-heading">Labels</h2>
          <LabelSummary detail={detail} schema={schema} />
        </section>
      )}

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
