// Exports as the app runs them: in a worker thread, with progress events, Cancel and a
// report to ask for, through the contract's calls on a real Workspace.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { EventMessage } from '../../../../common/contract';
import type { ExportJobState } from '../../../../common/export';
import { dispatch } from '../../../../main/api/dispatch';
import { Workspace } from '../../../../main/services/workspace';
import type { ExportFixture } from '../../../support/exportFixture';
import { exportFixture } from '../../../support/exportFixture';
import { tempDir } from '../../../support/projectFixture';

let fixture: ExportFixture;
let workspace: Workspace;
const events: EventMessage[] = [];

before(async () => {
  fixture = await exportFixture();
  fixture.project.close();
  workspace = new Workspace({ settingsDir: tempDir(), mode: 'serve', version: 'test' });
  workspace.onEvent((message) => events.push(message));
  await workspace.openProject(fixture.file);
});
after(() => workspace.close());

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(workspace.handlers, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

test('export.start runs in a worker, reports progress, and export.status gives the report', async () => {
  const { jobId } = await call<{ jobId: string }>('export.start', { format: 'dygiepp', out: 'relative.jsonl' });
  const state = await workspace.exports.finished(jobId);
  assert.equal(state.state, 'finished', state.error ?? '');
  assert.equal((await call<ExportJobState>('export.status', { jobId })).report?.documents, 5);
  // A relative path is relative to the project's folder.
  assert.equal(state.report!.out, path.join(path.dirname(fixture.file), 'relative.jsonl'));
  const progress = events.filter((e) => e.name === 'progress' && e.payload.jobId === jobId);
  assert.ok(progress.length >= 2);
  assert.deepEqual(progress.at(-1)!.payload, { jobId, label: 'Export finished', done: 5, total: 5, finished: true });
});

test('export.cancel stops the export before its next document; nothing is written', async () => {
  const out = path.join(tempDir(), 'cancelled.conll');
  const { jobId } = await call<{ jobId: string }>('export.start', { format: 'conll', out });
  assert.deepEqual(await call('export.cancel', { jobId }), { cancelled: true });
  const state = await workspace.exports.finished(jobId);
  assert.equal(state.state, 'cancelled');
  assert.deepEqual(fs.readdirSync(path.dirname(out)), []);
  assert.deepEqual(await call('export.cancel', { jobId }), { cancelled: false });
});

test('a failed export says why in words', async () => {
  const { jobId } = await call<{ jobId: string }>('export.start', { format: 'conll', out: path.join(tempDir(), 'x'), labels: ['NOPE'] });
  const state = await workspace.exports.finished(jobId);
  assert.equal(state.state, 'failed');
  assert.match(state.error!, /The project has no label "NOPE"/);
});

test('bad requests are refused before any work starts', async () => {
  const bad = await dispatch(workspace.handlers, 'export.start', { format: 'conll', out: 'x', split: { train: 80, dev: 10, test: 5 } });
  assert.ok(!bad.ok && bad.error.code === 'invalid_input' && /add up to 100/.test(bad.error.message));
  const unknown = await dispatch(workspace.handlers, 'export.start', { format: 'xml', out: 'x' });
  assert.ok(!unknown.ok && unknown.error.code === 'invalid_input');
  const status = await dispatch(workspace.handlers, 'export.status', { jobId: 'nope' });
  assert.ok(!status.ok && status.error.code === 'not_found');
});

test('export.pickPath needs the desktop app in serve mode', async () => {
  const result = await dispatch(workspace.handlers, 'export.pickPath', { format: 'brat', split: false });
  assert.ok(!result.ok && result.error.code === 'unsupported');
});
