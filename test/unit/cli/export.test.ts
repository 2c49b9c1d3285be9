// `spanlab export` on a real project file, as a person or a script runs it.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { ExportReport } from '../../../common/export';
import { exportFixture } from '../../support/exportFixture';
import { tempDir } from '../../support/projectFixture';
import { runSpanlab } from '../../support/spanlabProcess';

let file: string;
let settings: string;
before(async () => {
  const fixture = await exportFixture();
  fixture.project.close();
  file = fixture.file;
  settings = tempDir();
});

test('export --json writes the file and prints the report, whose command writes the same bytes again', async () => {
  const out = path.join(tempDir(), 'train.conll');
  const run = await runSpanlab(
    ['export', '--project', file, '--format', 'conll', '--out', out, '--status', 'done', '--labels', 'PER,GPE', '--keep', 'innermost', '--json'],
    settings,
  );
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as ExportReport;
  assert.equal(report.documents, 2);
  assert.deepEqual(Object.keys(report.labels).sort(), ['GPE', 'PER']);
  const first = fs.readFileSync(out);
  assert.equal(report.command, `spanlab export --project ${file} --format conll --out ${out} --status done --labels PER,GPE --keep innermost`);
  const again = await runSpanlab([...report.command.split(' ').slice(1), '--json'], settings);
  assert.equal(again.code, 0, again.stderr);
  assert.ok(fs.readFileSync(out).equals(first));
});

test('export prints a summary a person can read, with the split and the command', async () => {
  const out = path.join(tempDir(), 'hf');
  const run = await runSpanlab(['export', '--project', file, '--format', 'hf', '--out', out, '--split', '60/20/20'], settings);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Exported 5 documents as hf to .* \(\d+ files\)\.$/m);
  assert.match(run.stdout, /^Split 60\/20\/20 with seed 13: train \d+, dev \d+, test \d+\.$/m);
  assert.match(run.stdout, /^Tokens and sentences: Intl\.Segmenter/m);
  assert.match(run.stdout, /^To export the same again: spanlab export .* --split 60\/20\/20 --seed 13$/m);
  assert.deepEqual(fs.readdirSync(out).sort(), ['.spanlab', 'dev.jsonl', 'labels.json', 'test.jsonl', 'train.jsonl']);
});

test('wrong usage exits 2 with one line; a failed export exits 1 and writes nothing', async () => {
  const dir = tempDir();
  for (const args of [
    ['--format', 'xml', '--out', 'x'],
    ['--format', 'conll', '--out', 'x', '--split', '80/10'],
    ['--format', 'conll', '--out', 'x', '--seed', '3'],
    ['--format', 'conll'],
  ]) {
    const run = await runSpanlab(['export', '--project', file, ...args], settings);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.equal(run.stderr.trim().split('\n').length, 1);
  }
  const failed = await runSpanlab(['export', '--project', file, '--format', 'conll', '--out', path.join(dir, 'x.conll'), '--labels', 'NOPE'], settings);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /^spanlab export: The project has no label "NOPE"/);
  assert.deepEqual(fs.readdirSync(dir), []);
});
