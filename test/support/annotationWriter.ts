// A child process for the crash harness: opens a project in a Workspace (as the app does)
// and runs the seeded annotation session (annotationWorkload.ts) until it is killed. After
// each call has returned — its transaction committed, or refused with nothing written — it
// prints `ack <n> <digest>`, the fingerprint of the annotations at that moment, so the
// parent knows what every acknowledged write left behind.
//
// usage: annotationWriter <project> <settingsDir> <seed>

import { Workspace } from '../../main/services/workspace';
import { AnnotationWorkload, annotationDigest } from './annotationWorkload';
import { seededRandom } from './seededRandom';

const [projectPath, settingsDir, seed] = process.argv.slice(2);
if (!projectPath || !settingsDir || !seed) throw new Error('usage: annotationWriter <project> <settingsDir> <seed>');

const workspace = new Workspace({ settingsDir, mode: 'serve', version: 'test' });
await workspace.openProject(projectPath);
const db = workspace.requireProject().db;
const workload = new AnnotationWorkload(workspace, seededRandom(Number(seed)));

process.stdout.write(`ready ${annotationDigest(db)}\n`);
for (let n = 1; ; n++) {
  await workload.next();
  process.stdout.write(`ack ${n} ${annotationDigest(db)}\n`);
}
