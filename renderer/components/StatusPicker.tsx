// The document's workflow status as a radio group: one click (or arrow keys) sets it.

import type { KeyboardEvent } from 'react';
import type { DocumentStatus } from '../../common/model';
import { STATUS_LABELS, STATUS_ORDER } from './statusLabels';
import './StatusPicker.css';

interface StatusPickerProps {
  value: DocumentStatus;
  disabled?: boolean;
  onChange: (status: DocumentStatus) => void;
}

export function StatusPicker({ value, disabled, onChange }: StatusPickerProps) {
  function onKeyDown(event: KeyboardEvent) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const i = STATUS_ORDER.indexOf(value);
    const next = STATUS_ORDER[(i + step + STATUS_ORDER.length) % STATUS_ORDER.length]!;
    onChange(next);
    // Keep focus on the checked option, as a native radio group does.
    const group = event.currentTarget as HTMLElement;
    requestAnimationFrame(() => group.querySelector<HTMLElement>(`[data-status="${next}"]`)?.focus());
  }

  return (
    <div className="status-picker" role="radiogroup" aria-label="Status" onKeyDown={onKeyDown} data-testid="status-picker">
      {STATUS_ORDER.map((status) => (
        <button
          key={status}
          type="button"
          role="radio"
          aria-checked={status === value}
          tabIndex={status === value ? 0 : -1}
          disabled={disabled}
          className={`status-option status-${status}`}
          data-status={status}
          data-testid={`status-option-${status}`}
          onClick={() => status !== value && onChange(status)}
        >
          <span className="status-dot" aria-hidden="true" />
          {STATUS_LABELS[status]}
        </button>
      ))}
    </div>
  );
}
