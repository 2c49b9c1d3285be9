// Who may call into the main process: the UI, and nothing else that might one day run in
// a renderer (an iframe, a page navigated elsewhere, another window). Only Electron's
// types are imported, so the rule is tested in plain Node.

import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './origin';

/// Whether an IPC message comes from the UI itself: our window's webContents, its main
/// frame (not a subframe), currently showing app://spanlab.
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  win: Pick<BrowserWindow, 'isDestroyed' | 'webContents'> | null,
): boolean {
  // senderFrame is null once the frame navigated away or was destroyed: not trusted.
  const frame = event.senderFrame;
  return (
    win !== null &&
    !win.isDestroyed() &&
    event.sender === win.webContents &&
    frame !== null &&
    frame.parent === null &&
    isAppUrl(frame.url)
  );
}
