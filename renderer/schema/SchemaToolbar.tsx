// The schema view's header: what the view is, undo and redo of schema changes, and brat's
// annotation.conf in and out. The file is read here with File.text() and only its text
// crosses to the services; the export is handed to the browser as a Blob download.

import { useRef } from 'react';
import type { SchemaImportReport } from '../../common/model';
import { errorMessage } from '../client';
import { Button } from '../components/Button';
import { useClient } from '../components/ClientContext';

/** The contract's limit on an imported file (common/contract.ts). */
const MAX_CONF_BYTES = 1024 * 1024;

interface SchemaToolbarProps {
  onUndo: () => void;
  onRedo: () => void;
  onImported: (fileName: string, report: SchemaImportReport) => void;
  onMessage: (message: string) => void;
  /** Shortcut captions for the undo and redo buttons (⌘Z on a Mac). */
  undoKey: string;
  redoKey: string;
}

export function SchemaToolbar({ onUndo, onRedo, onImported, onMessage, undoKey, redoKey }: SchemaToolbarProps) {
  const client = useClient();
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    if (file.size > MAX_CONF_BYTES) {
      onMessage(`${file.name} is larger than 1 MB; an annotation.conf is a few kilobytes.`);
      return;
    }
    try {
      const report = await client.call('schema.importBratConf', { text: await file.text() });
      onImported(file.name, report);
    } catch (error) {
      onMessage(`Could not import ${file.name}: ${errorMessage(error)}`);
    }
  };

  const exportConf = async () => {
    try {
      const { text } = await client.call('schema.exportBratConf', {});
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'annotation.conf';
      link.click();
      // The download has started from the URL by now; a moment later it can go.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      onMessage('Exported the schema as annotation.conf.');
    } catch (error) {
      onMessage(`Could not export the schema: ${errorMessage(error)}`);
    }
  };

  return (
    <header className="schema-toolbar">
      <div className="schema-toolbar-title">
        <h1>Label schema</h1>
        <p>The labels of this project. Changes apply to every document at once and can be undone.</p>
      </div>
      <div className="schema-toolbar-actions">
        <Button
          variant="quiet"
          icon="undo"
          onClick={onUndo}
          title={`Undo the last schema change (${undoKey})`}
          data-testid="schema-undo"
        >
          Undo
        </Button>
        <Button
          variant="quiet"
          icon="redo"
          onClick={onRedo}
          aria-label="Redo"
          title={`Redo (${redoKey})`}
          data-testid="schema-redo"
        />
        <span className="schema-toolbar-divider" aria-hidden="true" />
        <Button icon="upload" onClick={() => fileInput.current?.click()} data-testid="import-conf">
          Import annotation.conf…
        </Button>
        <Button icon="download" onClick={exportConf} data-testid="export-conf">
          Export annotation.conf
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".conf,text/plain"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so that choosing the same file again still fires a change.
            e.target.value = '';
            if (file) void importFile(file);
          }}
          data-testid="import-conf-input"
        />
      </div>
    </header>
  );
}
