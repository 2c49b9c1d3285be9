// "Delete PER and its 12 annotations?": asked only when a definition is in use (the
// services refuse to delete it without `force` and say how many annotations it would take
// along). A native modal <dialog>: focus stays inside, Escape cancels.

import { useEffect, useRef } from 'react';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import './SchemaDialog.css';
import type { SchemaKind } from './schemaSelection';
import { KIND_NOUN } from './schemaSelection';

export interface DeleteRequest {
  kind: SchemaKind;
  id: number;
  name: string;
  /** Annotations that would go (for an attribute: lose their value). */
  affected: number;
}

interface DeleteDialogProps {
  request: DeleteRequest;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteDialog({ request, onConfirm, onCancel }: DeleteDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const { kind, name, affected } = request;
  const annotations = affected === 1 ? 'annotation' : 'annotations';
  const title =
    kind === 'attribute'
      ? `Delete ${name} and its value on ${affected} ${annotations}?`
      : `Delete ${name} and its ${affected} ${annotations}?`;

  return (
    <dialog
      ref={ref}
      className="schema-dialog modal"
      onClose={onCancel}
      aria-labelledby="delete-title"
      data-testid="delete-dialog"
    >
      <span className="schema-dialog-icon is-danger" aria-hidden="true">
        <Icon name="trash" size={20} />
      </span>
      <h2 id="delete-title">{title}</h2>
      <p className="schema-dialog-text">{consequence(kind, name, affected)} You can undo this with Ctrl+Z.</p>
      <div className="schema-dialog-actions">
        <Button onClick={() => ref.current?.close()} autoFocus>
          Cancel
        </Button>
        <Button variant="primary" className="button-destructive" onClick={onConfirm} data-testid="delete-confirm">
          Delete {KIND_NOUN[kind]}
        </Button>
      </div>
    </dialog>
  );
}

// What deleting takes along, in the words of each kind.
function consequence(kind: SchemaKind, name: string, n: number): string {
  const count = n.toLocaleString();
  if (kind === 'entityType') {
    const mentions = n === 1 ? 'mention' : 'mentions';
    const along = 'with the event arguments and relations that use them';
    return `${count} ${mentions} labelled ${name} will be deleted in every document, ${along}.`;
  }
  if (kind === 'eventType') {
    const events = n === 1 ? 'event' : 'events';
    return `${count} ${events} of this type will be deleted, with their arguments; their trigger words stay marked.`;
  }
  if (kind === 'relationType') return `${count} ${n === 1 ? 'relation' : 'relations'} of this type will be deleted.`;
  return `${count} ${n === 1 ? 'annotation loses' : 'annotations lose'} the value they have for ${name}.`;
}
