// IPC is answered only for the main frame of our own window showing app://spanlab.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { isTrustedSender } from '../../../main/electron/trustedSender';

type Event = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
type Window = Pick<BrowserWindow, 'isDestroyed' | 'webContents'>;

// Stand-ins with just the fields the check reads; the casts say so.
const contents = { id: 1 } as unknown as BrowserWindow['webContents'];
const otherContents = { id: 2 } as unknown as BrowserWindow['webContents'];
const window = (destroyed = false): Window => ({ isDestroyed: () => destroyed, webContents: contents });
const mainFrame = (url: string) => ({ url, parent: null }) as unknown as IpcMainInvokeEvent['senderFrame'];
const subFrame = (url: string) => ({ url, parent: {} }) as unknown as IpcMainInvokeEvent['senderFrame'];
const event = (frame: IpcMainInvokeEvent['senderFrame'], sender = contents): Event => ({ sender, senderFrame: frame });

test('the UI in our window is trusted', () => {
  assert.ok(isTrustedSender(event(mainFrame('app://spanlab/index.html')), window()));
});

test('a subframe, another origin or another window is not', () => {
  assert.equal(isTrustedSender(event(subFrame('app://spanlab/index.html')), window()), false);
  assert.equal(isTrustedSender(event(mainFrame('https://example.com/')), window()), false);
  assert.equal(isTrustedSender(event(mainFrame('app://spanlab.evil/index.html')), window()), false);
  assert.equal(isTrustedSender(event(mainFrame('file:///tmp/x.html')), window()), false);
  assert.equal(isTrustedSender(event(mainFrame('app://spanlab/index.html'), otherContents), window()), false);
});

test('a detached frame, a closed window or no window is not', () => {
  assert.equal(isTrustedSender(event(null), window()), false);
  assert.equal(isTrustedSender(event(mainFrame('app://spanlab/index.html')), window(true)), false);
  assert.equal(isTrustedSender(event(mainFrame('app://spanlab/index.html')), null), false);
});
