// A label's key: one letter or digit, typed straight into a key cap. Keys are unique
// across entity, event and relation types (one key, one label), so a key another label
// holds is named at once, before the save is refused for it.

import type { KeyboardEvent } from 'react';
import type { LabelSchema } from '../../common/model';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import type { SchemaKind } from './schemaSelection';
import './HotkeyField.css';

interface HotkeyFieldProps {
  id: string;
  value: string | null;
  onChange: (key: string | null) => void;
  schema: LabelSchema;
  /** The label being edited (id null while new), which may keep its own key. */
  self: { kind: SchemaKind; id: number | null };
  /** A message from the services about the key, shown like a clash. */
  error: string | null;
}

export function HotkeyField({ id, value, onChange, schema, self, error }: HotkeyFieldProps) {
  const holder = value === null ? null : keyHolder(schema, value, self);
  const problem = error ?? (holder && `${value!.toUpperCase()} is already the key of the ${holder}.`);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Tab moves on, Enter saves the form, Escape belongs to whoever listens for it.
    if (event.ctrlKey || event.metaKey || event.altKey || ['Tab', 'Enter', 'Escape'].includes(event.key)) return;
    event.preventDefault();
    if (/^[0-9a-zA-Z]$/.test(event.key)) onChange(event.key.toLowerCase());
    else if (event.key === 'Backspace' || event.key === 'Delete') onChange(null);
  };

  return (
    <div className="hotkey-field">
      <div className="hotkey-row">
        <input
          id={id}
          className={`hotkey-input${problem ? ' is-invalid' : ''}`}
          value={value?.toUpperCase() ?? ''}
          placeholder="–"
          onKeyDown={onKeyDown}
          // Typing is handled on keydown; this keeps React's controlled input quiet (and
          // takes a pasted character).
          onChange={(e) => {
            const typed = e.target.value.slice(-1);
            if (/^[0-9a-zA-Z]$/.test(typed)) onChange(typed.toLowerCase());
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          spellCheck={false}
          data-testid="hotkey-input"
        />
        {value !== null && (
          <Button variant="quiet" onClick={() => onChange(null)} data-testid="hotkey-clear">
            No key
          </Button>
        )}
      </div>
      {problem ? (
        <p id={`${id}-hint`} className="field-error" role="alert" data-testid="hotkey-conflict">
          <Icon name="alert" size={14} />
          {problem}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          {value === null ? 'Press a letter or digit to give this label a key.' : 'Press another key to change it.'}
        </p>
      )}
    </div>
  );
}

// Which other label has `key` (any case), described for a person: "entity type GPE".
function keyHolder(schema: LabelSchema, key: string, self: HotkeyFieldProps['self']): string | null {
  const lists = [
    ['entityType', 'entity type', schema.entityTypes],
    ['eventType', 'event type', schema.eventTypes],
    ['relationType', 'relation type', schema.relationTypes],
  ] as const;
  for (const [kind, noun, types] of lists) {
    const holder = types.find(
      (t) => t.hotkey?.toLowerCase() === key.toLowerCase() && !(kind === self.kind && t.id === self.id),
    );
    if (holder) return `${noun} ${holder.name}`;
  }
  return null;
}
