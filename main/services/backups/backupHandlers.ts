// The contract's backups.* calls.

import type { CallHandlers } from '../../../common/contract';
import type { ProjectInfo } from '../../../common/model';
import type { ProjectBackups } from './projectBackups';

export interface BackupHandlerDeps {
  /** The open project's backups; throws `no_project` when none is open. */
  requireBackups(): ProjectBackups;
  /** Restores one of them over the open project (the workspace closes and reopens it). */
  restore(file: string): Promise<ProjectInfo>;
}

type BackupCalls = Pick<CallHandlers, 'backups.list' | 'backups.create' | 'backups.restore'>;

export function createBackupHandlers(deps: BackupHandlerDeps): BackupCalls {
  return {
    'backups.list': () => deps.requireBackups().list(),
    'backups.create': () => deps.requireBackups().take('manual'),
    'backups.restore': ({ file }) => deps.restore(file),
  };
}
