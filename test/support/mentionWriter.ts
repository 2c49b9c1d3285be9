// A child process for the backup tests: opens a project and adds mentions to its first
// document as fast as it can, printing `ack <id> <start>` once each has committed. Every
// commit adds one mention, one `actions` row and one logged insert together, which is what
// a copy of the project taken meanwhile must show: all three, or none.
//
// usage: mentionWriter <project>

import { Project } from '../../main/services/project';

const [projectPath] = process.argv.slice(2);
if (!projectPath) throw new Error('usage: mentionWriter <project>');

const project = await Project.open(projectPath);
const documentId = project.documents.list({ offset: 0, limit: 1 }).items[0]!.id;
for (let i = 0; ; i++) {
  const start = i % 150;
  const mention = project.mentions.create({ documentId, start, end: start + 3, typeId: 1 });
  process.stdout.write(`ack ${mention.id} ${start}\n`);
  // A breath between commits: SQLite's write lock is not handed out in turn, and a writer
  // that takes it back at once can keep another connection waiting past its busy timeout.
  await new Promise((resolve) => setTimeout(resolve, 1));
}
