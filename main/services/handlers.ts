// The contract's calls, one by one, mapped onto the services. Inputs arrive already
// validated (main/api/dispatch.ts); the services check them against the project.

import type { CallHandlers } from '../../common/contract';
import { SpanlabError } from '../../common/errors';
import type { ProjectInfo, RecentProject } from '../../common/model';
import type { BackupHandlerDeps } from './backups/backupHandlers';
import { createBackupHandlers } from './backups/backupHandlers';
import type { ExportHandlerDeps } from './export/exportHandlers';
import { createExportHandlers } from './export/exportHandlers';
import type { ImportHandlerDeps } from './import/importHandlers';
import { createImportHandlers } from './import/importHandlers';
import type { Project } from './project';
import { exportBratConf, importBratConf } from './schemaInterchange';

/** What the handlers need from whoever holds the open project (the Workspace). */
export interface HandlerDeps {
  version: string;
  mode: 'electron' | 'serve';
  /** The open project; throws `no_project` when there is none. */
  requireProject(): Project;
  current(): ProjectInfo | null;
  openProject(path: string): Promise<ProjectInfo>;
  createProject(path: string, sample: boolean): Promise<ProjectInfo>;
  recent(): RecentProject[];
  pickPath?: ((mode: 'open' | 'create') => Promise<string | null>) | undefined;
  /** The import calls' own needs (main/services/import/importHandlers.ts). */
  imports: Omit<ImportHandlerDeps, 'requireProject'>;
  /** The export calls' own needs (main/services/export/exportHandlers.ts). */
  exports: Omit<ExportHandlerDeps, 'requireProject'>;
  /** The backups calls' needs (main/services/backups/backupHandlers.ts). */
  backups: BackupHandlerDeps;
}

export function createHandlers(deps: HandlerDeps): CallHandlers {
  const p = () => deps.requireProject();
  return {
    'app.info': () => ({ version: deps.version, mode: deps.mode, platform: process.platform }),

    'project.current': () => deps.current(),
    'project.open': ({ path }) => deps.openProject(path),
    'project.create': ({ path, sample }) => deps.createProject(path, sample),
    'project.recent': () => deps.recent(),
    'project.pickPath': async ({ mode }) => {
      if (!deps.pickPath) {
        const message = 'Choosing a file with a dialog needs the desktop app; type the path instead.';
        throw new SpanlabError('unsupported', message);
      }
      return { path: await deps.pickPath(mode) };
    },
    'project.stats': () => p().stats(),

    'documents.list': (input) => p().documents.list(input),
    'documents.get': ({ id }) => p().documents.get(id),
    'documents.setStatus': ({ id, status }) => p().documents.setStatus(id, status),
    'documents.setNote': ({ id, note }) => p().documents.setNote(id, note),

    'mentions.create': (input) => p().mentions.create(input),
    'mentions.update': (input) => p().mentions.update(input),
    'mentions.delete': ({ id }) => p().mentions.delete(id),

    'events.create': (input) => p().events.create(input),
    'events.update': (input) => p().events.update(input),
    'events.delete': ({ id }) => p().events.delete(id),

    'arguments.create': (input) => p().arguments.create(input),
    'arguments.delete': ({ id }) => p().arguments.delete(id),

    'relations.create': (input) => p().relations.create(input),
    'relations.delete': ({ id }) => p().relations.delete(id),

    'entities.list': (input) => p().entities.list(input),
    'entities.create': (input) => p().entities.create(input),
    'entities.update': (input) => p().entities.update(input),
    'entities.delete': ({ id }) => p().entities.delete(id),
    'entities.mentions': ({ id }) => p().entities.mentions(id),

    'history.undo': ({ documentId }) => p().history.undo(documentId),
    'history.redo': ({ documentId }) => p().history.redo(documentId),

    'schema.get': () => p().schema.get(),
    'schema.saveEntityType': (input) => p().schema.saveEntityType(input),
    'schema.saveEventType': (input) => p().schema.saveEventType(input),
    'schema.saveRelationType': (input) => p().schema.saveRelationType(input),
    'schema.saveAttribute': (input) => p().schema.saveAttribute(input),
    'schema.delete': (input) => p().schema.delete(input),
    'schema.importBratConf': ({ text }) => importBratConf(p(), text),
    'schema.exportBratConf': () => ({ text: exportBratConf(p().schema.get(), p().info().name) }),

    ...createImportHandlers({ ...deps.imports, requireProject: p }),
    ...createExportHandlers({ ...deps.exports, requireProject: p }),
    ...createBackupHandlers(deps.backups),
  };
}
