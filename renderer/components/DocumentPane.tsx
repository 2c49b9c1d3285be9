// The open document: its text in the centre, with the annotation editor over it, and the
// side panel (the focused annotation, else the document's details). Builds the article
// document once per text and shares it between the editor (positions) and the panel
// (lengths, mention texts). Owns the document's keys (useShortcuts), its actions
// (useAnnotationActions) and the small overlays: the label picker, the `?` list, toasts.

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { DocumentStatus, LabelSchema, Mention } from '../../common/model';
import { editorCommands } from '../annotate/editorCommands';
import { useAnnotationActions } from '../annotate/useAnnotationActions';
import { useSnapMode } from '../annotate/useSnapMode';
import { useClient } from './ClientContext';
import type { AnnotationData } from '../editor/annotationLinks';
import type { AnnotationsState } from '../editor/annotationsPlugin';
import { FocusOverlay } from '../editor/FocusOverlay';
import type { ArticleDocument } from '../editor/articleDocument';
import { buildArticleDocument } from '../editor/articleDocument';
import { ArticleEditor } from '../editor/ArticleEditor';
import { spanText } from '../editor/selectionSpan';
import { useDocumentDetail } from '../hooks/useDocumentDetail';
import { useLabelSchema } from '../hooks/useLabelSchema';
import type { CommandId } from '../shortcuts/keymap';
import { labelBindings } from '../shortcuts/keymap';
import { ShortcutOverlay } from '../shortcuts/ShortcutOverlay';
import { useShortcuts } from '../shortcuts/useShortcuts';
import { InspectorPanel } from './annotate/InspectorPanel';
import { DocumentInfoPanel } from './DocumentInfoPanel';
import { DocumentToolbar } from './DocumentToolbar';
import { EmptyState } from './EmptyState';
import { PickingBanner } from './annotate/PickingBanner';
import { StatusBadge } from './StatusBadge';
import { ToastStack, useToasts } from './Toasts';
import { usePicker } from './annotate/usePicker';
import './DocumentPane.css';

interface DocumentPaneProps {
  documentId: number;
  /** A mention to focus once the document is open (from the entities view). */
  revealMentionId?: number | null;
  /** Called after the document's summary changed here (status, counts), for the list. */
  onSummaryChange: () => void;
  /// The document `step` places after (before) this one in the list, if any.
  neighbour: (step: 1 | -1) => Promise<number | null>;
  onOpen: (documentId: number) => void;
}

const NO_MENTIONS: ReadonlyMap<number, Mention> = new Map();
const NO_SCHEMA: LabelSchema = { entityTypes: [], eventTypes: [], relationTypes: [], attributes: [] };

