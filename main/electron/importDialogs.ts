// The native dialog for choosing what to import: the Workspace's `pickImportPaths` in the
// desktop app. Files and a folder are two dialogs, because on Windows and Linux one dialog
// cannot select both.

import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';

const filters = [
  {
    name: 'Articles and annotations',
    extensions: ['txt', 'md', 'html', 'htm', 'jsonl', 'ndjson', 'json', 'csv', 'tsv', 'ann', 'conf', 'conll', 'iob', 'bio', 'bioes'],
  },
  { name: 'All files', extensions: ['*'] },
];

/// Asks for files (several at once) or for one folder, taken recursively. Resolves to the
/// absolute paths chosen, or none when the analyst cancels.
export async function pickImportPaths(kind: 'files' | 'folder', parent: BrowserWindow | null): Promise<string[]> {
  const options: OpenDialogOptions =
    kind === 'files'
      ? { title: 'Import files', filters, properties: ['openFile', 'multiSelections'] }
      : { title: 'Import a folder', properties: ['openDirectory'] };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}
