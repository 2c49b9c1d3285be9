// The contract's import calls, mapped onto ImportJobs. Kept apart from handlers.ts so that
// the list of calls there stays one line per call family.

import type { CallHandlers } from '../../../common/contract';
import { SpanlabError } from '../../../common/errors';
import type { Project } from '../project';
import type { ImportJobs } from './importJobs';

type ImportCall = 'import.start' | 'import.files' | 'import.cancel' | 'import.status' | 'import.pickPaths';

/** What the import calls need from the workspace. */
export interface ImportHandlerDeps {
  imports: ImportJobs;
  requireProject(): Project;
  /** A native dialog for files or a folder; without it, import.pickPaths is `unsupported`. */
  pickImportPaths?: ((kind: 'files' | 'folder') => Promise<string[]>) | undefined;
}

export function createImportHandlers(deps: ImportHandlerDeps): Pick<CallHandlers, ImportCall> {
  return {
    'import.start': ({ paths, format, textField, titleField }) =>
      deps.imports.start(deps.requireProject().path, { paths, format: format ?? 'auto', textField, titleField }),
    'import.files': ({ files, format, textField, titleField }) =>
      deps.imports.startDropped(
        deps.requireProject().path,
        files.map((f) => ({ name: f.name, data: Buffer.from(f.data, 'base64') })),
        { format: format ?? 'auto', textField, titleField },
      ),
    'import.cancel': ({ jobId }) => deps.imports.cancel(jobId),
    'import.status': ({ jobId }) => deps.imports.status(jobId),
    'import.pickPaths': async ({ kind }) => {
      if (!deps.pickImportPaths) {
        throw new SpanlabError('unsupported', 'Choosing files with a dialog needs the desktop app; type the paths instead.');
      }
      return { paths: await deps.pickImportPaths(kind) };
    },
  };
}
