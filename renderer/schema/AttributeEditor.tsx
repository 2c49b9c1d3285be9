// The form for one attribute: what kind of annotation it belongs to, its name, its values
// (none: a yes/no flag) and the value new annotations start with. Renaming it renames the
// key in every annotation that has it; that is the services' work, undoable like the rest.

import type { FormEvent, KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import type { AttributeDef, AttributeTarget, LabelSchema } from '../../common/model';
import { ATTRIBUTE_TARGETS } from '../../common/model';
import { Button } from '../components/Button';
import { useClient } from '../components/ClientContext';
import { Icon } from '../components/Icon';
import { FormRow } from './FormRow';
import type { SaveError } from './saveError';
import { messageFor, saveError } from './saveError';
import './SchemaForm.css';
import './AttributeEditor.css';

interface AttributeEditorProps {
  /** null: a new attribute. */
  attribute: AttributeDef | null;
  schema: LabelSchema;
  onSaved: (id: number, what: string) => void;
  onDelete: () => void;
  onCancel: () => void;
}

interface Draft {
  target: AttributeTarget;
  name: string;
  values: string[];
  defaultValue: string | null;
}

const TARGET_LABEL: Record<AttributeTarget, string> = { mention: 'Mentions', event: 'Events', relation: 'Relations' };

export function AttributeEditor({ attribute, onSaved, onDelete, onCancel }: AttributeEditorProps) {
  const client = useClient();
  const fieldId = useId();
  const [initial] = useState<Draft>(() => {
    if (!attribute) return { target: 'event', name: '', values: [], defaultValue: null };
    const { target, name, values, defaultValue } = attribute;
    return { target, name, values, defaultValue };
  });
  const [draft, setDraft] = useState(initial);
  const [newValue, setNewValue] = useState('');
  const [error, setError] = useState<SaveError | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  // A new one can be added once it has a name; a stored one saved once something changed.
  const canSave = !saving && (attribute ? dirty : draft.name.trim() !== '');
  const change = (part: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...part }));
    setError(null);
  };

  const addValue = () => {
    const value = newValue.trim();
    if (!value) return;
    if (!draft.values.includes(value)) change({ values: [...draft.values, value] });
    setNewValue('');
  };
  const removeValue = (value: string) =>
    change({
      values: draft.values.filter((v) => v !== value),
      defaultValue: draft.defaultValue === value ? null : draft.defaultValue,
    });
  const onValueKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      addValue();
    } else if (event.key === 'Backspace' && newValue === '' && draft.values.length > 0) {
      removeValue(draft.values.at(-1)!);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const saved = await client.call('schema.saveAttribute', {
        ...(attribute ? { id: attribute.id } : {}),
        ...draft,
      });
      let what = `Saved the attribute ${saved.name}`;
      if (!attribute) what = `Added the attribute ${saved.name}`;
      else if (attribute.name !== saved.name) what = `Renamed the attribute ${attribute.name} to ${saved.name}`;
      onSaved(saved.id, what);
    } catch (caught) {
      setError(saveError(caught));
      setSaving(false);
    }
  };

  const choices = draft.values.length === 0 ? ['true', 'false'] : draft.values;
  const general = error && !['name', 'values', 'defaultValue', 'target'].includes(error.field ?? '');
  return (
    <form
      className="schema-editor"
      onSubmit={save}
      aria-label={attribute ? `Edit the attribute ${attribute.name}` : 'New attribute'}
      data-testid="attribute-editor"
    >
      <header className="schema-editor-header">
        <span className="editor-swatch editor-swatch-attribute" aria-hidden="true">
          <Icon name="tag" size={18} />
        </span>
        <div className="schema-editor-title">
          <p className="schema-editor-kind">{attribute ? `${draft.target} attribute` : 'New attribute'}</p>
          <h2>{draft.name.trim() || (attribute ? attribute.name : 'Untitled')}</h2>
        </div>
      </header>

      {general && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-rows">
        <FormRow
          label="Applies to"
          error={messageFor(error, 'target')}
          hint={attribute ? 'An attribute stays with its kind of annotation; add a new one for another kind.' : null}
        >
          <div className="segmented" role="radiogroup" aria-label="Applies to">
            {ATTRIBUTE_TARGETS.map((target) => (
              <button
                key={target}
                type="button"
                role="radio"
                aria-checked={draft.target === target}
                className={draft.target === target ? 'is-selected' : ''}
                disabled={attribute !== null && attribute.target !== target}
                onClick={() => change({ target })}
              >
                {TARGET_LABEL[target]}
              </button>
            ))}
          </div>
        </FormRow>
        <FormRow label="Name" htmlFor={`${fieldId}-name`} error={messageFor(error, 'name')}>
          <input
            id={`${fieldId}-name`}
            className="text-input"
            value={draft.name}
            onChange={(e) => change({ name: e.target.value })}
            autoFocus={!attribute}
            maxLength={200}
            required
            data-testid="attribute-name"
          />
        </FormRow>
        <FormRow
          label="Values"
          htmlFor={`${fieldId}-value`}
          error={messageFor(error, 'values')}
          hint={draft.values.length === 0 ? 'No values: a flag that is on or off.' : 'Press Enter after each value.'}
        >
          <div className="values-field">
            {draft.values.map((value) => (
              <span key={value} className="value-chip" data-testid="value-chip">
                {value}
                <button type="button" aria-label={`Remove ${value}`} onClick={() => removeValue(value)}>
                  <Icon name="close" size={12} />
                </button>
              </span>
            ))}
            <input
              id={`${fieldId}-value`}
              className="values-input"
              value={newValue}
              placeholder={draft.values.length === 0 ? 'Add a value…' : 'Another…'}
              onChange={(e) => setNewValue(e.target.value)}
              onKeyDown={onValueKey}
              onBlur={addValue}
              maxLength={200}
              data-testid="attribute-value-input"
            />
          </div>
        </FormRow>
        <FormRow label="Default" htmlFor={`${fieldId}-default`} error={messageFor(error, 'defaultValue')}>
          <select
            id={`${fieldId}-default`}
            className="text-input select-input"
            value={draft.defaultValue ?? ''}
            onChange={(e) => change({ defaultValue: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">None</option>
            {choices.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </FormRow>
      </div>

      <footer className="schema-editor-footer">
        <Button type="submit" variant="primary" disabled={!canSave} data-testid="attribute-save">
          {attribute ? 'Save changes' : 'Add attribute'}
        </Button>
        {attribute ? (
          <Button onClick={() => setDraft(initial)} disabled={!dirty || saving}>
            Revert
          </Button>
        ) : (
          <Button onClick={onCancel}>Cancel</Button>
        )}
        {attribute && dirty && <span className="unsaved">Unsaved changes</span>}
        {attribute && (
          <Button
            variant="quiet"
            icon="trash"
            className="button-danger"
            onClick={onDelete}
            data-testid="attribute-delete"
          >
            Delete attribute
          </Button>
        )}
      </footer>
    </form>
  );
}
