// The data side and everything below it run in plain Node (the CLI, serve mode, these
// tests): none of it may import electron. The lint rule says so too; this holds even where
// lint is not run, and also catches require() and dynamic import().

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../../..');
const FOLDERS = ['common', 'core', 'db', 'main/services'];
// `from 'electron'`, `import 'electron'`, `import('electron/main')`, `require("electron")`, `@electron/...`.
const ELECTRON =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](?:electron|@electron\/[^'"]*)(?:\/[^'"]*)?['"]/;

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(?:ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

test('no file under common/, core/, db/ or main/services/ imports electron', () => {
  const files = FOLDERS.flatMap((folder) => sources(path.join(root, folder)));
  assert.ok(files.length > 20, `scanned ${files.length} files`);
  const offenders = files
    .filter((file) => ELECTRON.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(root, file));
  assert.deepEqual(offenders, []);
});

test('the scan would notice an electron import', () => {
  const imports = [
    "import { app } from 'electron';",
    'const { ipcMain } = require("electron")',
    "await import('electron/main')",
    "import 'electron';",
  ];
  for (const line of imports) assert.match(line, ELECTRON);
  assert.doesNotMatch("import { x } from './electronish';", ELECTRON);
});
