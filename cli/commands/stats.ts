// `spanlab stats`: how far a project has come, for a person (a table) or a script (JSON).

import { parseArgs } from 'node:util';
import type { ProjectStats } from '../../common/model';
import { DOCUMENT_STATUSES } from '../../common/model';
import type { Command } from '../command';
import { existingProjectFile } from '../projectFile';

export const statsCommand: Command = {
  name: 'stats',
  summary: 'Count documents, annotations and labels in a project',
  help: `Usage: spanlab stats --project FILE [--json]

Counts the documents (by status), mentions, events, entities and relations of a
project, and the annotations per label.

Options:
  --project FILE  the project file (must exist)
  --json          print one JSON object:
                  {documents, mentions, events, entities, relations, perLabel, byStatus}
  -h, --help      show this help`,

  async run(args) {
    const { values } = parseArgs({
      args,
      options: { project: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    const file = existingProjectFile(values.project);
    const { Project } = await import('../../main/services/project');
    const project = await Project.open(file);
    let stats: ProjectStats;
    try {
      stats = project.stats();
    } finally {
      project.close();
    }
    console.log(values.json ? JSON.stringify(stats) : statsTable(file, stats));
    return 0;
  },
};

// Two aligned columns; labels sorted by count so the busiest come first.
function statsTable(file: string, stats: ProjectStats): string {
  const rows: [string, string][] = [
    ['Project', file],
    ['Documents', String(stats.documents)],
    ...DOCUMENT_STATUSES.map((status): [string, string] => [
      `  ${status.replace('_', ' ')}`,
      String(stats.byStatus[status] ?? 0),
    ]),
    ['Mentions', String(stats.mentions)],
    ['Events', String(stats.events)],
    ['Entities', String(stats.entities)],
    ['Relations', String(stats.relations)],
  ];
  // A schema has dozens of labels; the unused ones are only counted, not listed.
  const all = Object.entries(stats.perLabel);
  const used = all.filter(([, count]) => count > 0).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const width = Math.max(...rows.map(([name]) => name.length), ...used.map(([name]) => name.length + 2));
  const lines = rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`);
  lines.push('', used.length === 0 ? 'No label used yet.' : 'Per label');
  for (const [name, count] of used) lines.push(`  ${name}`.padEnd(width) + `  ${count}`);
  const unused = all.length - used.length;
  if (used.length > 0 && unused > 0) lines.push(`  (${unused} more label${unused === 1 ? '' : 's'} not used yet)`);
  return lines.join('\n');
}
