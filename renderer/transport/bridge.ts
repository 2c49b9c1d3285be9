// Chooses the transport once, at start-up: inside Electron the preload has exposed
// `window.spanlab`; anywhere else the page was served by `spanlab serve`. Nothing past this
// file knows which one runs.

import type { SpanlabBridge } from '../../common/contract';
import { httpTransport } from './httpTransport';
import { ipcTransport } from './ipcTransport';

/// The bridge for the environment the page runs in.
export function createBridge(): SpanlabBridge {
  return ipcTransport() ?? httpTransport();
}
