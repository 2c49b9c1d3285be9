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
  res.end(text);
}
