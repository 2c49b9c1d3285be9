// The `spanlab export` command that writes a given export again, for the end report (and
// so for the analyst's notes, or a script): every choice that was made, the seed included.
// Arguments are quoted for a POSIX shell.

import type { ExportRequest } from '../../common/export';
import { DEFAULT_SPLIT_SEED, EXPORT_FORMATS } from '../../common/export';

/// The command line for `request` on the project file `project` (both paths absolute).
export function exportCommandLine(project: string, request: ExportRequest): string {
  const options = EXPORT_FORMATS[request.format].options;
  const args = ['spanlab', 'export', '--project', project, '--format', request.format, '--out', request.out];
  if (request.status !== undefined) args.push('--status', request.status);
  if (request.batch !== undefined) args.push('--batch', String(request.batch));
  if (request.query !== undefined && request.query.trim() !== '') args.push('--query', request.query);
  if (request.labels !== undefined) args.push('--labels', request.labels.join(','));
  if (request.split !== undefined) {
    const { train, dev, test } = request.split;
    args.push('--split', `${train}/${dev}/${test}`, '--seed', String(request.seed ?? DEFAULT_SPLIT_SEED));
  }
  if (options.includes('docstart') && request.docstart === false) args.push('--no-docstart');
  if (options.includes('keep') && request.keep === 'innermost') args.push('--keep', 'innermost');
  if (options.includes('level') && request.level === 'document') args.push('--level', 'document');
  if (options.includes('doccanoForm') && request.doccanoForm === 'entities') args.push('--doccano-form', 'entities');
  return args.map(shellWord).join(' ');
}

// A word as a POSIX shell reads it back: bare when safe, else in single quotes.
function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/u.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
