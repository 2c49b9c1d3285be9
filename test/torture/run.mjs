// `npm run torture`: the reliability tests (crash kills, fuzzing, hostile payloads, backups,
// disk trouble) at a larger scale than `npm test` gives them, printing the figures each one
// measured. SPANLAB_TORTURE_SCALE picks the multiplier (default 25).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'test/unit/reliability');
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
  .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
  .sort();

const scale = process.env.SPANLAB_TORTURE_SCALE ?? '25';
console.log(`torture: ${files.length} reliability test files at scale ${scale}`);
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=3600000', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SPANLAB_TORTURE_SCALE: scale } },
);
process.exit(r.status ?? 1);
