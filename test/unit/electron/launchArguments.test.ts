import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { projectPathFromArgv } from '../../../main/electron/launchArguments';

test('finds a project path passed by the file manager, made absolute', () => {
  const cwd = path.resolve('/home/ana');
  assert.equal(projectPathFromArgv(['/opt/Spanlab/spanlab', 'corpus/elections.spanlab'], cwd), path.join(cwd, 'corpus/elections.spanlab'));
  assert.equal(projectPathFromArgv(['electron', 'dist/main/main.cjs', '/data/A.SPANLAB'], cwd), path.resolve('/data/A.SPANLAB'));
});

test('ignores switches and launches without a project', () => {
  assert.equal(projectPathFromArgv(['spanlab', '--original-process-start-time=1', '--x=a.spanlab'], '/'), null);
  assert.equal(projectPathFromArgv(['spanlab'], '/'), null);
});
