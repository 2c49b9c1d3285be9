// Hosts the ProseMirror view of one article. The view is created when the article (its
// document, built once per text) changes and destroyed on unmount; a refetch of the same
// article only replaces the mentions, so the reader keeps their caret, selection and
// scroll position.

import { useEffect, useRef } from 'react';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Mention } from '../../common/model';
import type { ArticleDocument } from './articleDocument';
import { mentionsPlugin, setMentions } from './mentionsPlugin';
import { readOnlyPlugin } from './readOnlyPlugin';
import './editor.css';

interface ArticleEditorProps {
  article: ArticleDocument;
  mentions: readonly Mention[];
}

export function ArticleEditor({ article, mentions }: ArticleEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const drawnMentions = useRef<readonly Mention[] | null>(null);
  // Read when the view is created without making its effect depend on them: new mentions
  // must not rebuild the view (the effect below dispatches them instead).
  const latestMentions = useRef(mentions);
  useEffect(() => {
    latestMentions.current = mentions;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const initial = latestMentions.current;
    const view = new EditorView(host, {
      state: EditorState.create({
        doc: article.doc,
        plugins: [readOnlyPlugin(), mentionsPlugin(article.map, initial)],
      }),
    });
    view.dom.setAttribute('data-testid', 'article-text');
    view.dom.setAttribute('aria-label', 'Article text');
    viewRef.current = view;
    drawnMentions.current = initial;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [article]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || drawnMentions.current === mentions) return;
    view.dispatch(setMentions(view.state, mentions));
    drawnMentions.current = mentions;
  }, [mentions]);

  return <div ref={hostRef} className="article" />;
}
