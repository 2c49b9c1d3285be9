// Restoring a backup in place of the open project, undoably and without a moment where the
// project file is half written.
//
// 1. The chosen file must be one of the project's own backups (never an arbitrary path) and
//    pass SQLite's integrity and foreign-key checks; a damaged copy is refused before
//    anything changes.
// 2. The project as it is now is backed up (`pre-restore`), so the restore can be undone by
//    restoring that copy; if it cannot be written, nothing is restored.
// 3. The backup is copied to a file beside the project and flushed to disk; the project's
//    connections are closed; the copy is renamed over the project file (a rename within a
//    folder is atomic: a crash leaves the old file or the new one, never a mix); the
//    project is reopened.
//
// The -wal file matters: it belongs to the file it sits beside, and SQLite would replay an
// old -wal into the restored file on the next open. Closing the last connection checkpoints
// it and deletes it; if it is still there after ours closed, some other connection (an
// import or export still running, another Spanlab window) has the project open, and the
// restore is refused rather than pull the file from under it.

import fs from 'node:fs';
import path from 'node:path';
import { SpanlabError } from '../../../common/errors';
import { SCHEMA_VERSION } from '../../../db/schema';
import { syncFolder } from '../../../db/snapshotFile';
import { Project } from '../project';
import { checkRestorable } from './backupInspection';
import type { ProjectBackups } from './projectBackups';

export interface RestoreDeps {
  project: Project;
  backups: ProjectBackups;
  /** Closes the project and stops its backups (the workspace lets go of both). */
  release(): void;
  /** Makes a reopened project the open one again, when the restore fails halfway. */
  adopt(project: Project): void;
}

/// Restores `file` (one of `deps.backups.files()`) over the project and returns the project
/// reopened. Rejects, with the project as it was and open, with `not_found` (not one of its
/// backups), `incompatible_project` (a damaged backup), `io` or `busy`.
export async function restoreBackup(deps: RestoreDeps, file: string): Promise<Project> {
  const projectPath = deps.project.path;
  const chosen = deps.backups.files().find((b) => b.file === file);
  if (!chosen) {
    throw new SpanlabError('not_found', `${file} is not one of this project's backups; choose one from the list.`);
  }
  await checkRestorable(chosen, SCHEMA_VERSION);

  let safety;
  try {
    safety = await deps.backups.take('pre-restore');
  } catch (error) {
    throw new SpanlabError(
      'io',
      `Could not back up the project as it is before restoring (${(error as Error).message}); nothing was restored.`,
    );
  }
  const staged = stage(chosen.file, projectPath);

  deps.release();
  try {
    swapIn(staged, projectPath);
  } catch (error) {
    fs.rmSync(staged, { force: true });
    deps.adopt(await Project.open(projectPath));
    throw error;
  }
  try {
    return await Project.open(projectPath);
  } catch (error) {
    // The backup passed its checks, so this is not expected; put the state before back.
    swapIn(stage(safety.file, projectPath), projectPath);
    deps.adopt(await Project.open(projectPath));
    throw new SpanlabError(
      'io',
      `The restored copy could not be opened (${(error as Error).message}); the project is back as it was.`,
    );
  }
}

// A copy of `backup` beside the project (the same file system, so the rename is atomic),
// flushed to disk before it is renamed into place.
function stage(backup: string, projectPath: string): string {
  const staged = `${projectPath}.restoring`;
  try {
    fs.copyFileSync(backup, staged);
    const fd = fs.openSync(staged, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return staged;
  } catch (error) {
    fs.rmSync(staged, { force: true });
    throw new SpanlabError(
      'io',
      `Could not copy the backup beside ${path.basename(projectPath)} (${(error as Error).message}); nothing was restored.`,
    );
  }
}

function swapIn(staged: string, projectPath: string): void {
  if (fs.existsSync(`${projectPath}-wal`)) {
    throw new SpanlabError(
      'busy',
      'The project is still open elsewhere (an import or export running, or another Spanlab window); ' +
        'restore once that has finished. Nothing was restored.',
    );
  }
  // Without a -wal, a leftover -shm or rollback journal describes nothing: SQLite would
  // rebuild the one and must not replay the other into the restored file.
  fs.rmSync(`${projectPath}-shm`, { force: true });
  fs.rmSync(`${projectPath}-journal`, { force: true });
  fs.renameSync(staged, projectPath);
  syncFolder(path.dirname(projectPath));
}
