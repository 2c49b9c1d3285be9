// The app:// protocol: answers the window's requests with the files of the built UI
// (dist/renderer) and nothing else. Plain Node (the Fetch API Request/Response Electron's
// `protocol.handle` speaks), so it is tested without Electron.
//
// Every response carries the UI's Content-Security-Policy: it is the only way the CSP
// reaches the page, since the page is never served by anything else.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveUiFile, uiContentType, UI_SECURITY_HEADERS } from '../ui/uiAssets';
import { APP_HOST, APP_SCHEME } from './origin';

/// A `protocol.handle` handler serving the files under `root` (an absolute directory).
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const base = path.resolve(root);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return answer(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return answer(400, 'Malformed URL.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return answer(404, 'Not found.');

    const file = resolveUiFile(base, url.pathname);
    if (file === null) return answer(403, 'Forbidden path.');

    const info = await stat(file).catch(() => null);
    if (info === null || !info.isFile()) return answer(404, 'Not found.');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        ...UI_SECURITY_HEADERS,
        'Content-Type': uiContentType(file),
        'Content-Length': String(info.size),
        // Revalidate: the files are local and a rebuild must show on reload.
        'Cache-Control': 'no-cache',
      },
    });
  };
}

// Refusals are short plain text with the CSP too: an error page is still a page.
function answer(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: {
      ...UI_SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...extra,
    },
  });
}
