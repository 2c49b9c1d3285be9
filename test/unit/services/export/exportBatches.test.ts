// The import batches the Export dialog offers: those that brought documents, newest first.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { exportBatches } from '../../../../main/services/export/exportBatches';
import { importBatch } from '../../../../main/services/import/batchImport';
import { newProject, tempDir } from '../../../support/projectFixture';

test('batches with documents are offered newest first; one that brought only duplicates is not', async () => {
  const { project } = await newProject({ sample: true });
  try {
    const dir = tempDir();
    const write = (name: string, texts: string[]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, texts.map((text) => `${JSON.stringify({ text })}\n`).join(''));
      return file;
    };
    const monday = write('monday.jsonl', ['Rockets hit the port.', 'The port reopened.']);
    const tuesday = write('tuesday.jsonl', ['Talks resumed in Geneva.']);
    for (const file of [monday, tuesday, monday]) await importBatch(project, { paths: [file], format: 'auto' });

    const batches = exportBatches(project.db);
    assert.deepEqual(
      batches.map(({ id, paths, documents }) => ({ id, paths, documents })),
      [
        { id: 2, paths: [tuesday], documents: 1 },
        { id: 1, paths: [monday], documents: 2 },
      ],
    );
    assert.match(batches[0]!.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  } finally {
    project.close();
  }
});
