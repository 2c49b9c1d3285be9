// The Import… dialog: what to import (files and folders, taken recursively), the format
// (found per file unless forced) and, for JSON and CSV, which field holds the text and the
// title. In the desktop app native dialogs choose the paths; in serve mode they are typed,
// as paths on the machine running Spanlab. Starting closes the dialog: the import runs in
// the background and the UI stays usable (ImportProgress shows how far it is).

import { useEffect, useRef, useState } from 'react';
import type { CallInput } from '../../../common/contract';
import type { ImportFormat } from '../../../common/importReport';
import { IMPORT_FORMATS } from '../../../common/importReport';
import { errorMessage } from '../../client';
import { Button } from '../Button';
import { useClient } from '../ClientContext';
import { Icon } from '../Icon';

const FORMAT_TITLES: Record<ImportFormat | 'auto', string> = {
  auto: 'Recognise each file (by extension and content)',
  txt: 'Plain text / Markdown (.txt, .md)',
  html: 'Web pages (.html)',
  jsonl: 'JSON Lines (.jsonl): plain, doccano, Prodigy, Spanlab',
  json: 'JSON (.json)',
  csv: 'CSV / TSV (.csv, .tsv)',
  brat: 'brat standoff (.txt + .ann)',
  conll: 'CoNLL / IOB2 / BIOES tokens',
};

interface ImportDialogProps {
  nativeDialogs: boolean;
  /** Another import is still running: one at a time from this window. */
  running: boolean;
  onStart: (request: CallInput<'import.start'>) => void;
  onClose: () => void;
}

export function ImportDialog({ nativeDialogs, running, onStart, onClose }: ImportDialogProps) {
  const client = useClient();
  const ref = useRef<HTMLDialogElement>(null);
  const [paths, setPaths] = useState('');
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [textField, setTextField] = useState('');
  const [titleField, setTitleField] = useState('');
  const [pickError, setPickError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const list = paths
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);

  const pick = async (kind: 'files' | 'folder') => {
    setPickError(null);
    try {
      const { paths: chosen } = await client.call('import.pickPaths', { kind });
      if (chosen.length > 0) setPaths([...list, ...chosen.filter((p) => !list.includes(p))].join('\n'));
    } catch (error) {
      setPickError(errorMessage(error));
    }
  };

  const start = () => {
    const request: CallInput<'import.start'> = { paths: list, format };
    if (textField.trim()) request.textField = textField.trim();
    if (titleField.trim()) request.titleField = titleField.trim();
    onStart(request);
  };

  return (
    <dialog ref={ref} className="import-dialog modal" onClose={onClose} aria-labelledby="import-title" data-testid="import-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (list.length > 0 && !running) start();
        }}
      >
        <h2 id="import-title">
          <Icon name="upload" size={18} /> Import articles
        </h2>
        <label className="import-field" htmlFor="import-paths">
          <span>Files and folders {nativeDialogs ? '' : 'on the machine running Spanlab'}</span>
          <textarea
            id="import-paths"
            rows={4}
            value={paths}
            placeholder={'/home/analyst/batches/2024-05\n/home/analyst/feed.jsonl'}
            onChange={(e) => setPaths(e.target.value)}
            spellCheck={false}
            data-testid="import-paths"
          />
          <span className="import-hint">One per line; folders are taken with everything in them. Or drop files onto the window.</span>
        </label>
        {nativeDialogs && (
          <div className="import-pickers">
            <Button icon="file" onClick={() => void pick('files')} data-testid="import-pick-files">
              Choose files…
            </Button>
            <Button icon="folder" onClick={() => void pick('folder')} data-testid="import-pick-folder">
              Choose folder…
            </Button>
          </div>
        )}
        {pickError && <p className="import-error">{pickError}</p>}
        <label className="import-field" htmlFor="import-format">
          <span>Format</span>
          <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat | 'auto')} data-testid="import-format">
            {(['auto', ...IMPORT_FORMATS] as const).map((f) => (
              <option key={f} value={f}>
                {FORMAT_TITLES[f]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="import-fields">
          <legend>JSON and CSV fields</legend>
          <label>
            Text
            <input value={textField} placeholder="text" onChange={(e) => setTextField(e.target.value)} data-testid="import-text-field" />
          </label>
          <label>
            Title
            <input value={titleField} placeholder="title" onChange={(e) => setTitleField(e.target.value)} data-testid="import-title-field" />
          </label>
        </fieldset>
        <p className="import-hint">
          Articles already in the project (the same text) are skipped, so importing a batch again adds only what is missing.
          Each file is imported whole or not at all; an import is not undone with Undo.
        </p>
        {running && <p className="import-hint">An import is running; start this one once it has ended.</p>}
        <div className="import-actions">
          <Button onClick={() => ref.current?.close()}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={list.length === 0 || running} data-testid="import-start">
            Import
          </Button>
        </div>
      </form>
    </dialog>
  );
}
