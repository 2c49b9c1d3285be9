// `spanlab check`: is this file a sound project this Spanlab can open? Runs SQLite's
// integrity check and compares the schema version with the newest this version knows.

import { parseArgs } from 'node:util';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { existingProjectFile } from '../projectFile';

/** Integrity problems listed before the rest are summarised as a count. */
const SHOWN_PROBLEMS = 20;

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check a project file for damage and a compatible schema version',
  help: `Usage: spanlab check --project FILE

Runs SQLite's integrity check on the project and reports its schema version.
Exits 0 when the file is sound and this Spanlab can open it, 1 otherwise.
The file is only read (an older schema is upgraded later, when it is opened).

Options:
  --project FILE  the project file (must exist)
  -h, --help      show this help`,

  async run(args) {
    const { values } = parseArgs({
      args,
      options: { project: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    const file = existingProjectFile(values.project);
    const { checkProjectFile } = await import('../../main/services/project');
    const result = await checkProjectFile(file);

    const sound = result.integrity.length === 1 && result.integrity[0] === 'ok';
    console.log(`Project         ${file}`);
    console.log(`Integrity       ${sound ? 'ok' : `${result.integrity.length} problem(s)`}`);
    if (!sound) {
      for (const problem of result.integrity.slice(0, SHOWN_PROBLEMS)) console.log(`  ${problem}`);
      if (result.integrity.length > SHOWN_PROBLEMS) {
        console.log(`  … and ${result.integrity.length - SHOWN_PROBLEMS} more`);
      }
    }
    console.log(`Schema version  ${result.schemaVersion} ${versionNote(result.schemaVersion, result.latestVersion)}`);

    if (!sound) throw new CliError(`${file} is damaged: SQLite's integrity check failed.`);
    if (result.schemaVersion > result.latestVersion) {
      throw new CliError(
        `${file} was written by a newer Spanlab (schema ${result.schemaVersion}, this one knows ${result.latestVersion}).`,
      );
    }
    return 0;
  },
};

function versionNote(version: number, latest: number): string {
  if (version === latest) return '(current)';
  if (version < latest) return `(older than ${latest}: upgraded when opened)`;
  return `(newer than ${latest}: this Spanlab cannot open it)`;
}
