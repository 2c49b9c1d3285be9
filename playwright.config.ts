// End-to-end tests: real Chromium against `spanlab serve` on a throwaway project per test
// (test/e2e/fixtures.ts). The browser is, in order: $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
// the system's /usr/bin/chromium, or Playwright's own (`npx playwright install chromium`).

import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './test/support/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/e2e/globalSetup.ts',
  // Each test starts its own server; two at a time keeps a small CI machine responsive.
  workers: 2,
  fullyParallel: true,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: CHROMIUM_ARGS,
    },
  },
});
