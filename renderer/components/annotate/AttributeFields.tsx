// The attributes the schema defines for a kind of annotation (mention, event), as form
// fields: a list of values becomes a select, a flag a checkbox. A change sends the whole
// set, because an update replaces the attributes as a whole (mentions.update, events.update).

import type { AttributeDef, AttributeValues } from '../../../common/model';

interface AttributeFieldsProps {
  definitions: readonly AttributeDef[];
  values: AttributeValues;
  disabled?: boolean;
  onChange: (values: AttributeValues) => void;
}

export function AttributeFields({ definitions, values, disabled, onChange }: AttributeFieldsProps) {
  if (definitions.length === 0) return <p className="inspector-empty">No attributes are defined for these.</p>;
  const set = (name: string, value: string | boolean | null) => {
    const next = { ...values };
    if (value === null) delete next[name];
    else next[name] = value;
    onChange(next);
  };
  return (
    <div className="attribute-fields">
      {definitions.map((definition) => {
        const value = values[definition.name];
        const id = `attribute-${definition.target}-${definition.id}`;
        if (definition.values.length === 0) {
          return (
            <label key={definition.id} className="attribute-flag" htmlFor={id}>
              <input id={id} type="checkbox" checked={value === true} disabled={disabled} onChange={(e) => set(definition.name, e.target.checked)} />
              {definition.name}
            </label>
          );
        }
        return (
          <label key={definition.id} className="attribute-field" htmlFor={id}>
            <span className="attribute-name">{definition.name}</span>
            <select
              id={id}
              className="inspector-select"
              value={typeof value === 'string' ? value : ''}
              disabled={disabled}
              onChange={(e) => set(definition.name, e.target.value || null)}
              data-testid={`attribute-${definition.name}`}
            >
              <option value="">—</option>
              {definition.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </div>
  );
}
