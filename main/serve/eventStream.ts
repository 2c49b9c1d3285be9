// `GET /api/events`: the contract's pushed events as server-sent events, the HTTP
// counterpart of the IPC event channels. Each message is
//   event: <event name>\ndata: <payload JSON>\n\n
// JSON.stringify never emits a raw newline, so one `data:` line always carries it whole.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventMessage } from '../../common/contract';

/** How often an idle stream gets a comment line, so proxies and browsers keep it open. */
export const HEARTBEAT_MS = 15_000;

/** The part of the workspace an event stream listens to. */
export interface EventSourceOfTruth {
  onEvent(listener: (message: EventMessage) => void): () => void;
}

/// Holds the response open and forwards every workspace event until the client leaves,
/// then unsubscribes. The returned function ends the stream at once (server shutdown:
/// the workspace must have no listener left when it closes).
export function streamEvents(
  req: IncomingMessage,
  res: ServerResponse,
  events: EventSourceOfTruth,
): () => void {
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Connection', 'keep-alive');
  // A reconnecting EventSource waits this long; the server is local, so retry soon.
  res.write('retry: 1000\n: connected\n\n');

  const unsubscribe = events.onEvent((message) => {
    res.write(`event: ${message.name}\ndata: ${JSON.stringify(message.payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);

  let closed = false;
  const stop = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
  return () => {
    stop();
    res.end();
  };
}
