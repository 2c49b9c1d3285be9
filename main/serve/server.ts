// Serve mode: the UI and the contract over HTTP on loopback, for a browser instead of the
// Electron window. Routing is deliberately tiny:
//   /api/events        GET, server-sent events            (token in ?token=)
//   /api/<call-name>   POST, one contract call            (token in Authorization)
//   anything else      a file of the built UI
// Every request passes the Host check first; every /api/ request also passes the Origin
// and token checks before it is routed, so an unknown API path without a token is a 401.

import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CallHandlers } from '../../common/contract';
import { createAccessToken } from './accessToken';
import { handleCall, invalidRequest } from './apiCall';
import type { EventSourceOfTruth } from './eventStream';
import { streamEvents } from './eventStream';
import type { GuardSettings, Refusal } from './requestGuard';
import { checkApiAccess, checkHost } from './requestGuard';
import { sendJson, sendText, setSecurityHeaders } from './response';
import { serveStatic } from './staticFiles';

/** What the server needs of the workspace: its call handlers and its event feed. */
export interface ServedWorkspace extends EventSourceOfTruth {
  readonly handlers: CallHandlers;
}

export interface ServerOptions {
  workspace: ServedWorkspace;
  /** 0 picks a free port. */
  port: number;
  /** Loopback only, by type and at run time: serve mode is never reachable from the network. */
  host?: '127.0.0.1';
  /** The built UI (dist/renderer). */
  staticDir: string;
}

export interface RunningServer {
  /** The address to open, with the token in the fragment: `http://127.0.0.1:<port>/#token=…`. */
  url: string;
  token: string;
  port: number;
  /** The bound socket address, always 127.0.0.1 (tests assert it). */
  address: AddressInfo;
  /** Stops listening, ends open connections (event streams too) and resolves when done. */
  close(): Promise<void>;
}

/// Starts serving; resolves once the socket is bound.
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('Serve mode binds to 127.0.0.1 only.');
  const token = createAccessToken();
  const root = path.resolve(options.staticDir);
  let port = 0;
  const guard: GuardSettings = { port: () => port, token };
  const context: RouteContext = { guard, root, workspace: options.workspace, streams: new Set() };

  const server = createServer((req, res) => {
    route(req, res, context).catch(() => {
      // Routes answer their own errors; this is a failed write to a vanished client.
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Event streams never end on their own: end them now, so that close() does not
        // hang and no listener is left on the workspace when the caller closes it.
        for (const end of context.streams) end();
        server.closeAllConnections();
      }),
  };
}

interface RouteContext {
  guard: GuardSettings;
  root: string;
  workspace: ServedWorkspace;
  /** Ends each open event stream. */
  streams: Set<() => void>;
}

async function route(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  setSecurityHeaders(res);
  const target = req.url ?? '';
  // Only origin-form targets ("/path?query"); absolute-form is for proxies.
  if (!target.startsWith('/')) {
    sendText(res, 400, 'Bad request target.');
    return;
  }
  const queryStart = target.indexOf('?');
  const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : target.slice(queryStart + 1));

  const isApi = rawPath === '/api' || rawPath.startsWith('/api/');
  const refusal = checkHost(req, context.guard) ?? (isApi ? apiRefusal(req, rawPath, query, context) : null);
  if (refusal !== null) {
    if (isApi) {
      sendJson(res, refusal.status, invalidRequest(refusal.message));
    } else {
      sendText(res, refusal.status, refusal.message);
    }
    return;
  }

  if (!isApi) {
    await serveStatic(req, res, context.root, rawPath);
    return;
  }
  if (rawPath === '/api/events') {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendJson(res, 405, invalidRequest('Events are read with GET.'));
      return;
    }
    const end = streamEvents(req, res, context.workspace);
    context.streams.add(end);
    res.on('close', () => context.streams.delete(end));
    return;
  }
  await handleCall(req, res, context.workspace.handlers, decodeCallName(rawPath.slice('/api/'.length)));
}

// The token may come in the query only on the event stream: EventSource cannot set
// headers, and keeping it out of other URLs keeps it out of every other log line.
function apiRefusal(
  req: IncomingMessage,
  rawPath: string,
  query: URLSearchParams,
  context: RouteContext,
): Refusal | null {
  const queryToken = rawPath === '/api/events' ? query.get('token') : null;
  return checkApiAccess(req, context.guard, queryToken);
}

// Call names are plain ASCII ("documents.list"); a malformed escape just becomes an
// unknown name.
function decodeCallName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
