// Writes a project with many generated articles straight through the services, in one
// transaction: seeding 100,000 documents through the HTTP API would take minutes, this
// takes seconds. Only for tests that need volume.

import { addDocument } from '../../main/services/documents';
import { Project } from '../../main/services/project';

/// Creates `file` with `count` short articles titled "Article <n>: …", in import order.
export async function seedLargeProject(file: string, count: number): Promise<void> {
  const project = await Project.create(file, { sample: false });
  try {
    project.db.transaction(() => {
      for (let n = 1; n <= count; n++) {
        addDocument(project, {
          title: `Article ${n}: Markets steady as the central bank holds rates`,
          source: `https://news.example/${n}`,
          text: `Article ${n}: Markets steady as the central bank holds rates\n\nReport number ${n} from desk ${n % 97}: traders in the capital waited for the decision.`,
        });
      }
    })();
  } finally {
    project.close();
  }
}
