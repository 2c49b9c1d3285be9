// The open document's tools, in its header: previous / next document, undo / redo, word
// snapping, and the list of shortcuts. Each button says its key; each runs the same command
// as that key.

import type { SnapMode } from '../../core/wordSnap';
import type { CommandId } from '../shortcuts/keymap';
import { isMac, keyCaps, keyOfCommand } from '../shortcuts/keymap';
import type { IconName } from './Icon';
import { Icon } from './Icon';
import './DocumentToolbar.css';

const MAC = isMac(navigator.platform || navigator.userAgent);

interface DocumentToolbarProps {
  snapMode: SnapMode;
  onCommand: (command: CommandId) => void;
}

export function DocumentToolbar({ snapMode, onCommand }: DocumentToolbarProps) {
  const tool = (command: CommandId, icon: IconName, label: string) => (
    <button
      type="button"
      className="tool"
      onClick={() => onCommand(command)}
      aria-label={label}
      title={`${label} (${keyCaps(keyOfCommand(command), MAC).join('+')})`}
      data-testid={`tool-${command}`}
    >
      <Icon name={icon} />
    </button>
  );
  return (
    <div className="document-toolbar" role="toolbar" aria-label="Document tools">
      {tool('previousDocument', 'back', 'Previous document')}
      {tool('nextDocument', 'forward', 'Next document')}
      <span className="tool-divider" aria-hidden="true" />
      {tool('undo', 'undo', 'Undo')}
      {tool('redo', 'redo', 'Redo')}
      <span className="tool-divider" aria-hidden="true" />
      <button
        type="button"
        className="tool tool-toggle"
        role="switch"
        aria-checked={snapMode === 'words'}
        onClick={() => onCommand('toggleSnap')}
        title={`Snap selections to whole words (${keyCaps(keyOfCommand('toggleSnap'), MAC).join('+')})`}
        data-testid="snap-toggle"
      >
        <Icon name="words" />
        <span>{snapMode === 'words' ? 'Whole words' : 'Any characters'}</span>
      </button>
      {tool('help', 'keyboard', 'Keyboard shortcuts')}
    </div>
  );
}
