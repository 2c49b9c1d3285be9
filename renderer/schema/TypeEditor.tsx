// The form for one entity, event or relation type: name, colour, key, description and,
// for an event type, its roles. Nothing is written until Save; a refused save shows its
// message under the field it is about. Renaming keeps every annotation, which refers to
// the type by id.

import type { CSSProperties, FormEvent } from 'react';
import { useId, useState } from 'react';
import type { EntityType, EventType, LabelSchema, RelationType } from '../../common/model';
import { unusedColor } from '../../core/labelPalette';
import { Button } from '../components/Button';
import { useClient } from '../components/ClientContext';
import { ColorField } from './ColorField';
import { FormRow } from './FormRow';
import { HotkeyField } from './HotkeyField';
import type { RoleDraft } from './RolesEditor';
import { RolesEditor } from './RolesEditor';
import type { SaveError } from './saveError';
import { messageFor, saveError } from './saveError';
import type { TypeKind } from './schemaSelection';
import { KIND_NOUN, KIND_PALETTE, typesOf } from './schemaSelection';
import './SchemaForm.css';
import './TypeEditor.css';

type AnyType = EntityType | EventType | RelationType;

interface TypeEditorProps {
  kind: TypeKind;
  /** null: a new type. */
  type: AnyType | null;
  schema: LabelSchema;
  /** Annotations of this type in the project, for the header; null while unknown. */
  usage: number | null;
  onSaved: (id: number, what: string) => void;
  onDelete: () => void;
  onCancel: () => void;
}

interface Draft {
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
  roles: RoleDraft[];
}

const USAGE_NOUN: Record<TypeKind, [string, string]> = {
  entityType: ['mention', 'mentions'],
  eventType: ['event', 'events'],
  relationType: ['relation', 'relations'],
};

