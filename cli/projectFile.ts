// The `--project FILE` of commands that read a project. They must never create one: a
// mistyped path has to fail, not leave an empty project behind.

import { statSync } from 'node:fs';
import path from 'node:path';
import { CliError, UsageError } from './cliError';

/// The absolute path of an existing project file, or a one-line failure.
export function existingProjectFile(value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError('--project FILE is required');
  const file = path.resolve(value);
  const info = statSync(file, { throwIfNoEntry: false });
  if (info === undefined) throw new CliError(`No project file at ${file}.`);
  if (!info.isFile()) throw new CliError(`${file} is not a file.`);
  return file;
}
