// The checks a request passes before any route sees it. Loopback alone is no boundary:
// a web page in the analyst's browser can send requests to 127.0.0.1, and a DNS-rebinding
// page can even make them look same-origin. So the server insists on
//   - a Host naming loopback and this port (a rebinding page's Host is its own domain),
//   - no foreign Origin (a cross-site page always sends its own),
//   - the per-run token (only the holder of the printed URL has it).

import type { IncomingMessage } from 'node:http';
import { tokenMatches } from './accessToken';

/** Why a request is turned away: the status to answer with and a sentence for a person. */
export interface Refusal {
  status: number;
  message: string;
}

/** What the guard compares a request against. */
export interface GuardSettings {
  /** The port actually bound (known only after listening, hence a getter). */
  port: () => number;
  token: string;
}

/// Refuses a request whose Host is not this server under a loopback name. Applies to
/// every request, static files included, so a rebinding page cannot even read the UI.
export function checkHost(req: IncomingMessage, settings: GuardSettings): Refusal | null {
  const host = req.headers.host?.toLowerCase();
  if (host !== undefined && allowedAuthorities(settings.port()).includes(host)) return null;
  return { status: 421, message: 'This server answers only to 127.0.0.1 or localhost on its own port.' };
}

/// Refuses an API request from a foreign origin or without the token. `queryToken` is
/// the `?token=` value, accepted only where the caller cannot set headers (EventSource).
export function checkApiAccess(
  req: IncomingMessage,
  settings: GuardSettings,
  queryToken: string | null,
): Refusal | null {
  const origin = req.headers.origin;
  // Browsers send Origin on every cross-origin request (and "null" from sandboxed or
  // file: pages); a same-origin page of ours sends our own or none.
  if (origin !== undefined) {
    const allowed = allowedAuthorities(settings.port()).map((authority) => `http://${authority}`);
    if (!allowed.includes(origin.toLowerCase())) {
      return { status: 403, message: 'Requests from other sites are not accepted.' };
    }
  }
  const presented = bearerToken(req.headers.authorization) ?? queryToken;
  if (!tokenMatches(settings.token, presented)) {
    return {
      status: 401,
      message: 'Missing or wrong access token: open the address printed by `spanlab serve`.',
    };
  }
  return null;
}

function allowedAuthorities(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

// `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 9110).
function bearerToken(header: string | undefined): string | null {
  const match = header === undefined ? null : /^bearer +(\S+) *$/i.exec(header);
  return match?.[1] ?? null;
}
