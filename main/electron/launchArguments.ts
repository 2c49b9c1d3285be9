// A project the app was asked to open from outside: a `.spanlab` file double-clicked in
// the file manager (Windows and Linux pass it on the command line, to the first instance
// or, through `second-instance`, to the one already running).

import path from 'node:path';

/// The last `.spanlab` path among `argv`, made absolute against `cwd`; null if none.
/// Switches (Chromium adds some) and the executable and script paths never match.
export function projectPathFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i];
    if (arg === undefined || arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith('.spanlab')) return path.resolve(cwd, arg);
  }
  return null;
}