export function DocumentPane({ documentId, revealMentionId, onSummaryChange, neighbour, onOpen }: DocumentPaneProps) {
  const client = useClient();
  const { detail, error, update, reload } = useDocumentDetail(documentId);
  // Read on opening, so a document opened after the schema was edited uses the edit.
  const { schema } = useLabelSchema();
  const { toasts, show: toast, dismiss } = useToasts();
  const actions = useAnnotationActions({ documentId, update, reload, toast, onSummaryChange });
  const [savingStatus, setSavingStatus] = useState(false);
  const [view, setView] = useState<EditorView | null>(null);
  const [annotations, setAnnotations] = useState<AnnotationsState | null>(null);
  const [focusRequest, setFocusRequest] = useState(() => (revealMentionId ? { mentionId: revealMentionId, reveal: true } : null));
  const [helpOpen, setHelpOpen] = useState(false);
  const [snapMode, toggleSnap] = useSnapMode();
  const labelSchema = schema ?? NO_SCHEMA;

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

  const mentions = detail?.mentions;
  const events = detail?.events;
  const args = detail?.arguments;
  const relations = detail?.relations;
  const data = useMemo<AnnotationData>(
    () => ({ mentions: mentions ?? [], events: events ?? [], arguments: args ?? [], relations: relations ?? [] }),
    [mentions, events, args, relations],
  );
  const entities = useMemo(() => detail?.entities ?? [], [detail?.entities]);

  const ready = detail && article && !(article instanceof Error) ? article : null;
  const commands = ready
    ? editorCommands({
        view,
        article: ready,
        text: detail!.text,
        schema: labelSchema,
        snapMode,
        actions,
        toast,
        requestFocus: (mentionId) => setFocusRequest({ mentionId, reveal: false }),
      })
    : null;
  const picker = usePicker(commands, labelSchema, toast, () => view?.focus());
  const mentionText = useCallback(
    (mentionId: number) => {
      const mention = annotations?.byId.get(mentionId) ?? detail?.mentions.find((m) => m.id === mentionId);
      return mention && ready && detail ? spanText(detail.text, ready.map, mention) : '';
    },
    [annotations, detail, ready],
  );

  async function changeStatus(status: DocumentStatus) {
    setSavingStatus(true);
    await actions.setStatus(status);
    setSavingStatus(false);
  }

  async function go(step: 1 | -1, markDone = false) {
    // The neighbour is found first: a list filtered by status may drop this document once
    // it is done.
    const next = await neighbour(step);
    if (markDone) {
      setSavingStatus(true);
      const saved = await actions.setStatus('done');
      setSavingStatus(false);
      if (!saved) return;
    }
    if (next !== null) onOpen(next);
    else toast(step > 0 ? (markDone ? 'Marked done. This was the last document.' : 'This is the last document.') : 'This is the first document.');
  }

  const runCommand = (command: CommandId) => {
    const handlers: Record<CommandId, () => void> = {
      openPicker: () => picker.openLabels(),
      addRelation: () => picker.openRelations(),
      deleteMention: () => commands?.deleteFocused(),
      nextMention: () => commands?.step(1),
      previousMention: () => commands?.step(-1),
      escape: () => {
        if (helpOpen) setHelpOpen(false);
        else if (picker.request) picker.close();
        else commands?.escape();
      },
      toggleSnap: () => {
        toggleSnap();
        toast(snapMode === 'words' ? 'Selections may now end inside words' : 'Selections snap to whole words');
      },
      undo: () => void actions.undo(),
      redo: () => void actions.redo(),
      doneAndNext: () => void go(1, true),
      nextDocument: () => void go(1),
      previousDocument: () => void go(-1),
      help: () => setHelpOpen((open) => !open),
      // Carried out by the view switch in the top bar.
      switchView: () => {},
    };
    handlers[command]();
  };

  const labels = useMemo(() => labelBindings(labelSchema), [labelSchema]);
  useShortcuts({
    labels,
    inText: (target) => target instanceof Node && view !== null && view.dom.contains(target),
    labelsAt: (target) =>
      target === document.body || (target instanceof Element && target.closest('.document-pane, .info-panel') !== null),
    onLabel: (binding) => commands?.applyLabel(binding),
    onCommand: runCommand,
  });

  // The Electron menu's Undo and Redo act on this document's history.
  useEffect(
    () =>
      client.on('menu', ({ command }) => {
        if (command === 'undo') void actions.undo();
        else if (command === 'redo') void actions.redo();
      }),
    [client, actions],
  );

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

  const focused = annotations?.focus != null ? annotations.byId.get(annotations.focus) : undefined;
  const picking = annotations?.picking ?? null;
  return (
    <>
      <main className="document-pane" data-testid="document-pane" data-document-id={detail.id}>
        <header className="document-header">
          <h1 className="document-header-title" dir="auto" data-testid="document-title">
            {detail.title || 'Untitled'}
          </h1>
          <StatusBadge status={detail.status} />
          <DocumentToolbar snapMode={snapMode} onCommand={runCommand} />
        </header>
        {picking && <PickingBanner picking={picking} detail={detail} schema={labelSchema} mentionText={mentionText} onCancel={() => commands?.setPicking(null)} />}
        <div className="document-scroll">
          {article instanceof Error ? (
            <EmptyState
              icon="alert"
              title="The text of this document cannot be shown."
              detail={`Its paragraph boundaries do not fit the text: ${article.message}`}
            />
          ) : (
            <ArticleEditor
              key={detail.id}
              article={article}
              data={data}
              entities={entities}
              schema={labelSchema}
              host={{ pick: (under) => commands?.pick(under) }}
              focusRequest={focusRequest}
              onView={setView}
              onAnnotationsChange={setAnnotations}
            >
              <FocusOverlay
                view={view}
                map={article.map}
                focus={annotations?.focus ?? null}
                links={annotations?.links ?? []}
                mentions={annotations?.byId ?? NO_MENTIONS}
              />
              {picker.element}
            </ArticleEditor>
          )}
        </div>
        <ToastStack toasts={toasts} onDismiss={dismiss} />
      </main>
      {focused && commands ? (
        <InspectorPanel
          key={focused.id}
          mention={focused}
          detail={detail}
          schema={labelSchema}
          mentionText={mentionText}
          picking={picking}
          actions={actions}
          onFocus={(mentionId) => commands.setFocus(mentionId)}
          onStartPicking={(p) => commands.setPicking(p)}
          onCancelPicking={() => commands.setPicking(null)}
          onDelete={() => commands.deleteFocused()}
        />
      ) : (
        <DocumentInfoPanel
          detail={detail}
          characters={article instanceof Error ? 0 : article.map.codePointLength}
          savingStatus={savingStatus}
          onStatusChange={(status) => void changeStatus(status)}
          schema={schema}
          onDoneAndNext={() => void go(1, true)}
          onNoteSave={(note) => actions.setNote(note)}
        />
      )}
      {helpOpen && <ShortcutOverlay schema={schema} onClose={() => setHelpOpen(false)} />}
    </>
  );
}
