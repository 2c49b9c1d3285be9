// `spanlab serve`: the UI in a browser instead of the Electron window, for a server or a
// machine without a display. Binds to 127.0.0.1 only; the printed URL carries the per-run
// token, so only whoever reads this terminal can use the server.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CliError, UsageError } from '../cliError';
import type { Command } from '../command';
import { packageRoot, packageVersion } from '../packageInfo';
import { settingsDir } from '../settingsDir';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the UI on 127.0.0.1 for a browser',
  help: `Usage: spanlab serve [--project FILE] [--port N]

Starts a local server on 127.0.0.1 and prints the address to open in a browser.
The address carries a secret token for this run only; keep it to yourself.
Stop with Ctrl+C.

Options:
  --project FILE  open this project (created with the sample article if missing)
  --port N        listen on port N (default 0: any free port)
  -h, --help      show this help

Settings are kept in $SPANLAB_SETTINGS_DIR, else $XDG_CONFIG_HOME/spanlab,
else ~/.config/spanlab.`,

  async run(args) {
    const { values } = parseArgs({
      args,
      options: { project: { type: 'string' }, port: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    const port = parsePort(values.port);
    const staticDir = path.join(packageRoot, 'dist', 'renderer');
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      console.error('spanlab: warning: the UI is not built (no dist/renderer/index.html): run npm run build');
    }

    const { Workspace } = await import('../../main/services/workspace');
    const { startServer } = await import('../../main/serve/server');
    const workspace = new Workspace({ settingsDir: settingsDir(), mode: 'serve', version: packageVersion });
    try {
      if (values.project !== undefined) {
        const file = path.resolve(values.project);
        if (existsSync(file)) {
          await workspace.openProject(file);
        } else {
          await workspace.createProject(file, true);
          console.log(`Created ${file} with the sample article.`);
        }
      }
      const server = await listen(() => startServer({ workspace, port, host: '127.0.0.1', staticDir }), port);
      console.log(`Spanlab is serving on ${server.url} (Ctrl+C to stop)`);
      await stopSignal();
      await server.close();
    } finally {
      workspace.close();
    }
    console.error('spanlab: stopped');
    return 0;
  },
};

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port must be a number from 0 to 65535, not ${JSON.stringify(value)}`);
  return port;
}

// Turns the listen failures a user can cause into one-line reasons.
async function listen<T>(start: () => Promise<T>, port: number): Promise<T> {
  try {
    return await start();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE') {
      throw new CliError(`Port ${port} is already in use: choose another with --port, or --port 0 for any free one.`);
    }
    if (code === 'EACCES') {
      throw new CliError(`Not allowed to listen on port ${port}: choose one above 1023.`);
    }
    throw error;
  }
}

// Resolves on the first Ctrl+C / kill; a second one falls back to Node's default (exit).
function stopSignal(): Promise<void> {
  const signals: NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
  return new Promise((resolve) => {
    const stop = () => {
      for (const signal of signals) process.off(signal, stop);
      resolve();
    };
    for (const signal of signals) process.on(signal, stop);
  });
}
