// Every format read back by Python, as a training script would read it
// (test/python/check_exports.py), on texts with emoji, combining marks, Arabic script and
// CRLF line ends: offsets exact, one tag per token, every event argument an exported
// mention, no document in two splits.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ExportRequest } from '../../../../common/export';
import { EXPORT_FORMAT_NAMES } from '../../../../common/export';
import { openDatabase } from '../../../../db/openDatabase';
import { runExport } from '../../../../main/services/export/exportRunner';
import { exportFixture } from '../../../support/exportFixture';
import { tempDir } from '../../../support/projectFixture';

const script = path.resolve(import.meta.dirname, '../../../python/check_exports.py');
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const noPython = python.status === 0 ? false : 'python3 is not installed, so the Python check of the exports cannot run';

test('python3 reads every format back exactly', { skip: noPython }, async () => {
  const fixture = await exportFixture();
  fixture.project.close();
  const dir = tempDir();
  const { db } = await openDatabase(fixture.file, { mode: 'inspect' });
  const write = (name: string, request: Omit<ExportRequest, 'out'>) =>
    runExport(db, fixture.file, { ...request, out: path.join(dir, name) }, { progress() {}, cancelled: () => false }).out;
  const manifest = {
    reference: write('reference.jsonl', { format: 'spanlab-jsonl' }),
    exports: [
      ...EXPORT_FORMAT_NAMES.map((format) => ({ format, path: write(format, { format }) })),
      { format: 'conll', label: 'innermost', path: write('conll-inner', { format: 'conll', keep: 'innermost' }) },
      { format: 'bioes', label: 'innermost', path: write('bioes-inner', { format: 'bioes', keep: 'innermost' }) },
      { format: 'doccano', label: 'entities', path: write('doccano-entities', { format: 'doccano', doccanoForm: 'entities' }) },
      { format: 'hf', label: 'document level', path: write('hf-documents', { format: 'hf', level: 'document' }) },
    ],
    splits: [
      { format: 'spanlab-jsonl', path: write('split-jsonl', { format: 'spanlab-jsonl', split: { train: 40, dev: 30, test: 30 }, seed: 3 }) },
      { format: 'hf', path: write('split-hf', { format: 'hf', split: { train: 40, dev: 30, test: 30 }, seed: 4 }) },
    ],
  };
  db.close();
  const manifestFile = path.join(dir, 'manifest.json');
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  const run = spawnSync('python3', [script, manifestFile], { encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, manifest.exports.length + manifest.splits.length);
  for (const line of lines) assert.match(line, /^ok .*: 5 documents/);
});
