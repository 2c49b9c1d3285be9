// Train/dev/test splits by document, the same for a seed whatever else is exported. A
// document's split depends on nothing but the seed and its text:
//
//   u = int(sha256(f"{seed}:{content_hash}").hexdigest()[:13], 16) / 16**13    # in [0, 1)
//   train if u < train%, dev if u < train% + dev%, else test
//
// where content_hash is the hex SHA-256 of the document's text (the project's
// `documents.content_hash`). So a document lands in the same split in every export with
// that seed — from this project or any other holding the same article, with any filter —
// and adding documents later never moves one that was already exported: no document of a
// test set leaks into a later training set. The proportions are met on average; the
// report gives the actual counts.

import { createHash } from 'node:crypto';
import type { SplitName, SplitRatios } from '../../../common/export';

/// The split of the document whose text hashes to `contentHash`.
export function splitOf(contentHash: string, ratios: SplitRatios, seed: number): SplitName {
  const digest = createHash('sha256').update(`${seed}:${contentHash}`, 'utf8').digest('hex');
  // 13 hex digits are 52 bits: exactly representable in a double.
  const u = parseInt(digest.slice(0, 13), 16) / 16 ** 13;
  if (u < ratios.train / 100) return 'train';
  if (u < (ratios.train + ratios.dev) / 100) return 'dev';
  return 'test';
}
