// The sandboxed preload: the page's only way to the main process. It exposes one object,
// `window.spanlab`, implementing the contract's SpanlabBridge and nothing more: no
// ipcRenderer, no channel names, no Electron event objects. Names outside the contract
// are refused here, before anything is sent; main checks the sender and validates the
// payload again on its side.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  ipcChannel,
  isCallName,
  type EventName,
  type EventPayloads,
  type SpanlabBridge,
} from '../common/contract';
import type { CallResult } from '../common/errors';

const bridge: SpanlabBridge = {
  call(name, input) {
    if (!isCallName(name)) {
      return Promise.resolve(failure('invalid_input', `Unknown call ${describe(name)}.`));
    }
    // `invoke` rejects only when main threw outside `dispatch` (a bug) or the window is
    // closing; the page still gets a CallResult, never an exception.
    return ipcRenderer
      .invoke(ipcChannel.call(name), input)
      .catch(() => failure('internal', 'The call did not reach Spanlab; try again.'));
  },

  on(name, listener) {
    if (!isEventName(name)) throw new TypeError(`Unknown event ${describe(name)}.`);
    if (typeof listener !== 'function') throw new TypeError('An event listener must be a function.');
    const channel = ipcChannel.event(name);
    // The IpcRendererEvent stays here: it carries `sender` (ipcRenderer itself), which
    // would hand the page the raw IPC API.
    const forward = (_event: IpcRendererEvent, payload: EventPayloads[typeof name]) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('spanlab', bridge);

function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

// A refusal in the contract's own shape, so the page handles it like any failed call.
function failure<T>(code: 'invalid_input' | 'internal', message: string): CallResult<T> {
  return { ok: false, error: { code, message } };
}

function describe(name: unknown): string {
  return JSON.stringify(String(name)).slice(0, 80);
}
