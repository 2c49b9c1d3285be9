// The schema at a glance: every entity, event and relation type with its colour, key and
// how much it is used, then the attributes, each group with its own "add" button. Up and
// Down move through the whole list, as in the document list.

import type { CSSProperties, KeyboardEvent } from 'react';
import type { AttributeDef, LabelSchema } from '../../common/model';
import { Button } from '../components/Button';
import type { SchemaKind, SchemaSelection, TypeKind } from './schemaSelection';
import { KIND_NOUN, typesOf } from './schemaSelection';

interface SchemaListProps {
  schema: LabelSchema;
  /** Annotations per label name (project.stats), null while unknown. */
  usage: Record<string, number> | null;
  selection: SchemaSelection | null;
  onSelect: (selection: SchemaSelection) => void;
}

const TYPE_GROUPS: { kind: TypeKind; title: string }[] = [
  { kind: 'entityType', title: 'Entity types' },
  { kind: 'eventType', title: 'Event types' },
  { kind: 'relationType', title: 'Relation types' },
];

export function SchemaList({ schema, usage, selection, onSelect }: SchemaListProps) {
  const isSelected = (kind: SchemaKind, id: number) => selection?.kind === kind && selection.id === id;

  // Moves the focus (and the selection with it) to the row above or below.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const rows = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.schema-row')];
    const at = rows.indexOf(document.activeElement as HTMLButtonElement);
    const next = rows[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (at < 0 || !next) return;
    event.preventDefault();
    next.focus();
    next.click();
  };

  return (
    <nav className="schema-list" aria-label="Label schema" onKeyDown={onKeyDown} data-testid="schema-list">
      {TYPE_GROUPS.map(({ kind, title }) => {
        const types = typesOf(schema, kind);
        return (
          <section key={kind} className="schema-group" aria-label={title}>
            <GroupHeader
              title={title}
              count={types.length}
              onAdd={() => onSelect({ kind, id: null })}
              noun={KIND_NOUN[kind]}
            />
            {types.length === 0 && <p className="schema-group-empty">None yet.</p>}
            {types.map((type) => (
              <button
                key={type.id}
                type="button"
                className={`schema-row${isSelected(kind, type.id) ? ' is-selected' : ''}`}
                aria-current={isSelected(kind, type.id) ? 'true' : undefined}
                onClick={() => onSelect({ kind, id: type.id })}
                data-testid="schema-row"
                data-kind={kind}
                data-name={type.name}
                // The swatch colour, set through CSSOM (allowed by the CSP).
                style={{ '--label-color': type.color } as CSSProperties}
              >
                <span className={`schema-row-swatch swatch-${kind}`} aria-hidden="true" />
                <span className="schema-row-name" title={type.name}>
                  {type.name}
                </span>
                {'roles' in type && <span className="schema-row-meta">{rolesSummary(type.roles.length)}</span>}
                {usage && (usage[type.name] ?? 0) > 0 && (
                  <span className="schema-row-count" title="Annotations with this label">
                    {(usage[type.name] ?? 0).toLocaleString()}
                  </span>
                )}
                {type.hotkey && <kbd className="schema-row-key">{type.hotkey.toUpperCase()}</kbd>}
              </button>
            ))}
          </section>
        );
      })}
      <section className="schema-group" aria-label="Attributes">
        <GroupHeader
          title="Attributes"
          count={schema.attributes.length}
          onAdd={() => onSelect({ kind: 'attribute', id: null })}
          noun="attribute"
        />
        {schema.attributes.map((attribute) => (
          <button
            key={attribute.id}
            type="button"
            className={`schema-row${isSelected('attribute', attribute.id) ? ' is-selected' : ''}`}
            aria-current={isSelected('attribute', attribute.id) ? 'true' : undefined}
            onClick={() => onSelect({ kind: 'attribute', id: attribute.id })}
            data-testid="schema-row"
            data-kind="attribute"
            data-name={attribute.name}
          >
            <span className="schema-row-target">{attribute.target}</span>
            <span className="schema-row-name" title={attribute.name}>
              {attribute.name}
            </span>
            <span className="schema-row-meta">{valuesSummary(attribute)}</span>
          </button>
        ))}
      </section>
    </nav>
  );
}

function GroupHeader({ title, count, noun, onAdd }: { title: string; count: number; noun: string; onAdd: () => void }) {
  return (
    <header className="schema-group-header">
      <h3>
        {title} <span className="schema-group-count">{count}</span>
      </h3>
      <Button
        variant="quiet"
        icon="plus"
        className="schema-group-add"
        onClick={onAdd}
        aria-label={`Add ${noun}`}
        title={`Add ${noun}`}
        data-testid={`add-${noun.replace(' ', '-')}`}
      />
    </header>
  );
}

function rolesSummary(count: number): string {
  return count === 1 ? '1 role' : `${count} roles`;
}

function valuesSummary(attribute: AttributeDef): string {
  return attribute.values.length === 0 ? 'flag' : attribute.values.join(' · ');
}
