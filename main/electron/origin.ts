// Where the UI lives inside the shell. The renderer is served from one privileged custom
// origin, app://spanlab, and every trust decision in the shell (navigation, IPC senders,
// network requests) is a question of "is this URL that origin?", answered here only.

/// The custom scheme the UI is served from (registered as standard and secure).
export const APP_SCHEME = 'app';
/// The single host of that scheme; any other host is refused by the protocol handler.
export const APP_HOST = 'spanlab';
/// The origin the page runs in, as `location.origin` reports it.
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/// The page the window loads; nothing else is ever loaded into it.
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/// True when `url` is a page or asset of the UI's own origin. Parsed rather than
/// prefix-matched, so `app://spanlab.evil/` or `app://spanlab@x/` do not pass.
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/// True for a link the analyst may open in the system browser: plain http(s), no
/// embedded credentials, of a sane length. Anything else (file:, javascript:, custom
/// schemes that launch other programs) is never handed to the OS.
export function isExternalWebUrl(url: string): boolean {
  if (url.length > 2_048) return false;
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

// `URL.parse` would do, but a try/catch keeps this working on any Node the tests use.
function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/// True for a request the UI's session may make: its own files, inline data, blobs it
/// created, and the developer tools' own pages. Everything else, above all any remote
/// http(s) or ws(s) URL and file:, is cancelled before it leaves the process: an
/// offline tool has no business on the network, and a news text cannot phone home.
export function isLocalRequestUrl(url: string): boolean {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  if (scheme === `${APP_SCHEME}:`) return isAppUrl(url);
  return scheme === 'data:' || scheme === 'blob:' || scheme === 'devtools:';
}
