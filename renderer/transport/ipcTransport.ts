// The Electron transport: the preload exposes the bridge as `window.spanlab` through
// contextBridge, already speaking the contract (calls answer CallResults, events arrive
// as payloads), so there is nothing to adapt here.

import type { SpanlabBridge } from '../../common/contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser (serve mode). */
    readonly spanlab?: SpanlabBridge;
  }
}

/// The preload's bridge, or null when the page does not run inside Spanlab's Electron shell.
export function ipcTransport(): SpanlabBridge | null {
  return window.spanlab ?? null;
}
