// Native file dialogs for choosing a project: the Workspace's `pickPath` in the desktop
// app, and what the File menu's New and Open use. A project is one `.spanlab` file.

import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

/// The extension of a project file, without the dot.
export const PROJECT_EXTENSION = 'spanlab';

const filters = [{ name: 'Spanlab project', extensions: [PROJECT_EXTENSION] }];

/// Asks for an existing project to open ('open') or a new file to create ('create').
/// Resolves to an absolute path, or null when the analyst cancels.
export async function pickProjectPath(mode: 'open' | 'create', parent: BrowserWindow | null): Promise<string | null> {
  if (mode === 'open') {
    const options: OpenDialogOptions = { title: 'Open project', filters, properties: ['openFile'] };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const options: SaveDialogOptions = {
    title: 'New project',
    buttonLabel: 'Create',
    defaultPath: `Untitled.${PROJECT_EXTENSION}`,
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return withProjectExtension(result.filePath);
}

/// Shows a failed project action to the analyst (the menu has no UI of its own to do it).
export async function showProjectError(parent: BrowserWindow | null, title: string, message: string): Promise<void> {
  const options = { type: 'error' as const, title, message: title, detail: message, buttons: ['OK'] };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

// The GTK and Windows save dialogs do not always add the filter's extension; a project
// without it would not be found by the Open dialog's filter next time.
function withProjectExtension(file: string): string {
  return file.toLowerCase().endsWith(`.${PROJECT_EXTENSION}`) ? file : `${file}.${PROJECT_EXTENSION}`;
}
