// The open document: its text in the centre, its details on the right. Builds the
// article document once per text and shares it between the editor (positions) and the
// panel (lengths).

import { useMemo, useState } from 'react';
import type { DocumentStatus } from '../../common/model';
import { errorMessage } from '../client';
import type { ArticleDocument } from '../editor/articleDocument';
import { buildArticleDocument } from '../editor/articleDocument';
import { ArticleEditor } from '../editor/ArticleEditor';
import { useDocumentDetail } from '../hooks/useDocumentDetail';
import { useClient } from './ClientContext';
import { DocumentInfoPanel } from './DocumentInfoPanel';
import { EmptyState } from './EmptyState';
import { StatusBadge } from './StatusBadge';
import './DocumentPane.css';

interface DocumentPaneProps {
  documentId: number;
  /** Called after the document's summary changed here (status), for the list to follow. */
  onSummaryChange: () => void;
}

export function DocumentPane({ documentId, onSummaryChange }: DocumentPaneProps) {
  const client = useClient();
  const { detail, error, update } = useDocumentDetail(documentId);
  const [saving, setSaving] = useState(false);
  const [statusError, setStatusError] = useState<string | null>(null);

  const id = detail?.id;
  const text = detail?.text;
  const blocks = detail?.blocks;
  // Keyed on the text only: blocks never change without it, and a refetch of the same
  // article (new mentions) must keep the same document and editor view.
  const article = useMemo((): ArticleDocument | Error | null => {
    if (text === undefined || blocks === undefined) return null;
    try {
      return buildArticleDocument(text, blocks);
    } catch (buildError) {
      return buildError instanceof Error ? buildError : new Error(String(buildError));
    }
  }, [id, text]);

  async function changeStatus(status: DocumentStatus) {
    setSaving(true);
    setStatusError(null);
    try {
      const summary = await client.call('documents.setStatus', { id: documentId, status });
      update((d) => (d.id === summary.id ? { ...d, status: summary.status } : d));
      onSummaryChange();
    } catch (saveError) {
      setStatusError(errorMessage(saveError));
    } finally {
      setSaving(false);
    }
  }

  if (error) {
    return (
      <>
        <main className="document-pane">
          <EmptyState icon="alert" title="This document could not be opened." detail={error} />
        </main>
        <aside className="info-panel-placeholder" />
      </>
    );
  }
  if (!detail || article === null) {
    return (
      <>
        <main className="document-pane" aria-busy="true" />
        <aside className="info-panel-placeholder" />
      </>
    );
  }

  return (
    <>
      <main className="document-pane" data-testid="document-pane" data-document-id={detail.id}>
        <header className="document-header">
          <h1 className="document-header-title" dir="auto" data-testid="document-title">
            {detail.title || 'Untitled'}
          </h1>
          <StatusBadge status={detail.status} />
        </header>
        <div className="document-scroll">
          {article instanceof Error ? (
            <EmptyState
              icon="alert"
              title="The text of this document cannot be shown."
              detail={`Its paragraph boundaries do not fit the text: ${article.message}`}
            />
          ) : (
            <ArticleEditor key={detail.id} article={article} mentions={detail.mentions} />
          )}
        </div>
      </main>
      <DocumentInfoPanel
        detail={detail}
        characters={article instanceof Error ? 0 : article.map.codePointLength}
        savingStatus={saving}
        statusError={statusError}
        onStatusChange={changeStatus}
      />
    </>
  );
}
