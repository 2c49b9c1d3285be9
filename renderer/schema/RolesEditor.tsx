// The roles of an event type, edited in place: each role's name, whether it may be filled
// more than once, and the entity types it accepts (none chosen: any). Accepting is a
// guideline, not a lock: the editor warns about a filler of another type, never refuses.

import type { CSSProperties } from 'react';
import type { EntityType } from '../../common/model';
import { Button } from '../components/Button';
import { Icon } from '../components/Icon';
import type { SaveError } from './saveError';
import './RolesEditor.css';

/** A role as the form holds it; `key` tells rows apart before a new role has an id. */
export interface RoleDraft {
  key: string;
  id?: number;
  name: string;
  accepts: number[];
  repeatable: boolean;
}

interface RolesEditorProps {
  roles: RoleDraft[];
  entityTypes: readonly EntityType[];
  onChange: (roles: RoleDraft[]) => void;
  error: SaveError | null;
}

export function RolesEditor({ roles, entityTypes, onChange, error }: RolesEditorProps) {
  const update = (key: string, change: Partial<RoleDraft>) =>
    onChange(roles.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const toggle = (role: RoleDraft, typeId: number) =>
    update(role.key, {
      accepts: role.accepts.includes(typeId) ? role.accepts.filter((id) => id !== typeId) : [...role.accepts, typeId],
    });
  const add = () =>
    onChange([...roles, { key: `new-${Date.now()}-${roles.length}`, name: '', accepts: [], repeatable: false }]);
  // The services name a role's field as roles.<index>.<field>.
  const errorAt = (index: number) => (error?.field?.startsWith(`roles.${index}.`) ? error.message : null);

  return (
    <div className="roles" data-testid="roles-editor">
      {roles.length === 0 && <p className="field-hint">No roles yet: this event has a trigger and nothing else.</p>}
      {roles.map((role, index) => {
        const message = errorAt(index);
        return (
          <div key={role.key} className={`role${message ? ' is-invalid' : ''}`} data-testid="role-row">
            <div className="role-head">
              <input
                className="text-input role-name"
                value={role.name}
                placeholder="Role name, e.g. Attacker"
                aria-label={`Name of role ${index + 1}`}
                onChange={(e) => update(role.key, { name: e.target.value })}
                data-testid="role-name"
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={role.repeatable}
                  onChange={(e) => update(role.key, { repeatable: e.target.checked })}
                  data-testid="role-repeatable"
                />
                Repeatable
              </label>
              <Button
                variant="quiet"
                icon="close"
                aria-label={`Remove role ${role.name || index + 1}`}
                title="Remove this role"
                onClick={() => onChange(roles.filter((r) => r.key !== role.key))}
              />
            </div>
            <div className="role-accepts" role="group" aria-label={`Entity types ${role.name || 'the role'} accepts`}>
              <span className="role-accepts-label">{role.accepts.length === 0 ? 'Accepts any type' : 'Accepts'}</span>
              {entityTypes.map((type) => {
                const on = role.accepts.includes(type.id);
                return (
                  <button
                    key={type.id}
                    type="button"
                    className={`type-chip${on ? ' is-on' : ''}`}
                    aria-pressed={on}
                    onClick={() => toggle(role, type.id)}
                    // The chip's tint is the type's colour, set through CSSOM (allowed by the CSP).
                    style={{ '--label-color': type.color } as CSSProperties}
                  >
                    <span className="type-chip-dot" aria-hidden="true" />
                    {type.name}
                  </button>
                );
              })}
            </div>
            {message && (
              <p className="field-error" role="alert">
                <Icon name="alert" size={14} />
                {message}
              </p>
            )}
          </div>
        );
      })}
      <Button variant="quiet" icon="plus" className="roles-add" onClick={add} data-testid="role-add">
        Add role
      </Button>
    </div>
  );
}
