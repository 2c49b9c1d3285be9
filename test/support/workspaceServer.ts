// A child process holding a Workspace, as one app window (or serve-mode session) does:
// it reads calls from stdin, one JSON object a line — {"id":1,"name":"project.open",
// "payload":{…}} — runs them one after another through the contract's dispatch, and
// answers each on stdout with {"id":1,"result":<CallResult>}. When stdin ends it closes
// the workspace and exits. workspaceProcess.ts is the parent's side.
//
// usage: workspaceServer <settingsDir>

import readline from 'node:readline';
import { dispatch } from '../../main/api/dispatch';
import { Workspace } from '../../main/services/workspace';

const [settingsDir] = process.argv.slice(2);
if (!settingsDir) throw new Error('usage: workspaceServer <settingsDir>');

const workspace = new Workspace({ settingsDir, mode: 'serve', version: 'test' });
let queue: Promise<unknown> = Promise.resolve();
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const { id, name, payload } = JSON.parse(line) as { id: number; name: string; payload: unknown };
  queue = queue.then(async () => {
    const result = await dispatch(workspace.handlers, name, payload);
    process.stdout.write(`${JSON.stringify({ id, result })}\n`);
  });
});
lines.on('close', () => {
  void queue.then(() => {
    workspace.close();
    process.exit(0);
  });
});
process.stdout.write('ready\n');
