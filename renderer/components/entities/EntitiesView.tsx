// The project's entities: every real-world person, organisation or place that mentions are
// linked to, searchable by name and alias, each with its mentions across all documents.
// Choosing a mention opens its document with the mention focused.

import { useEffect, useState } from 'react';
import type { CallOutputs } from '../../../common/contract';
import type { Entity } from '../../../common/model';
import { errorMessage } from '../../client';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useLabelSchema } from '../../hooks/useLabelSchema';
import { useClient } from '../ClientContext';
import { EmptyState } from '../EmptyState';
import { Icon } from '../Icon';
import '../SidePanel.css';
import './EntitiesView.css';

interface EntitiesViewProps {
  /** Bumped when annotations changed elsewhere, so the counts follow. */
  version: number;
  onOpenMention: (documentId: number, mentionId: number) => void;
}

type EntityMentions = CallOutputs['entities.mentions'];

const LIMIT = 500;

export function EntitiesView({ version, onOpenMention }: EntitiesViewProps) {
  const client = useClient();
  const { schema } = useLabelSchema();
  const [typed, setTyped] = useState('');
  const query = useDebouncedValue(typed, 150).trim();
  const [entities, setEntities] = useState<Entity[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [mentions, setMentions] = useState<EntityMentions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typeName = (id: number | null) => schema?.entityTypes.find((t) => t.id === id)?.name ?? null;

  useEffect(() => {
    let current = true;
    client.call('entities.list', { limit: LIMIT, ...(query ? { query } : {}) }).then(
      (list) => {
        if (!current) return;
        setEntities(list);
        setError(null);
        setSelected((id) => (id !== null && list.some((e) => e.id === id) ? id : (list[0]?.id ?? null)));
      },
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [client, query, version]);

  useEffect(() => {
    if (selected === null) return setMentions(null);
    let current = true;
    client.call('entities.mentions', { id: selected }).then(
      (list) => current && setMentions(list),
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [client, selected, version]);

  const entity = entities?.find((e) => e.id === selected) ?? null;
  const byDocument = groupByDocument(mentions ?? []);

  return (
    <div className="entities-view" data-testid="entities-view">
      <nav className="entities-list" aria-label="Entities">
        <div className="document-list-controls">
          <label className="search-field">
            <Icon name="search" />
            <span className="visually-hidden">Search entities</span>
            <input
              type="search"
              placeholder="Search names and aliases"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              spellCheck={false}
              autoComplete="off"
              data-testid="entities-search"
            />
          </label>
          <span className="document-count">
            {entities === null ? 'Loading…' : `${entities.length.toLocaleString()} entit${entities.length === 1 ? 'y' : 'ies'}`}
          </span>
        </div>
        {error && <p className="info-error entities-error">{error}</p>}
        <ul className="entities-items" role="listbox" aria-label="Entities">
          {entities?.map((e) => (
            <li
              key={e.id}
              role="option"
              aria-selected={e.id === selected}
              className={`entity-row mention-type-${e.typeId ?? 'none'}${e.id === selected ? ' is-open' : ''}`}
              onClick={() => setSelected(e.id)}
              data-testid="entity-row"
            >
              <span className="label-swatch" aria-hidden="true" />
              <span className="entity-row-name">{e.name}</span>
              <span className="entity-row-count">{e.mentionCount}</span>
            </li>
          ))}
        </ul>
      </nav>
      <main className="entity-detail">
        {entities?.length === 0 && !query ? (
          <EmptyState
            icon="entities"
            title="No entities yet"
            detail="Focus a mention in a document and link it to an entity in the side panel: its mentions across documents gather here."
          />
        ) : entity ? (
          <div className="entity-detail-inner" data-testid="entity-detail">
            <header className="entity-header">
              <h1 dir="auto">{entity.name}</h1>
              <p className="entity-facts">
                {[typeName(entity.typeId), `${entity.mentionCount} mention${entity.mentionCount === 1 ? '' : 's'}`, entity.externalId]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {entity.aliases.length > 0 && <p className="entity-aliases">Also: {entity.aliases.join(', ')}</p>}
            </header>
            {byDocument.map(([title, items]) => (
              <section key={items[0]!.mention.documentId} className="entity-document">
                <h2 className="info-heading">{title || 'Untitled'}</h2>
                <ul>
                  {items.map((item) => (
                    <li key={item.mention.id}>
                      <button
                        type="button"
                        className={`entity-mention mention-type-${item.mention.typeId ?? 'none'}`}
                        onClick={() => onOpenMention(item.mention.documentId, item.mention.id)}
                        data-testid="entity-mention"
                      >
                        <span className="entity-mention-text" dir="auto">
                          {item.text}
                        </span>
                        <span className="entity-mention-meta">
                          {typeName(item.mention.typeId) ?? 'Span'} · {item.mention.start}–{item.mention.end}
                        </span>
                        <Icon name="forward" size={14} />
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        ) : (
          <EmptyState icon="search" title="No entity matches." />
        )}
      </main>
    </div>
  );
}

function groupByDocument(mentions: EntityMentions): [string, EntityMentions][] {
  const groups = new Map<number, [string, EntityMentions]>();
  for (const item of mentions) {
    const group = groups.get(item.mention.documentId) ?? [item.documentTitle, []];
    group[1].push(item);
    groups.set(item.mention.documentId, group);
  }
  return [...groups.values()];
}
