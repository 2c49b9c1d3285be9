// How the serve-mode server answers: every response, API or static, carries the same
// security headers, and the small set of body kinds it sends is written in one place so
// that no route forgets a header.

import type { ServerResponse } from 'node:http';
import { UI_SECURITY_HEADERS } from '../ui/uiAssets';

/// Sets the headers every response carries. A page that somehow lands in a frame, opens
/// a popup or follows a link leaks nothing: no framing, no referrer, no shared window.
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(UI_SECURITY_HEADERS)) res.setHeader(name, value);
}

/// Answers with a JSON body (API responses: a CallResult, whatever the status). Never
/// cached: it is the analyst's data.
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.setHeader('Cache-Control', 'no-store');
  closeIfBodyUnread(res);
  res.end(text);
}

/// Answers with a short plain-text body (refusals outside the API, the "not built" page).
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extraHeaders: Record<string, string> = {},
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  closeIfBodyUnread(res);
  res.end(text);
}

// An answer sent before the request's body was read (a refusal, a 413) would otherwise
// leave Node to read that body to its end and throw it away, keeping the connection for
// the next request: a refused 1 GB upload would still be received whole. Closing the
// connection once the answer is out stops reading at once.
function closeIfBodyUnread(res: ServerResponse): void {
  const req = res.req;
  const declaresBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (declaresBody && !req.complete) res.setHeader('Connection', 'close');
}
