import { defineConfig } from 'vite';
import path from 'node:path';

// The renderer is a static build: Electron loads it through its app:// protocol and serve
// mode from its HTTP server, so asset URLs are relative and nothing is fetched remotely.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // No inline <script> or data: module preloads: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
