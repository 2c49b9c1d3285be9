// The top bar's two views of an open project: its documents, and its label schema. Also
// owns the shortcut between them (Ctrl/Cmd+Shift+S), which works from anywhere but a
// modal dialog, so that "fix the label and carry on" is two key presses away.

import { useEffect, useRef } from 'react';
import { isMac, keyCaps, keyName, keyOfCommand } from '../shortcuts/keymap';
import './ViewSwitch.css';

export type AppView = 'documents' | 'entities' | 'schema';

interface ViewSwitchProps {
  view: AppView;
  onChange: (view: AppView) => void;
}

const VIEWS: { view: AppView; label: string }[] = [
  { view: 'documents', label: 'Documents' },
  { view: 'entities', label: 'Entities' },
  { view: 'schema', label: 'Schema' },
];

const MAC = isMac(navigator.platform || navigator.userAgent);
/** The shortcut (from the one keymap, shortcuts/keymap.ts), as shown in tooltips. */
export const SCHEMA_VIEW_KEY = keyCaps(keyOfCommand('switchView'), MAC).join(MAC ? '' : '+');

export function ViewSwitch({ view, onChange }: ViewSwitchProps) {
  // The listener reads the latest view through a ref, so it is added once.
  const latest = useRef({ view, onChange });
  useEffect(() => {
    latest.current = { view, onChange };
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (keyName(event, MAC) !== keyOfCommand('switchView')) return;
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
          title={v.view === 'schema' ? `Label schema (${SCHEMA_VIEW_KEY})` : v.view === 'entities' ? 'Entities across documents' : `Documents (${SCHEMA_VIEW_KEY})`}
          data-testid={`view-${v.view}`}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
