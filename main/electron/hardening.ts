// The shell's security policy, applied to every webContents and to the session rather
// than to one window, so a window, devtools or popup created later cannot slip past it.
// The renderer is treated as untrusted: it may show whatever a news text contains, and
// this is what stands between such text and the analyst's machine.

import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl, isLocalRequestUrl } from './origin';

/// Guards every webContents the app ever creates: no popups, no navigation away from
/// the UI's origin, no <webview>. Call once, before the first window.
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/// Denies the session every permission, device and network request the UI has no use
/// for. Call once per session, before anything loads in it.
export function hardenSession(ses: Session): void {
  // Camera, microphone, notifications, geolocation, clipboard reads, HID, serial, USB…:
  // an annotation tool needs none, and a prompt from injected content must not appear.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content at all: only app://spanlab, data:, blob: and devtools:.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isLocalRequestUrl(details.url);
    if (!allowed) console.warn(`[spanlab] blocked request to ${truncate(details.url)}`);
    callback({ cancel: !allowed });
  });
  // The spellchecker would download dictionaries from Google; it is off in the window
  // too, this makes sure no other webContents turns it on.
  ses.setSpellCheckerEnabled(false);
}

function hardenWebContents(contents: WebContents): void {
  // window.open and target=_blank never create a window. A plain web link the analyst
  // clicks goes to the system browser, after isExternalWebUrl has ruled out file:,
  // javascript:, credentials and every scheme that would launch another program.
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => console.warn('[spanlab] could not open link:', error));
    }
    return { action: 'deny' };
  });
  // The page never leaves its origin, neither by navigation nor by a server redirect.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      console.warn(`[spanlab] prevented navigation to ${truncate(event.url)}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // will-navigate sees the main frame only. The CSP allows no frame at all; should one
  // ever exist, it may not leave the origin either.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // webviewTag is off; should one still be attached, destroy it rather than trust its options.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

// Logged URLs may hold a document's text (data: URLs); keep the log readable.
function truncate(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}...` : url;
}
