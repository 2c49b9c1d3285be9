// The native save dialog for an export: the Workspace's `pickExportPath` in the desktop app.
// A folder output (brat, hf, any split) is named the same way as a file — the analyst types
// the name of a new folder — because an open-folder dialog would invite choosing a folder
// that already holds other files, which the export refuses to replace.

import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { ExportPathRequest } from '../services/export/exportHandlers';

/// Asks where to write; resolves to an absolute path, or null when the analyst cancels.
export async function pickExportPath(request: ExportPathRequest, parent: BrowserWindow | null): Promise<string | null> {
  const extension = request.defaultName.match(/\.([^.]+)$/)?.[1];
  const options: SaveDialogOptions = {
    title: request.folder ? 'Export to a new folder' : 'Export',
    buttonLabel: 'Export',
    defaultPath: request.defaultName,
    filters: !request.folder && extension ? [{ name: request.format, extensions: [extension] }] : [],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}
