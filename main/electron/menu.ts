// The native application menu. Most items are carried out by the renderer, which gets a
// `menu` event with the command; New and Open need native dialogs and are done here.
//
// Undo and Redo deliberately have no `role`: the roles act on the focused text field,
// while Spanlab's undo is the project's annotation history, which the renderer owns.
// Their accelerators are display-only on Windows and Linux (the renderer's own keymap
// handles the keys, as it must in serve mode, and a text field keeps its native undo).

import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../common/contract';
import type { RecentProject } from '../../common/model';

/// What the menu's items do; the shell wires them to the workspace and the window.
export interface MenuActions {
  newProject(): void;
  openProject(path?: string): void;
  /// Hands a command to the renderer.
  command(command: MenuCommand): void;
}

export interface MenuOptions {
  recent: readonly RecentProject[];
  /// Reload and the developer tools are offered only outside a packaged build.
  developer: boolean;
  platform: NodeJS.Platform;
}

/// Builds the menu; rebuild it whenever the recent projects change.
export function buildAppMenu(actions: MenuActions, options: MenuOptions): Menu {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    { label: '&File', submenu: fileMenu(actions, options, mac) },
    { label: '&Edit', submenu: editMenu(actions) },
    { label: '&View', submenu: viewMenu(actions, options.developer) },
  );
  if (mac) template.push({ role: 'windowMenu' });
  template.push({
    label: '&Help',
    role: 'help',
    submenu: [{ label: 'About Spanlab', click: () => actions.command('about') }],
  });
  return Menu.buildFromTemplate(template);
}

function fileMenu(actions: MenuActions, options: MenuOptions, mac: boolean): MenuItemConstructorOptions[] {
  const existing = options.recent.filter((p) => p.exists);
  const recent: MenuItemConstructorOptions[] =
    existing.length === 0
      ? [{ label: 'No recent projects', enabled: false }]
      : existing.slice(0, 10).map((p) => ({
          // `&` would be read as a mnemonic marker on Windows and Linux.
          label: p.name.replaceAll('&', '&&'),
          sublabel: p.path,
          toolTip: p.path,
          click: () => actions.openProject(p.path),
        }));
  return [
    { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
    { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
    { label: 'Open Recent', submenu: recent },
    { type: 'separator' },
    { label: 'Import…', click: () => actions.command('import') },
    { label: 'Export…', click: () => actions.command('export') },
    { type: 'separator' },
    // The Backups dialog: the project's backup copies, Back up now, and Restore.
    { label: 'Restore from Backup…', click: () => actions.command('backups') },
    // macOS keeps Quit in the application menu.
    ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Quit' } as const]),
  ];
}

function editMenu(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => actions.command('undo') },
    {
      label: 'Redo',
      accelerator: 'Shift+CmdOrCtrl+Z',
      registerAccelerator: false,
      click: () => actions.command('redo'),
    },
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ];
}

function viewMenu(actions: MenuActions, developer: boolean): MenuItemConstructorOptions[] {
  const tools: MenuItemConstructorOptions[] = developer
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return [
    { label: 'Toggle Dark Mode', click: () => actions.command('toggleTheme') },
    { type: 'separator' },
    ...tools,
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
}
