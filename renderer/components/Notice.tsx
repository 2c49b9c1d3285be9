// A dismissible message above the workspace, for failures that belong to no single
// control (a menu command, a project that could not be reopened).

import { Button } from './Button';
import { Icon } from './Icon';
import './Notice.css';

export function Notice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  return (
    <div className="notice" role="alert" data-testid="notice">
      <Icon name="alert" />
      <span className="notice-message">{message}</span>
      <Button variant="quiet" icon="close" aria-label="Dismiss" onClick={onDismiss} />
    </div>
  );
}
