// `npm test`: builds the app, runs the unit tests (node:test, plain Node, real SQLite files)
// and the end-to-end tests (Playwright, real Chromium against serve mode), then prints one
// closing line with the totals of both. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Totals go to a folder of their own: Playwright empties test-results/ when it starts.
const results = mkdtempSync(path.join(os.tmpdir(), 'spanlab-test-'));

function run(command, args, env = {}) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function unitTestFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

const build = run('node', ['build/build.mjs']);
if (build !== 0) process.exit(build);

const tap = path.join(results, 'unit.tap');
const unitStatus = run('node', [
  '--import', 'tsx', '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  ...unitTestFiles(path.join(root, 'test/unit')),
]);

// Playwright's Electron test needs a display; Chromium runs headless without one.
const e2eJson = path.join(results, 'e2e.json');
const playwright = ['playwright', 'test', '--reporter=list,json'];
const useXvfb = !process.env.DISPLAY && process.platform === 'linux' && existsSync('/usr/bin/xvfb-run');
const e2eStatus = useXvfb
  ? run('xvfb-run', ['-a', 'npx', ...playwright], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson })
  : run('npx', playwright, { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });

const unit = tapTotals(tap);
const e2e = playwrightTotals(e2eJson);
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const failed = unit.failed + e2e.failed + (unitStatus !== 0 && unit.failed === 0 ? 1 : 0) + (e2eStatus !== 0 && e2e.failed === 0 ? 1 : 0);
console.log(`total: ${unit.passed + e2e.passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exit(unitStatus !== 0 || e2eStatus !== 0 ? 1 : 0);

function tapTotals(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  // The last summary block of the TAP stream is the run's totals.
  const count = (key) => Number([...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}

function playwrightTotals(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}
