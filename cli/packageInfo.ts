// Where the CLI runs from and which version it is. The CLI runs from the repository (or
// the installed package) as TypeScript through tsx, so paths are found from this file,
// not from the working directory.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the folder holding package.json, cli/ and dist/. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The version in package.json, the one `app.info` reports. */
export const packageVersion: string = readVersion();

function readVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}
