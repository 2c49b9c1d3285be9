// The per-run secret that proves a request comes from the page the analyst opened. The
// server listens on loopback only, but any local process or any web page the browser
// visits can reach loopback; only the holder of the printed URL knows the token.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/// A fresh token: 32 random bytes, base64url (URL- and header-safe, no padding).
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/// Whether `presented` is the token, in constant time. Both sides are hashed first so the
/// comparison is over equal lengths and not even the presented length shows in the timing.
export function tokenMatches(token: string, presented: string | null | undefined): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  return timingSafeEqual(digest(token), digest(presented));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
