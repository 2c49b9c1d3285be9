import type { DocumentStatus } from '../../common/model';
import { STATUS_LABELS } from './statusLabels';
import './StatusBadge.css';

export function StatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span className={`status-badge status-${status}`} data-testid="status-badge" data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}
