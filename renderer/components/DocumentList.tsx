// The project's documents: a search box, a status filter and a virtualised list that
// stays smooth at 100,000 rows. Only the rows on screen exist in the DOM, and only the
// pages they fall in are fetched (see documentPages.ts). Keyboard: ↑/↓ (PageUp/PageDown,
// Home/End) move, Enter opens; ↓ in the search box moves into the list.

import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DocumentStatus } from '../../common/model';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useDocumentPages } from '../list/useDocumentPages';
import { useClient } from './ClientContext';
import { DocumentRow } from './DocumentRow';
import { Icon } from './Icon';
import { STATUS_LABELS, STATUS_ORDER } from './statusLabels';
import './DocumentList.css';

interface DocumentListProps {
  project: string;
  /** Bumped when documents changed: loaded rows are refetched as they show. */
  version: number;
  openId: number | null;
  onOpen: (documentId: number) => void;
  /** Filled with the list's navigator: previous / next document in the list as shown. */
  navigator?: RefObject<ListNavigator | null>;
}

/** Moves through the list as it is filtered and ordered on screen. */
export interface ListNavigator {
  /// The id of the document `step` rows after (before) `documentId`; null at either end
  /// or when `documentId` is not in the list.
  neighbour(documentId: number, step: 1 | -1): Promise<number | null>;
}

const ROW_HEIGHT = 64;
const ROW_HEIGHT_WITH_SNIPPET = 108;
const SEARCH_DELAY_MS = 200;
// Rows drawn while the total is unknown, so the first paint already has the list's shape.
const LOADING_ROWS = 8;

export function DocumentList({ project, version, openId, onOpen, navigator }: DocumentListProps) {
  const client = useClient();
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<DocumentStatus | null>(null);
  const query = useDebouncedValue(typed, SEARCH_DELAY_MS).trim();
  const { pages, load } = useDocumentPages({ project, query, status }, version);
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const rowIdPrefix = useId();

  const total = pages.total;
  const rowHeight = query ? ROW_HEIGHT_WITH_SNIPPET : ROW_HEIGHT;
  const virtualizer = useVirtualizer({
    count: total ?? LOADING_ROWS,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });

  // Every row has the same height in a given mode; tell the virtualiser when it changes.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  // A new filter is a new list: start at its top.
  useEffect(() => {
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [pages]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total === null) return;
    // A short pause so dragging the scrollbar across 100,000 rows asks only for where it
    // stops, not for every page it passes.
    const timer = setTimeout(() => load(first, last), 40);
    return () => clearTimeout(timer);
  }, [first, last, load, total]);

  // A document opened from elsewhere (next / previous, the entities view) becomes the
  // list's active row, scrolled into sight.
  useEffect(() => {
    const index = openId === null ? -1 : pages.indexOf(openId);
    if (index < 0) return;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [openId, pages, virtualizer]);

  useEffect(() => {
    if (!navigator) return;
    navigator.current = {
      async neighbour(documentId, step) {
        const index = pages.indexOf(documentId);
        const target = index + step;
        if (index < 0 || target < 0 || pages.total === null || target >= pages.total) return null;
        const loaded = pages.item(target);
        if (loaded) return loaded.id;
        const answer = await client.call('documents.list', {
          offset: target,
          limit: 1,
          ...(query ? { query } : {}),
          ...(status ? { status } : {}),
        });
        return answer.items[0]?.id ?? null;
      },
    };
  }, [navigator, pages, client, query, status]);

  function move(to: number) {
    if (!total) return;
    const next = Math.min(Math.max(to, 0), total - 1);
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onListKeyDown(event: KeyboardEvent) {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => (active === 0 ? searchRef.current?.focus() : move(active - 1)),
      PageDown: () => move(active + pageRows),
      PageUp: () => move(active - pageRows),
      Home: () => move(0),
      End: () => move((total ?? 1) - 1),
      Enter: () => {
        const document = pages.item(active);
        if (document) onOpen(document.id);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  function onSearchKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && total)) {
      event.preventDefault();
      scrollRef.current?.focus();
      if (event.key === 'Enter') {
        const document = pages.item(active);
        if (document) onOpen(document.id);
      }
    } else if (event.key === 'Escape' && typed) {
      event.preventDefault();
      setTyped('');
    }
  }

  const searching = typed.trim() !== query;
  const empty = total === 0;

  return (
    <nav className="document-list" aria-label="Documents">
      <div className="document-list-controls">
        <label className="search-field">
          <Icon name="search" />
          <span className="visually-hidden">Search documents</span>
          <input
            ref={searchRef}
            type="search"
            placeholder="Search titles and text"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={onSearchKeyDown}
            data-testid="document-search"
            spellCheck={false}
            autoComplete="off"
          />
        </label>
        <div className="document-list-summary">
          <span className="document-count" data-testid="document-count" aria-live="polite">
            {listSummary(total, query, searching)}
          </span>
          <label className="status-filter">
            <span className="visually-hidden">Filter by status</span>
            <select
              value={status ?? ''}
              onChange={(event) => setStatus((event.target.value || null) as DocumentStatus | null)}
              data-testid="status-filter"
            >
              <option value="">All statuses</option>
              {STATUS_ORDER.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {pages.error && total === null ? (
        <div className="document-list-empty" role="alert">
          <Icon name="alert" size={20} />
          <p>The documents could not be loaded.</p>
          <p className="muted">{pages.error}</p>
        </div>
      ) : empty ? (
        <div className="document-list-empty" data-testid="document-list-empty">
          <Icon name={query || status ? 'search' : 'file'} size={20} />
          {query || status ? (
            <>
              <p>No documents match.</p>
              <p className="muted">Try other words, or another status.</p>
            </>
          ) : (
            <>
              <p>No documents yet.</p>
              <p className="muted">Imported articles will be listed here.</p>
            </>
          )}
        </div>
      ) : (
        <div
          ref={scrollRef}
          className="document-list-scroll"
          role="listbox"
          tabIndex={0}
          aria-label="Documents"
          aria-busy={total === null}
          aria-activedescendant={total ? `${rowIdPrefix}-${active}` : undefined}
          onKeyDown={onListKeyDown}
          data-testid="document-list"
        >
          <div className="document-list-inner" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const document = total === null ? undefined : pages.item(item.index);
              return (
                <div
                  key={item.key}
                  className="document-list-slot"
                  // React sets these through CSSOM (allowed by the CSP), not a style attribute.
                  style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                >
                  <DocumentRow
                    id={`${rowIdPrefix}-${item.index}`}
                    document={document}
                    active={item.index === active}
                    open={document !== undefined && document.id === openId}
                    onOpen={() => {
                      setActive(item.index);
                      if (document) onOpen(document.id);
                    }}
                  />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </nav>
  );
}

function listSummary(total: number | null, query: string, searching: boolean): string {
  if (total === null || searching) return query || searching ? 'Searching…' : 'Loading…';
  const count = `${total.toLocaleString()} document${total === 1 ? '' : 's'}`;
  return query ? `${total.toLocaleString()} match${total === 1 ? '' : 'es'}` : count;
}
