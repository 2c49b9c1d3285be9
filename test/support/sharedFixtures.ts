// The fixtures kept outside the repository, in ../shared beside it (brat corpora and their
// annotation.conf files). A checkout without that folder still runs every other test: the
// tests that need it skip, saying why.

import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The shared fixtures folder, whether or not it exists. */
export const SHARED_DIR = path.resolve(repoRoot, '../shared');

/// The path of a shared fixture, e.g. `sharedFixture('fixtures/brat/bionlp-epi/annotation.conf')`.
export function sharedFixture(relative: string): string {
  return path.join(SHARED_DIR, relative);
}

/// `false` when the fixture is there; else the message a skipped test shows.
export function missingShared(relative: string): false | string {
  if (fs.existsSync(sharedFixture(relative))) return false;
  return `needs ${relative} from the shared fixtures folder (${SHARED_DIR}), which is absent`;
}
