// Per-test fixtures: a temp folder, `spanlab serve` started on it as a child process (a
// fresh settings folder, a free port), and a page that fails the test on any script
// error or CSP violation. The server is stopped and the folder removed afterwards.

import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput } from '../../common/contract';
import type { CallResult } from '../../common/errors';
import { startSpanlab } from '../support/spanlabProcess';

const root = path.resolve(import.meta.dirname, '../..');
const SCREENSHOT_DIR = path.join(root, 'test-results', 'screenshots');

export interface ServeOptions {
  /** Start with `--project <tmp>/p.spanlab` (created with the sample), or with no project. */
  withProject: boolean;
  /** Instead of the sample, seed the project with this many generated articles. */
  seedDocuments?: number;
}

export interface Served {
  /** The printed address, token included. */
  url: string;
  token: string;
  /** The test's temp folder. */
  dir: string;
  /** The project file when started with one. */
  projectPath: string;
  /// A contract call straight to the server (as the page would make it), for checks
  /// that must not go through the UI.
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>>>;
}

export const test = base.extend<{ serveOptions: ServeOptions; served: Served; shot: (name: string) => Promise<void> }>({
  serveOptions: [{ withProject: true }, { option: true }],

  served: async ({ serveOptions }, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'spanlab-e2e-'));
    const projectPath = path.join(dir, 'p.spanlab');
    if (serveOptions.seedDocuments) {
      // Loaded only here: it pulls the services and SQLite into the test process.
      const { seedLargeProject } = await import('./largeProject');
      await seedLargeProject(projectPath, serveOptions.seedDocuments);
    }
    const args = ['serve', '--port', '0'];
    if (serveOptions.withProject) args.push('--project', projectPath);
    const child = startSpanlab(args, path.join(dir, 'settings'));
    try {
      const url = await printedUrl(child);
      const token = new URL(url).hash.replace(/^#token=/, '');
      const origin = new URL(url).origin;
      await use({
        url,
        token,
        dir,
        projectPath,
        async call(name, input) {
          const response = await fetch(`${origin}/api/${name}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(input),
          });
          return (await response.json()) as CallResult<never>;
        },
      });
    } finally {
      await stop(child);
      await rm(dir, { recursive: true, force: true });
    }
  },

  // Any uncaught error or CSP violation in the page fails the test: the UI must run
  // under its strict policy without a single refused style or script.
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) {
        problems.push(`CSP: ${text}`);
      }
    });
    await use(page);
    expect(problems, 'errors or CSP violations in the page').toEqual([]);
  },

  shot: async ({ page }, use) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await use(async (name: string) => {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
    });
  },
});

export { expect };

/// Unwraps a CallResult in a test, failing with the service's message.
export function valueOf<T>(result: CallResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/// Opens the app as the analyst would: the printed URL, then waits for the first paint.
export async function openApp(page: Page, served: Served): Promise<void> {
  await page.goto(served.url);
  await expect(page.locator('#root > *')).toBeVisible();
}

// Reads the server's stdout until the "serving on http://…" line; fails with its output
// if it exits or stays silent.
function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail('no URL printed within 30 s'), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`spanlab serve: ${why}\n${output}`));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
