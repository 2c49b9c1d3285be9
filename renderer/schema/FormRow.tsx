// One row of a schema form: the label on the left, the field and its message on the right,
// as settings pages lay them out, so that a long form still scans down one edge.

import type { ReactNode } from 'react';
import { Icon } from '../components/Icon';

interface FormRowProps {
  label: string;
  /** The id of the field the label names; omitted for a group of controls. */
  htmlFor?: string;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode;
}

export function FormRow({ label, htmlFor, hint, error, children }: FormRowProps) {
  return (
    <div className="form-row">
      {htmlFor ? (
        <label className="form-label" htmlFor={htmlFor}>
          {label}
        </label>
      ) : (
        <span className="form-label">{label}</span>
      )}
      <div className="form-field">
        {children}
        {error ? (
          <p className="field-error" role="alert">
            <Icon name="alert" size={14} />
            {error}
          </p>
        ) : (
          hint && <p className="field-hint">{hint}</p>
        )}
      </div>
    </div>
  );
}
