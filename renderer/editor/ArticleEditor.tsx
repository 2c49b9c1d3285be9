// Hosts the ProseMirror view of one article. The view is created when the article (its
// document, built once per text) changes and destroyed on unmount; new annotations from the
// services only replace the plugin's data, so the reader keeps their caret, selection and
// scroll position. The annotation state (focus, picking) lives in the plugin; the host
// hears of each change through `onAnnotationsChange` and draws the panel from it.
//
// The text comes first: the view is created, and takes new annotations, in layout effects
// (in the commit that brings them, before the browser paints), and the host hears of what
// the services' answers changed as a transition, which React renders after that paint. So
// a new mention shows in the frame after the answer, and the panel follows in the next.
// Changes the analyst makes in the view (a click, Tab) reach the host at once, as before.

import type { ReactNode } from 'react';
import { startTransition, useLayoutEffect, useRef } from 'react';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Entity, LabelSchema } from '../../common/model';
import type { AnnotationData } from './annotationLinks';
import type { AnnotationsHost, AnnotationsState, AnnotationsUpdate } from './annotationsPlugin';
import { annotationsKey, annotationsPlugin, focusMention, updateAnnotations } from './annotationsPlugin';
import type { ArticleDocument } from './articleDocument';
import { withDOMSelection } from './domSelection';
import { mentionDecorationsPlugin } from './mentionDecorations';
import { pendingMentionsPlugin } from './pendingMentions';
import { readOnlyPlugin } from './readOnlyPlugin';
import { sectionNodeView, settleSections } from './settleSections';
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
  useLayoutEffect(() => {
    latest.current = { data, entities, schema, host, onView, onAnnotationsChange };
  });
  const hostHandle = useRef<AnnotationsHost>({ pick: (mentions) => latest.current.host.pick(mentions) });
  // True while the view takes what the services answered (see the top).
  const answering = useRef(false);

  useLayoutEffect(() => {
    const element = hostRef.current;
    if (!element) return;
    const { data: initialData, entities: initialEntities, schema: initialSchema } = latest.current;
    const view: EditorView = new EditorView(element, {
      state: EditorState.create({
        doc: article.doc,
        plugins: [
          readOnlyPlugin(),
          annotationsPlugin({ data: initialData, entities: initialEntities, schema: initialSchema }, hostHandle),
          mentionDecorationsPlugin(article.map),
          pendingMentionsPlugin(article.map),
        ],
      }),
      nodeViews: { section: sectionNodeView },
      dispatchTransaction(tr) {
        const before = annotationsKey.getState(view.state);
        view.updateState(view.state.apply(tr));
        const after = annotationsKey.getState(view.state);
        if (!after || after === before) return;
        if (answering.current) startTransition(() => latest.current.onAnnotationsChange(after));
        else latest.current.onAnnotationsChange(after);
      },
    });
    hideEditingFromReact(view.dom);
    view.dom.setAttribute('data-testid', 'article-text');
    view.dom.setAttribute('aria-label', 'Article text');
    viewRef.current = view;
    latest.current.onView(view);
    const initial = annotationsKey.getState(view.state);
    if (initial) startTransition(() => latest.current.onAnnotationsChange(initial));
    const stopSettling = settleSections(view.dom);
    return () => {
      stopSettling();
      latest.current.onView(null);
      view.destroy();
      viewRef.current = null;
    };
  }, [article]);

  const appliedRequest = useRef<object | null>(null);
  useLayoutEffect(() => {
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
    const tr = mention
      ? focusMention(view.state, article.map, mention, request.reveal, update)
      : Object.keys(update).length > 0
        ? updateAnnotations(view.state, update)
        : null;
    if (!tr) return;
    answering.current = true;
    try {
      view.dispatch(withDOMSelection(view, tr));
    } finally {
      answering.current = false;
    }
  }, [article, data, entities, schema, focusRequest]);

  return (
    <div className="article">
      <div ref={hostRef} />
      {children}
    </div>
  );
}

// Before each commit, React saves the selection of the focused element, if it is an input
// or `contentEditable === 'true'`, to restore it afterwards, counting characters through
// every text node inside it: with the article focused, every render anywhere in the app
// walked the whole article (milliseconds at 100 KB, tens at 1 MB). React never renders
// inside the view, so there is nothing to restore; the view's element reports itself as
// inheriting editability to React's check. The attribute, which is what the browser and
// ProseMirror go by, stays "true", and ProseMirror only ever compares the property with
// "false".
function hideEditingFromReact(element: HTMLElement): void {
  Object.defineProperty(element, 'contentEditable', { configurable: true, get: () => 'inherit' });
}
