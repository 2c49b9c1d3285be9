// React side of the document page cache: a fresh cache per project and filter, loading
// on demand, and a re-render whenever a page arrives.

import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { DocumentStatus } from '../../common/model';
import { errorMessage } from '../client';
import { useClient } from '../components/ClientContext';
import { DocumentPages, PAGE_SIZE } from './documentPages';

export interface DocumentListFilter {
  /** The project's path: a new project is a new list. */
  project: string;
  query: string;
  status: DocumentStatus | null;
}

export interface DocumentPagesHandle {
  pages: DocumentPages;
  /// Fetches what is missing for rows first..last (inclusive).
  load: (first: number, last: number) => void;
}

export function useDocumentPages(filter: DocumentListFilter, version: number): DocumentPagesHandle {
  const client = useClient();
  const { project, query, status } = filter;
  // A new cache whenever the list means something else; the old one's late answers land
  // in the old object and are dropped with it.
  const pages = useMemo(() => new DocumentPages(), [project, query, status]);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const load = useCallback(
    (first: number, last: number) => {
      for (const page of pages.claim(first, last, version)) {
        const input = {
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
          ...(query.trim() ? { query: query.trim() } : {}),
          ...(status ? { status } : {}),
        };
        client.call('documents.list', input).then(
          (answer) => {
            if (pages.put(page, version, answer)) rerender();
          },
          (error: unknown) => {
            pages.fail(page, errorMessage(error));
            rerender();
          },
        );
      }
    },
    [client, pages, version, query, status],
  );

  // The first page gives the total, which the virtualiser needs before anything scrolls.
  useEffect(() => load(0, 0), [load]);

  return { pages, load };
}
