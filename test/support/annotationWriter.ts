// A child process for the crash test: opens a project and creates mentions as fast as it
// can through the same dispatch the UI uses, printing `ack <id> <start>` only after each
// call has returned (i.e. after its transaction committed). The parent SIGKILLs it at an
// arbitrary moment and checks that every acknowledged write survived.
import { dispatch } from '../../main/api/dispatch';
import { Workspace } from '../../main/services/workspace';

const [projectPath, settingsDir] = process.argv.slice(2);
if (!projectPath || !settingsDir) throw new Error('usage: annotationWriter <project> <settingsDir>');

const workspace = new Workspace({ settingsDir, mode: 'serve', version: 'test' });
await workspace.openProject(projectPath);

const list = await dispatch(workspace.handlers, 'documents.list', { offset: 0, limit: 1 });
if (!list.ok) throw new Error(list.error.message);
const documentId = (list.value as { items: { id: number }[] }).items[0]!.id;

process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const start = i % 150;
  const result = await dispatch(workspace.handlers, 'mentions.create', {
    documentId,
    start,
    end: start + 3,
    typeId: 1,
  });
  if (!result.ok) throw new Error(result.error.message);
  process.stdout.write(`ack ${(result.value as { id: number }).id} ${start}\n`);
}
