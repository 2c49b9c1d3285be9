// The contract's export calls, mapped onto ExportJobs. Kept apart from handlers.ts so that
// the list of calls there stays one line per call family.

import os from 'node:os';
import path from 'node:path';
import type { CallHandlers } from '../../../common/contract';
import type { ExportFormatName } from '../../../common/export';
import { EXPORT_FORMATS, writesFolder } from '../../../common/export';
import { SpanlabError } from '../../../common/errors';
import type { Project } from '../project';
import { exportBatches } from './exportBatches';
import type { ExportJobs } from './exportJobs';

type ExportCall = 'export.start' | 'export.cancel' | 'export.status' | 'export.pickPath' | 'export.batches';

/** What the save dialog is asked for. */
export interface ExportPathRequest {
  format: ExportFormatName;
  /** True when the export writes a folder rather than a file. */
  folder: boolean;
  /** A name to propose, e.g. `news-conll.conll`. */
  defaultName: string;
}

/** What the export calls need from the workspace. */
export interface ExportHandlerDeps {
  exports: ExportJobs;
  requireProject(): Project;
  /** A native save dialog; without it, export.pickPath is `unsupported`. */
  pickExportPath?: ((request: ExportPathRequest) => Promise<string | null>) | undefined;
}

export function createExportHandlers(deps: ExportHandlerDeps): Pick<CallHandlers, ExportCall> {
  return {
    'export.start': (request) => {
      const project = deps.requireProject();
      const out = resolveExportPath(request.out, path.dirname(project.path));
      return deps.exports.start(project.path, { ...request, out });
    },
    'export.cancel': ({ jobId }) => deps.exports.cancel(jobId),
    'export.status': ({ jobId }) => deps.exports.status(jobId),
    'export.pickPath': async ({ format, split }) => {
      if (!deps.pickExportPath) {
        throw new SpanlabError('unsupported', 'Choosing where to save with a dialog needs the desktop app; type the path instead.');
      }
      const folder = writesFolder(format, split);
      const name = `${deps.requireProject().info().name}-${format}`;
      const defaultName = folder ? name : `${name}${EXPORT_FORMATS[format].extension}`;
      return { path: await deps.pickExportPath({ format, folder, defaultName }) };
    },
    'export.batches': () => exportBatches(deps.requireProject().db),
  };
}

/// The absolute path an export writes to: `~/` is the home folder, a relative path is
/// relative to `base` (the project's folder: the CLI resolves against its working folder
/// before it asks).
export function resolveExportPath(out: string, base: string): string {
  const home = /^~(?=$|[\\/])/u.test(out) ? path.join(os.homedir(), out.slice(1)) : out;
  return path.resolve(base, home);
}
