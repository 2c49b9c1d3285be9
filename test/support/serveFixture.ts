// A serve-mode server over a real Workspace in a throwaway folder, for the serve tests:
// settings and projects live in a fresh temp dir, and the "built UI" is a tiny static
// folder with a secret file next to it (outside it) that no request may ever read.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { RunningServer } from '../../main/serve/server';
import { startServer } from '../../main/serve/server';
import { Workspace } from '../../main/services/workspace';

export const SECRET = 'secret-outside-the-static-root';

export interface ServeFixture {
  dir: string;
  staticDir: string;
  workspace: Workspace;
  server: RunningServer;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** POSTs a call with the right token and headers; returns status and parsed body. */
  call(name: string, input: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/// Starts a server on a random port. `built: false` leaves out index.html.
export async function serveWorkspace(options: { built?: boolean } = {}): Promise<ServeFixture> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spanlab-'));
  const staticDir = path.join(dir, 'static');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  if (options.built !== false) {
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Spanlab</title>');
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("spanlab");');
  }
  writeFileSync(path.join(dir, 'secret.txt'), SECRET);

  const workspace = new Workspace({ settingsDir: path.join(dir, 'settings'), mode: 'serve', version: 'test' });
  const server = await startServer({ workspace, port: 0, host: '127.0.0.1', staticDir });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    dir,
    staticDir,
    workspace,
    server,
    origin,
    async call(name, input) {
      const response = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: await response.json() };
    },
    async stop() {
      await server.close();
      workspace.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/// A request exactly as given: fetch would normalise `..` out of the path and refuses to
/// set Host, and those are precisely what some tests need to send.
export function rawRequest(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}
