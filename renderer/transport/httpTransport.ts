// The serve-mode transport: the same contract over the local HTTP server that
// `spanlab serve` starts. The page is opened as http://127.0.0.1:PORT/#token=TOKEN; the
// token authorises every request, so it is taken from the URL once, kept for the tab's
// lifetime in sessionStorage (a reload must keep working, another tab or a restart of the
// browser must not inherit it) and removed from the address bar, where it would be
// copied, bookmarked or shared on screen.

import type { CallName, EventName, EventPayloads, SpanlabBridge } from '../../common/contract';
import type { CallResult } from '../../common/errors';
import { isErrorInfo } from '../../common/errors';

const TOKEN_KEY = 'spanlab.token';

/// A bridge that posts calls to `/api/<name>` and listens to `/api/events` (server-sent events).
export function httpTransport(): SpanlabBridge {
  const token = takeToken();
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  function subscribeSource(name: EventName): void {
    // One EventSource for every event name; it reconnects by itself after a dropped
    // connection, which is all a local server needs.
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token ?? '')}`);
    source.addEventListener(name, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        console.warn(`[spanlab] ignored a malformed "${name}" event`);
        return;
      }
      for (const listener of listeners.get(name) ?? []) (listener as (p: unknown) => void)(payload);
    });
  }

  return {
    async call(name, input) {
      return post(name, input, token);
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
        subscribeSource(name);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}

async function post<T>(name: CallName, input: unknown, token: string | null): Promise<CallResult<T>> {
  if (!token) {
    return failure('This page has no access token. Open the address that `spanlab serve` printed.');
  }
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
  } catch {
    return failure('Cannot reach the Spanlab server. Is `spanlab serve` still running?');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isCallResult(body)) return body as CallResult<T>;
  if (response.status === 401 || response.status === 403) {
    return failure(
      'The server refused this page’s access token (the server was probably restarted). ' +
        'Open the new address that `spanlab serve` printed.',
    );
  }
  return failure(`The Spanlab server answered ${response.status} ${response.statusText} to ${name}.`);
}

function isCallResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === true ? 'value' in v : v.ok === false && isErrorInfo(v.error);
}

function failure(message: string): CallResult<never> {
  return { ok: false, error: { code: 'internal', message } };
}

// Reads `#token=…` once, keeps it in sessionStorage and takes it out of the address bar.
function takeToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}
