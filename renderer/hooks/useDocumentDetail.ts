// The open document, fetched with documents.get and fetched again whenever the services
// say it changed ('document.changed': an undo, an import, another window).

import { useCallback, useEffect, useState } from 'react';
import type { DocumentDetail } from '../../common/model';
import { errorMessage } from '../client';
import { useClient } from '../components/ClientContext';

export interface DocumentDetailHandle {
  /** The document with the requested id, or null while it loads (or failed). */
  detail: DocumentDetail | null;
  error: string | null;
  /// Replaces the loaded document after a call answered with a newer state of it.
  update: (change: (detail: DocumentDetail) => DocumentDetail) => void;
  /// Fetches the document again (after a change whose full effect only the services know,
  /// such as a deletion that took dependent annotations along).
  reload: () => Promise<void>;
}

export function useDocumentDetail(documentId: number | null): DocumentDetailHandle {
  const client = useClient();
  const [loaded, setLoaded] = useState<{ id: number; detail: DocumentDetail | null; error: string | null } | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (documentId === null) return;
    let current = true;
    client.call('documents.get', { id: documentId }).then(
      (detail) => current && setLoaded({ id: documentId, detail, error: null }),
      (error: unknown) => current && setLoaded({ id: documentId, detail: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, documentId, generation]);

  useEffect(() => {
    if (documentId === null) return;
    return client.on('document.changed', ({ documentId: changed }) => {
      if (changed === documentId) setGeneration((g) => g + 1);
    });
  }, [client, documentId]);

  const update = useCallback((change: (detail: DocumentDetail) => DocumentDetail) => {
    setLoaded((state) => (state?.detail ? { ...state, detail: change(state.detail) } : state));
  }, []);

  const reload = useCallback(async () => {
    if (documentId === null) return;
    const detail = await client.call('documents.get', { id: documentId });
    setLoaded((state) => (state?.id === documentId ? { id: documentId, detail, error: null } : state));
  }, [client, documentId]);

  const mine = loaded !== null && loaded.id === documentId ? loaded : null;
  return { detail: mine?.detail ?? null, error: mine?.error ?? null, update, reload };
}
