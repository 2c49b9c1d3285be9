// The built UI (dist/renderer) as plain files. Only files under the directory are ever
// read: `..` segments are refused outright, and the resolved path must still lie inside
// the root, whatever encoding or separator the request used.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveUiFile, uiContentType } from '../ui/uiAssets';
import { sendText } from './response';

/** What a browser is told when the UI has not been built yet. */
export const NOT_BUILT_MESSAGE = 'The UI is not built: run npm run build, then reload this page.';

/// Answers a request for a file of `root` (an absolute, resolved directory). `rawPath`
/// is the request path as sent, still percent-encoded, without the query.
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  rawPath: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    return;
  }
  const file = resolveUiFile(root, rawPath);
  if (file === null) {
    sendText(res, 403, 'Forbidden path.');
    return;
  }

  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) {
    if (rawPath === '/') sendText(res, 503, NOT_BUILT_MESSAGE);
    else sendText(res, 404, 'Not found.');
    return;
  }

  res.statusCode = 200;
  res.setHeader('Content-Type', uiContentType(file));
  res.setHeader('Content-Length', info.size);
  // Revalidate every time: a rebuild must show on reload, and the files are local.
  res.setHeader('Cache-Control', 'no-cache');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
