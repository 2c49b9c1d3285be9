// `POST /api/<call-name>`: one contract call over HTTP. The body is the call's input as
// JSON; the answer is always a CallResult JSON. A service error is a value (200 with
// `ok: false`), exactly as over IPC; only a request that never reaches dispatch — not
// JSON, too large, an unknown call — gets an HTTP error status, still with a CallResult
// body so the transport reads every answer the same way.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallHandlers } from '../../common/contract';
import { isCallName } from '../../common/contract';
import type { CallResult, ErrorInfo } from '../../common/errors';
import { dispatch } from '../api/dispatch';
import { sendJson } from './response';

/** Largest accepted body. An import travels as a path, not as content, so 16 MB is ample. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/// Answers one API call request; `name` is the path segment after `/api/`.
export async function handleCall(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: CallHandlers,
  name: string,
): Promise<void> {
  if (!isCallName(name)) {
    sendJson(res, 404, invalidRequest(`Unknown call ${JSON.stringify(name.slice(0, 80))}.`));
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, invalidRequest(`${name} must be sent with POST.`));
    return;
  }
  if (!isJson(req.headers['content-type'])) {
    // Also keeps out HTML forms, which cannot send application/json.
    sendJson(res, 415, invalidRequest('The request body must be JSON (Content-Type: application/json).'));
    return;
  }

  const body = await readBody(req);
  if (body === 'too_large') {
    // sendJson closes the connection: the rest of the body is never read.
    sendJson(res, 413, invalidRequest(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
    return;
  }
  if (body === 'aborted') return;

  let payload: unknown;
  if (body.length > 0) {
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, invalidRequest(`The ${name} request is not valid JSON.`));
      return;
    }
  }
  sendJson(res, 200, await dispatch(handlers, name, payload));
}

/// The CallResult of a request refused before dispatch: the client sent something wrong.
export function invalidRequest(message: string): CallResult<never> {
  const error: ErrorInfo = { code: 'invalid_input', message };
  return { ok: false, error };
}

// `application/json`, with or without parameters such as `; charset=utf-8`.
function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

// Collects the body up to the limit. A declared Content-Length over the limit is refused
// before reading; a body that grows past it while streaming is cut off.
function readBody(req: IncomingMessage): Promise<Buffer | 'too_large' | 'aborted'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.resolve('too_large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: Buffer | 'too_large' | 'aborted') => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        settle('too_large');
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => settle(Buffer.concat(chunks)));
    req.on('error', () => settle('aborted'));
    req.on('close', () => settle(req.complete ? Buffer.concat(chunks) : 'aborted'));
  });
}
