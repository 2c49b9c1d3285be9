// The top bar's two views of an open project: its documents, and its label schema. Also
// owns the shortcut between them (Ctrl/Cmd+Shift+S), which works from anywhere but a
// modal dialog, so that "fix the label and carry on" is two key presses away.

import { useEffect, useRef } from 'react';
import './ViewSwitch.css';

export type AppView = 'documents' | 'schema';

interface ViewSwitchProps {
  view: AppView;
  onChange: (view: AppView) => void;
}

const VIEWS: { view: AppView; label: string }[] = [
  { view: 'documents', label: 'Documents' },
  { view: 'schema', label: 'Schema' },
];

/** The shortcut, as shown in tooltips. */
export const SCHEMA_VIEW_KEY = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⇧⌘S' : 'Ctrl+Shift+S';

export function ViewSwitch({ view, onChange }: ViewSwitchProps) {
  // The listener reads the latest view through a ref, so it is added once.
  const latest = useRef({ view, onChange });
  useEffect(() => {
    latest.current = { view, onChange };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = /Mac|iPhone|iPad/.test(navigator.userAgent) ? event.metaKey : event.ctrlKey;
      if (!mod || !event.shiftKey || event.altKey || event.code !== 'KeyS') return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      const { view: current, onChange: change } = latest.current;
      change(current === 'schema' ? 'documents' : 'schema');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="view-switch" role="tablist" aria-label="View">
      {VIEWS.map((v) => (
        <button
          key={v.view}
          type="button"
          role="tab"
          aria-selected={view === v.view}
          className={view === v.view ? 'is-selected' : ''}
          onClick={() => onChange(v.view)}
          title={v.view === 'schema' ? `Label schema (${SCHEMA_VIEW_KEY})` : `Documents (${SCHEMA_VIEW_KEY})`}
          data-testid={`view-${v.view}`}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
