// The one Content-Security-Policy of the UI, whichever way it is delivered: the Electron
// shell sets it on its app:// responses and serve mode sends it on every HTTP response.
// Everything the renderer needs comes from its own origin (the Vite build has no inline
// script or style and no remote asset), so nothing else is allowed: an injected string
// can neither run code nor send the analyst's text anywhere.

/** The Content-Security-Policy header value for every UI response. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
