// A mention's link to a real-world entity of the project: the entity it is linked to, or a
// search over entities by name and alias with the mention's text as the first query, and
// "create" for an entity not in the project yet. "the embassy" and "US embassy" become one
// entity by linking both to it.

import { useEffect, useState } from 'react';
import type { Entity, EntityType, Mention } from '../../../common/model';
import { errorMessage } from '../../client';
import { useClient } from '../ClientContext';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { Icon } from '../Icon';

interface EntityLinkerProps {
  mention: Mention;
  /** The mention's text: the first search, and the name of an entity created from it. */
  text: string;
  linked: Entity | null;
  entityTypes: readonly EntityType[];
  onLink: (entity: Entity | null) => void;
  onCreate: (name: string) => void;
}

const SHOWN = 6;

export function EntityLinker({ mention, text, linked, entityTypes, onLink, onCreate }: EntityLinkerProps) {
  const client = useClient();
  const [query, setQuery] = useState(text);
  const settled = useDebouncedValue(query, 150).trim();
  const [found, setFound] = useState<Entity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typeName = (id: number | null) => entityTypes.find((t) => t.id === id)?.name ?? null;

  useEffect(() => setQuery(text), [mention.id, text]);

  useEffect(() => {
    if (linked) return;
    let current = true;
    client.call('entities.list', { query: settled, limit: SHOWN }).then(
      (entities) => {
        if (!current) return;
        setFound(entities);
        setError(null);
      },
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [client, settled, linked]);

  if (linked) {
    return (
      <div className="entity-linked" data-testid="entity-linked">
        <span className="entity-chip">
          <Icon name="link" size={14} />
          <span className="entity-chip-name">{linked.name}</span>
          {typeName(linked.typeId) && <span className="entity-chip-type">{typeName(linked.typeId)}</span>}
        </span>
        <span className="entity-count">
          {linked.mentionCount} mention{linked.mentionCount === 1 ? '' : 's'} in the project
        </span>
        <button type="button" className="link-button" onClick={() => onLink(null)} data-testid="entity-unlink">
          Unlink
        </button>
      </div>
    );
  }

  const exact = found?.some((e) => e.name.toLowerCase() === query.trim().toLowerCase());
  return (
    <div className="entity-linker">
      <label className="search-field compact">
        <Icon name="search" />
        <span className="visually-hidden">Search entities</span>
        <input
          type="search"
          value={query}
          placeholder="Search entities by name or alias"
          onChange={(event) => setQuery(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          data-testid="entity-search"
        />
      </label>
      {error && <p className="info-error">{error}</p>}
      <ul className="entity-results" data-testid="entity-results">
        {found?.map((entity) => (
          <li key={entity.id}>
            <button type="button" className="entity-result" onClick={() => onLink(entity)} data-testid="entity-result">
              <span className="entity-result-name">{entity.name}</span>
              <span className="entity-result-meta">
                {[typeName(entity.typeId), `${entity.mentionCount} mention${entity.mentionCount === 1 ? '' : 's'}`]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {entity.aliases.length > 0 && <span className="entity-result-aliases">also {entity.aliases.join(', ')}</span>}
            </button>
          </li>
        ))}
        {found?.length === 0 && <li className="inspector-empty">No entity matches.</li>}
      </ul>
      {query.trim() && !exact && (
        <button type="button" className="entity-create" onClick={() => onCreate(query.trim())} data-testid="entity-create">
          <Icon name="plus" size={14} />
          <span>Create entity “{shorten(query.trim())}”</span>
        </button>
      )}
    </div>
  );
}

function shorten(name: string): string {
  return name.length > 32 ? `${name.slice(0, 30)}…` : name;
}
