// Whether selections snap to whole words (the default) or may end inside a word, remembered
// across sessions on this machine: it is the analyst's habit, not the project's.

import { useCallback, useState } from 'react';
import type { SnapMode } from '../../core/wordSnap';

const KEY = 'spanlab.snapMode';

export function useSnapMode(): [SnapMode, () => void] {
  const [mode, setMode] = useState<SnapMode>(() => (readStored() === 'characters' ? 'characters' : 'words'));
  const toggle = useCallback(() => {
    setMode((old) => {
      const next = old === 'words' ? 'characters' : 'words';
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Storage may be unavailable (a locked-down profile); the choice then lasts the session.
      }
      return next;
    });
  }, []);
  return [mode, toggle];
}

function readStored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
