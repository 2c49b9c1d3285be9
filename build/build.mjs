// Builds everything `npm start`, `npm run serve` and electron-builder need into dist/:
//   dist/renderer/  the UI (Vite), served by the Electron protocol handler and serve mode alike
//   dist/main/      the Electron main process, one CommonJS bundle, and the import and export workers (esbuild)
//   dist/preload/   the sandboxed preload, CommonJS as sandboxed preloads must be (esbuild)
// Runs on `npm ci` too (the `prepare` script), so a fresh clone is ready to serve.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watchless = { logLevel: 'warning', bundle: true, sourcemap: true, platform: 'node', target: 'node22' };

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });

await esbuild({
  ...watchless,
  entryPoints: [path.join(root, 'main/electron/main.ts')],
  outfile: path.join(root, 'dist/main/main.cjs'),
  format: 'cjs',
  // The native module must stay a real file (asarUnpack) and electron is the host itself.
  external: ['electron', 'better-sqlite3'],
  // The only `import.meta`s say where the import and export workers are when running from
  // source (sourceWorkerScript, sourceExportWorkerScript); the bundled app passes the
  // bundled ones instead.
  logOverride: { 'empty-import-meta': 'silent' },
});

// The import worker runs in a thread of its own, so it is an entry of its own, written
// beside main.cjs where the shell looks for it (main/services/import/workerScript.ts).
await esbuild({
  ...watchless,
  entryPoints: [path.join(root, 'main/services/import/importWorker.ts')],
  outfile: path.join(root, 'dist/main/importWorker.cjs'),
  format: 'cjs',
  external: ['electron', 'better-sqlite3'],
});

// The export worker likewise (main/services/export/exportWorkerScript.ts).
await esbuild({
  ...watchless,
  entryPoints: [path.join(root, 'main/services/export/exportWorker.ts')],
  outfile: path.join(root, 'dist/main/exportWorker.cjs'),
  format: 'cjs',
  external: ['electron', 'better-sqlite3'],
});

await esbuild({
  ...watchless,
  entryPoints: [path.join(root, 'preload/preload.ts')],
  outfile: path.join(root, 'dist/preload/preload.cjs'),
  format: 'cjs',
  external: ['electron'],
});

console.log('spanlab: built dist/renderer, dist/main, dist/preload');
