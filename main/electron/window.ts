// The one application window. Its webPreferences are the heart of the shell's security:
// the page gets no Node, runs in Chromium's sandbox, and sees the preload's bridge only
// through context isolation. Nothing here may be relaxed to make a feature easier.

import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ENTRY_URL } from './origin';
import { MIN_WINDOW_SIZE, restorableBounds, type Bounds } from './windowBounds';

export interface MainWindowOptions {
  /// Absolute path of the bundled preload (dist/preload/preload.cjs).
  preload: string;
  /// Where the window was last time, if anywhere.
  savedBounds?: Bounds | null;
  maximized?: boolean;
  /// Whether the developer tools can be opened at all (not in a packaged build).
  devTools: boolean;
}

/// Creates the window and loads the UI from app://spanlab. It is shown once the first
/// paint is ready, so the analyst never sees an empty white frame.
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = restorableBounds(
    options.savedBounds,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(bounds ?? { width: 1280, height: 820 }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Spanlab',
    show: false,
    // Matches the system theme so the frame does not flash before the UI paints.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload: options.preload,
      // The page and the preload live in separate JavaScript worlds; only the
      // contextBridge object crosses.
      contextIsolation: true,
      // The renderer process runs in Chromium's OS-level sandbox with no Node.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Same-origin policy stays on; the page is never allowed to read other origins.
      webSecurity: true,
      webviewTag: false,
      // Off: Chromium's spellchecker downloads dictionaries, and news texts are full of
      // names it would underline.
      spellcheck: false,
      // A file or link dropped on the window must not replace the UI.
      navigateOnDragDrop: false,
      // No alert() loops from content.
      safeDialogs: true,
      devTools: options.devTools,
    },
  });
  if (options.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[spanlab] could not load the UI:', error);
  });
  return win;
}

/// The bounds to remember for next time: the un-maximised size, so restoring a
/// maximised window still leaves a sensible size to return to.
export function windowPlacement(win: BrowserWindow): { bounds: Bounds; maximized: boolean } {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
}