export function TypeEditor({ kind, type, schema, usage, onSaved, onDelete, onCancel }: TypeEditorProps) {
  const client = useClient();
  const fieldId = useId();
  const others = typesOf(schema, kind).filter((t) => t.id !== type?.id);
  const [initial] = useState<Draft>(() => {
    const colors = [...schema.entityTypes, ...schema.eventTypes, ...schema.relationTypes].map((t) => t.color);
    return draftOf(type, colors, kind);
  });
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<SaveError | null>(null);
  const [saving, setSaving] = useState(false);
  const noun = KIND_NOUN[kind];
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  // A new one can be added once it has a name; a stored one saved once something changed.
  const canSave = !saving && (type ? dirty : draft.name.trim() !== '');
  const change = (part: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...part }));
    setError(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    const base = {
      ...(type ? { id: type.id } : {}),
      name: draft.name,
      color: draft.color,
      hotkey: draft.hotkey,
      description: draft.description,
    };
    try {
      let saved: AnyType;
      if (kind === 'eventType') {
        const roles = draft.roles.map(({ id, name, accepts, repeatable }) => ({
          ...(id === undefined ? {} : { id }),
          name,
          accepts,
          repeatable,
        }));
        saved = await client.call('schema.saveEventType', { ...base, roles });
      } else if (kind === 'entityType') {
        saved = await client.call('schema.saveEntityType', base);
      } else {
        saved = await client.call('schema.saveRelationType', base);
      }
      let what = `Saved the ${noun} ${saved.name}`;
      if (!type) what = `Added the ${noun} ${saved.name}`;
      else if (type.name !== saved.name) what = `Renamed the ${noun} ${type.name} to ${saved.name}`;
      onSaved(saved.id, what);
    } catch (caught) {
      setError(saveError(caught));
      setSaving(false);
    }
  };

  const [one, many] = USAGE_NOUN[kind];
  // A message no field shows goes above the form.
  const onField = (field: string | null) =>
    field !== null && (['name', 'hotkey', 'color', 'description'].includes(field) || field.startsWith('roles.'));
  const general = error && !onField(error.field);
  return (
    <form
      className="schema-editor"
      onSubmit={save}
      aria-label={type ? `Edit the ${noun} ${type.name}` : `New ${noun}`}
      data-testid="type-editor"
      style={{ '--label-color': draft.color } as CSSProperties}
    >
      <header className="schema-editor-header">
        <span className="editor-swatch" aria-hidden="true" />
        <div className="schema-editor-title">
          <p className="schema-editor-kind">{type ? noun : `New ${noun}`}</p>
          <h2>{draft.name.trim() || (type ? type.name : 'Untitled')}</h2>
        </div>
        {type && usage !== null && (
          <span className="usage-badge" data-testid="usage">
            {usage === 0 ? 'Not used yet' : `${usage.toLocaleString()} ${usage === 1 ? one : many}`}
          </span>
        )}
      </header>

      <Preview kind={kind} name={draft.name.trim() || 'Label'} />

      {general && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-rows">
        <FormRow label="Name" htmlFor={`${fieldId}-name`} error={messageFor(error, 'name')}>
          <input
            id={`${fieldId}-name`}
            className="text-input"
            value={draft.name}
            onChange={(e) => change({ name: e.target.value })}
            autoFocus={!type}
            maxLength={200}
            required
            data-testid="type-name"
          />
        </FormRow>
        <FormRow label="Colour" error={messageFor(error, 'color')}>
          <ColorField
            kind={KIND_PALETTE[kind]}
            value={draft.color}
            onChange={(color) => change({ color })}
            taken={others.map((t) => t.color)}
          />
        </FormRow>
        <FormRow label="Key" htmlFor={`${fieldId}-key`}>
          <HotkeyField
            id={`${fieldId}-key`}
            value={draft.hotkey}
            onChange={(hotkey) => change({ hotkey })}
            schema={schema}
            self={{ kind, id: type?.id ?? null }}
            error={messageFor(error, 'hotkey')}
          />
        </FormRow>
        <FormRow label="Description" htmlFor={`${fieldId}-description`} error={messageFor(error, 'description')}>
          <textarea
            id={`${fieldId}-description`}
            className="text-input"
            rows={2}
            value={draft.description}
            placeholder="What counts as this label, with an example or two."
            onChange={(e) => change({ description: e.target.value })}
            maxLength={2000}
          />
        </FormRow>
        {kind === 'eventType' && (
          <FormRow label="Roles">
            <RolesEditor
              roles={draft.roles}
              entityTypes={schema.entityTypes}
              onChange={(roles) => change({ roles })}
              error={error}
            />
          </FormRow>
        )}
      </div>

      <footer className="schema-editor-footer">
        <Button type="submit" variant="primary" disabled={!canSave} data-testid="type-save">
          {type ? 'Save changes' : `Add ${noun}`}
        </Button>
        {type ? (
          <Button onClick={() => setDraft(initial)} disabled={!dirty || saving}>
            Revert
          </Button>
        ) : (
          <Button onClick={onCancel}>Cancel</Button>
        )}
        {type && dirty && <span className="unsaved">Unsaved changes</span>}
        {type && (
          <Button variant="quiet" icon="trash" className="button-danger" onClick={onDelete} data-testid="type-delete">
            Delete {noun}
          </Button>
        )}
      </footer>
    </form>
  );
}

// How a label of the kind looks in an article: entity and event types as the highlight
// the editor draws, relation types as a line between two mentions.
function Preview({ kind, name }: { kind: TypeKind; name: string }) {
  return (
    <div className="label-preview" aria-hidden="true">
      {kind === 'entityType' && (
        <p>
          Militants fired rockets at <span className="preview-mention">the US embassy</span>
          <span className="preview-tag">{name}</span> late on Tuesday.
        </p>
      )}
      {kind === 'eventType' && (
        <p>
          Unidentified militants <span className="preview-trigger">fired</span>
          <span className="preview-tag">{name}</span> three rockets.
        </p>
      )}
      {kind === 'relationType' && (
        <p className="preview-relation">
          <span className="preview-end">Laura Whitfield</span>
          <span className="preview-arrow">
            <span className="preview-tag">{name}</span>
          </span>
          <span className="preview-end">US embassy</span>
        </p>
      )}
    </div>
  );
}

function draftOf(type: AnyType | null, takenColors: string[], kind: TypeKind): Draft {
  if (!type) {
    const color = unusedColor(KIND_PALETTE[kind], takenColors);
    return { name: '', color, hotkey: null, description: '', roles: [] };
  }
  const roles = 'roles' in type ? type.roles.map((r) => ({ key: `role-${r.id}`, ...r })) : [];
  return { name: type.name, color: type.color, hotkey: type.hotkey, description: type.description, roles };
}
