// Which Chromium the end-to-end tests and the browser benchmarks drive, and how: in order
// $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, the system's /usr/bin/chromium (Debian's package,
// which CI installs), or Playwright's own (`npx playwright install chromium`).

import { existsSync } from 'node:fs';

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/// Flags for a closed network and a root user: no sandbox (root), no GPU, and none of the
/// background connections Chromium would otherwise try and be refused.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
