// The built UI (dist/renderer) as files, for both ways it reaches a page: Electron's app://
// protocol and serve mode's HTTP server. One place decides which file a request path names,
// what type it is sent as and which security headers go with it, so the two cannot drift.

import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';

/// Headers every UI response carries, file or refusal: the CSP, and no framing, no
/// referrer, no shared browsing context, no MIME sniffing.
export const UI_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/// The file under `base` (absolute) that a request path names, or null when the path tries
/// to leave it. `rawPath` is the URL's pathname, still percent-encoded. URL parsers resolve
/// literal dot segments already; what remains to refuse is what decoding reveals
/// (`%2e%2e%2f`, `%5c`, NUL), and a final containment check catches anything else.
export function resolveUiFile(base: string, rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split(/[\\/]/);
  if (segments.includes('..')) return null;
  // A drive letter or UNC prefix inside a segment would make path.resolve jump roots on Windows.
  if (segments.some((s) => s.includes(':'))) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : '.' + decoded;
  const file = path.resolve(base, relative);
  return file.startsWith(base + path.sep) ? file : null;
}

/// The Content-Type a UI file is sent with. Anything unexpected goes as opaque bytes,
/// which `nosniff` keeps the page from executing.
export function uiContentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// What Vite emits, and what a font or icon might be.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};
