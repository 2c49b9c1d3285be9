// The app as an analyst sees it, for browser benchmarks: `spanlab serve` on a given project
// (the real command, in a child process) and real Chromium pointed at its URL.

import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, chromiumExecutable } from '../test/support/chromium';
import { startSpanlab } from '../test/support/spanlabProcess';

export interface ServedApp {
  page: Page;
  close(): Promise<void>;
}

/// Serves `projectFile` and opens it in a fresh 1280×800 Chromium page.
export async function openServedApp(projectFile: string): Promise<ServedApp> {
  const settings = mkdtempSync(path.join(os.tmpdir(), 'spanlab-bench-settings-'));
  const server = startSpanlab(['serve', '--project', projectFile, '--port', '0'], settings);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(out);
      if (match) resolve(match[0]);
    });
    server.once('exit', (code) => reject(new Error(`spanlab serve exited (${code}) before printing a URL`)));
  });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    const opened = browser;
    return {
      page,
      close: async () => {
        await opened.close();
        server.kill('SIGTERM');
      },
    };
  } catch (error) {
    await browser?.close();
    server.kill('SIGTERM');
    throw error;
  }
}

/// A few idle frames and a pause, so one measurement's leftovers do not land in the next.
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
}
