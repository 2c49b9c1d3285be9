// The Electron entry (bundled to dist/main/main.cjs). It only wires things together:
// the app:// protocol, the security policy, the window, the menu and the IPC bridge
// around a Workspace, which holds all the real work and knows nothing of Electron.

import { app, BrowserWindow, Menu, protocol, session } from 'electron';
import path from 'node:path';
import type { EventMessage } from '../../common/contract';
import type { ProjectInfo } from '../../common/model';
import { toSpanlabError } from '../api/errorMapping';
import { bundledExportWorkerScript } from '../services/export/exportWorkerScript';
import { bundledWorkerScript } from '../services/import/workerScript';
import { Workspace } from '../services/workspace';
import { createAppProtocolHandler } from './appProtocol';
import { pickExportPath } from './exportDialogs';
import { hardenAllWebContents, hardenSession } from './hardening';
import { pickImportPaths } from './importDialogs';
import { registerCallHandlers, sendEvent } from './ipc';
import { projectPathFromArgv } from './launchArguments';
import { buildAppMenu } from './menu';
import { APP_SCHEME } from './origin';
import { pickProjectPath, showProjectError } from './projectDialogs';
import { createMainWindow, windowPlacement } from './window';

// dist/main/main.cjs sits beside dist/preload and dist/renderer, in the repo and in app.asar.
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, '..', 'preload', 'preload.cjs');

// --- before `ready`: these only take effect when done this early -----------------------

// app:// behaves like https: a real origin for the same-origin policy, a secure context,
// fetch() of its own assets. It does not bypass CSP.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Every renderer sandboxed, whatever a future window forgets to say.
app.enableSandbox();
// A separate profile (settings, recent projects, Chromium's storage, the single-instance
// lock) for tests and for running two copies side by side on purpose.
const userDataOverride = process.env.SPANLAB_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

if (!app.requestSingleInstanceLock()) {
  // The running instance gets our command line through `second-instance`.
  app.quit();
} else {
  run();
}

function run(): void {
  let win: BrowserWindow | null = null;
  let workspace: Workspace | null = null;
  // A project asked for before the app was ready (command line, macOS open-file).
  let pendingProject = projectPathFromArgv(process.argv, process.cwd());

  hardenAllWebContents();
  // Windows ties the taskbar entry and its recent-files jump list to this id.
  if (process.platform === 'win32') app.setAppUserModelId('org.spanlab.app');

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    } else {
      createWindow(); // macOS: the app was running with its window closed
    }
    const requested = projectPathFromArgv(argv, workingDirectory);
    if (requested) openProject(requested);
  });

  // macOS hands double-clicked files to the running app this way, not on the command line.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (workspace) openProject(file);
    else pendingProject = file;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => workspace?.close());

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

    const ws = new Workspace({
      settingsDir: app.getPath('userData'),
      mode: 'electron',
      version: app.getVersion(),
      pickPath: (mode) => pickProjectPath(mode, win),
      pickImportPaths: (kind) => pickImportPaths(kind, win),
      // The worker bundled beside this file (build/build.mjs), not its TypeScript source.
      importWorker: bundledWorkerScript(__dirname),
      pickExportPath: (request) => pickExportPath(request, win),
      exportWorker: bundledExportWorkerScript(__dirname),
    });
    workspace = ws;
    ws.onEvent((message) => {
      sendEvent(win, message);
      // Whoever opened it (the UI, the menu, the OS), the recent list changed.
      if (message.name === 'project.changed' && message.payload !== null) {
        app.addRecentDocument(message.payload.path);
        refreshMenu();
      }
    });
    registerCallHandlers(ws.handlers, () => win);

    // The project open at last quit comes back without fuss; one the OS asked for is
    // opened once the window exists, so a failure can be shown over it. Both open in the
    // background (an outdated file is backed up first); the UI asks project.current and
    // also follows 'project.changed', so it shows the project whenever it is ready.
    const requested = pendingProject;
    pendingProject = null;
    const last = ws.settings.get().lastProject;
    if (last && requested === null) void openQuietly(last);

    refreshMenu();
    createWindow();
    if (requested) openProject(requested);
    app.on('activate', () => {
      // macOS: clicking the dock icon with no window open brings one back.
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  // --- the window ---------------------------------------------------------------------

  function createWindow(): void {
    const saved = requireWorkspace().settings.get().window;
    win = createMainWindow({
      preload: preloadPath,
      savedBounds: saved,
      maximized: saved?.maximized ?? false,
      devTools: !app.isPackaged,
    });
    const created = win;
    created.on('close', () => rememberPlacement(created));
    created.on('closed', () => {
      if (win === created) win = null;
    });
    // A crashed UI is reloaded (its state is all in the project), but not forever.
    let reloads = 0;
    created.webContents.on('render-process-gone', (_event, details) => {
      console.error(`[spanlab] the UI process ended: ${details.reason}`);
      if (details.reason !== 'clean-exit' && reloads++ < 3 && !created.isDestroyed()) created.reload();
    });
  }

  // Called as the window closes, while its bounds are still real.
  function rememberPlacement(closing: BrowserWindow): void {
    const { bounds, maximized } = windowPlacement(closing);
    try {
      requireWorkspace().settings.set({ window: { ...bounds, maximized } });
    } catch (error) {
      console.warn('[spanlab] could not save the window position:', error);
    }
  }

  // --- project actions the shell starts itself (menu, OS) ---------------------------

  function emit(message: EventMessage): void {
    sendEvent(win, message);
  }

  // Menu items and OS events cannot wait for an open: projectAction reports its failure.
  // The workspace runs opens one at a time, so a second one started mid-open (a recent
  // project picked while another is still being upgraded) waits its turn.
  function openProject(file?: string): void {
    void projectAction('Could not open the project', 'project.open', async () => {
      const target = file ?? (await pickProjectPath('open', win));
      return target === null ? null : await requireWorkspace().openProject(target);
    });
  }

  function newProject(): void {
    void projectAction('Could not create the project', 'project.create', async () => {
      const target = await pickProjectPath('create', win);
      return target === null ? null : await requireWorkspace().createProject(target, false);
    });
  }

  // Runs an open or create, or shows why it failed. The workspace itself tells the UI
  // ('project.changed') and updates the recent list.
  async function projectAction(title: string, context: string, action: () => Promise<ProjectInfo | null>): Promise<void> {
    try {
      await action();
    } catch (error) {
      await showProjectError(win, title, toSpanlabError(error, context).message);
    }
  }

  // At startup a missing last project is not worth a dialog: the UI shows its start page.
  async function openQuietly(file: string): Promise<void> {
    try {
      await requireWorkspace().openProject(file);
    } catch (error) {
      console.warn(`[spanlab] did not reopen ${file}: ${toSpanlabError(error, 'startup').message}`);
    }
  }

  function refreshMenu(): void {
    const recent = workspace ? workspace.settings.recent() : [];
    Menu.setApplicationMenu(
      buildAppMenu(
        {
          newProject,
          openProject,
          command: (command) => emit({ name: 'menu', payload: { command } }),
        },
        { recent, developer: !app.isPackaged, platform: process.platform },
      ),
    );
  }

  function requireWorkspace(): Workspace {
    if (!workspace) throw new Error('The workspace is not ready yet.');
    return workspace;
  }
}
