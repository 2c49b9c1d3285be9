// Hosts the ProseMirror view of one article. The view is created when the article (its
// document, built once per text) changes and destroyed on unmount; new annotations from the
// services only replace the plugin's data, so the reader keeps their caret, selection and
// scroll position. The annotation state (focus, picking) lives in the plugin; the host
// hears of each change through `onAnnotationsChange` and draws the panel from it.

import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Entity, LabelSchema } from '../../common/model';
import type { AnnotationData } from './annotationLinks';
import type { AnnotationsHost, AnnotationsState, AnnotationsUpdate } from './annotationsPlugin';
import { annotationsKey, annotationsPlugin, focusMention, updateAnnotations } from './annotationsPlugin';
import type { ArticleDocument } from './articleDocument';
import { readOnlyPlugin } from './readOnlyPlugin';
import './editor.css';

interface ArticleEditorProps {
  article: ArticleDocument;
  data: AnnotationData;
  entities: readonly Entity[];
  schema: LabelSchema;
  host: AnnotationsHost;
  /**
   * A mention to focus once it is in `data` (one just created, one to reveal). A new object
   * is a new request; focus otherwise belongs to the plugin.
   */
  focusRequest: { mentionId: number; reveal: boolean } | null;
  /** The view once created, and null when it is destroyed. */
  onView: (view: EditorView | null) => void;
  onAnnotationsChange: (state: AnnotationsState) => void;
  /** Drawn over the text (arcs, the label picker), in the article's own coordinates. */
  children?: ReactNode;
}

export function ArticleEditor(props: ArticleEditorProps) {
  const { article, data, entities, schema, host, focusRequest, onView, onAnnotationsChange, children } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // Read when the view is created, and by its callbacks, without making the view's effect
  // depend on them: new annotations must not rebuild the view (the effect below sends them).
  const latest = useRef({ data, entities, schema, host, onView, onAnnotationsChange });
  useEffect(() => {
    latest.current = { data, entities, schema, host, onView, onAnnotationsChange };
  });
  const hostHandle = useRef<AnnotationsHost>({ pick: (mentions) => latest.current.host.pick(mentions) });

  useEffect(() => {
    const element = hostRef.current;
    if (!element) return;
    const { data: initialData, entities: initialEntities, schema: initialSchema } = latest.current;
    const view: EditorView = new EditorView(element, {
      state: EditorState.create({
        doc: article.doc,
        plugins: [
          readOnlyPlugin(),
          annotationsPlugin(article.map, { data: initialData, entities: initialEntities, schema: initialSchema }, hostHandle),
        ],
      }),
      dispatchTransaction(tr) {
        const before = annotationsKey.getState(view.state);
        view.updateState(view.state.apply(tr));
        const after = annotationsKey.getState(view.state);
        if (after && after !== before) latest.current.onAnnotationsChange(after);
      },
    });
    view.dom.setAttribute('data-testid', 'article-text');
    view.dom.setAttribute('aria-label', 'Article text');
    viewRef.current = view;
    latest.current.onView(view);
    const initial = annotationsKey.getState(view.state);
    if (initial) latest.current.onAnnotationsChange(initial);
    return () => {
      latest.current.onView(null);
      view.destroy();
      viewRef.current = null;
    };
  }, [article]);

  const appliedRequest = useRef<object | null>(null);
  useEffect(() => {
    const view = viewRef.current;
    const current = view && annotationsKey.getState(view.state);
    if (!view || !current) return;
    const update: AnnotationsUpdate = {};
    if (current.data !== data || current.entities !== entities || current.schema !== schema) {
      Object.assign(update, { data, entities, schema });
    }
    const request = focusRequest !== appliedRequest.current ? focusRequest : null;
    appliedRequest.current = focusRequest;
    const mention = request && data.mentions.find((m) => m.id === request.mentionId);
    if (mention) view.dispatch(focusMention(view.state, article.map, mention, request.reveal, update));
    else if (Object.keys(update).length > 0) view.dispatch(updateAnnotations(view.state, update));
  }, [article, data, entities, schema, focusRequest]);

  return (
    <div className="article">
      <div ref={hostRef} />
      {children}
    </div>
  );
}
