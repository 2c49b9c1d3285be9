// Builds the UI before the run, so the tests always exercise the current sources (serve
// mode serves dist/renderer). The Vite build takes about a second; set
// SPANLAB_E2E_SKIP_BUILD=1 when a full `npm run build` has just run.

import path from 'node:path';
import { build } from 'vite';

export default async function globalSetup(): Promise<void> {
  if (process.env.SPANLAB_E2E_SKIP_BUILD === '1') return;
  const root = path.resolve(import.meta.dirname, '../..');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
