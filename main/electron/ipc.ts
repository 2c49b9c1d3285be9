// The main-process end of the bridge. Each contract call gets its own channel, derived
// from the contract; a call is answered only when it comes from the main frame of our
// window showing our own origin, and then goes through the same `dispatch` as serve
// mode, which validates the payload before any service sees it.

import { ipcMain, type BrowserWindow } from 'electron';
import { CALL_NAMES, ipcChannel, type CallHandlers, type EventMessage } from '../../common/contract';
import type { CallResult } from '../../common/errors';
import { dispatch } from '../api/dispatch';
import { isTrustedSender } from './trustedSender';

/// Answers every contract call with `handlers`. `currentWindow` is asked on each call,
/// so a window recreated later (macOS re-activation) is the one trusted.
export function registerCallHandlers(handlers: CallHandlers, currentWindow: () => BrowserWindow | null): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel.call(name), (event, payload: unknown): Promise<CallResult<unknown>> => {
      if (!isTrustedSender(event, currentWindow())) {
        console.warn(`[spanlab] refused ${name} from ${event.senderFrame?.url ?? 'a detached frame'}`);
        return Promise.resolve(refusal);
      }
      return dispatch(handlers, name, payload);
    });
  }
}

/// Delivers a pushed event to the window, if there is one to receive it. Events are
/// notifications: one sent while no window exists is dropped, not queued.
export function sendEvent(win: BrowserWindow | null, message: EventMessage): void {
  if (win === null || win.isDestroyed() || win.webContents.isDestroyed()) return;
  win.webContents.send(ipcChannel.event(message.name), message.payload);
}

// Deliberately says little: whoever gets it is not the UI.
const refusal: CallResult<never> = {
  ok: false,
  error: { code: 'unsupported', message: 'This call is only accepted from the Spanlab window.' },
};
