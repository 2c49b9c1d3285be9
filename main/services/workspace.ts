// The workspace is what both shells (Electron and serve mode) hold: at most one open
// project, the user's settings, the contract's call handlers and the event feed the UI
// listens to. It is plain Node; the Electron shell passes in its native file dialog.

import type { CallHandlers, EventMessage } from '../../common/contract';
import { SpanlabError } from '../../common/errors';
import type { ProjectInfo } from '../../common/model';
import type { CommittedAction } from '../../db/changeRecorder';
import { storageError, storageTrouble } from '../../db/storageTrouble';
import type { BackupPolicy } from './backups/projectBackups';
import { DEFAULT_BACKUP_POLICY, ProjectBackups } from './backups/projectBackups';
import { restoreBackup } from './backups/restoreBackup';
import type { ExportPathRequest } from './export/exportHandlers';
import { ExportJobs } from './export/exportJobs';
import { sourceExportWorkerScript } from './export/exportWorkerScript';
import { createHandlers } from './handlers';
import { ImportJobs } from './import/importJobs';
import type { WorkerScript } from './import/workerScript';
import { sourceWorkerScript } from './import/workerScript';
import { Project } from './project';
import { SettingsStore } from './settings';

export interface WorkspaceOptions {
  /** Where settings.json lives (per user). */
  settingsDir: string;
  mode: 'electron' | 'serve';
  /** The app's version, for app.info. */
  version: string;
  /** Asks the user for a project path (a native dialog); without it, project.pickPath is `unsupported`. */
  pickPath?: (mode: 'open' | 'create') => Promise<string | null>;
  /** Asks the user for files or a folder to import; without it, import.pickPaths is `unsupported`. */
  pickImportPaths?: (kind: 'files' | 'folder') => Promise<string[]>;
  /** How to start the import worker; by default from source through tsx (see workerScript.ts). */
  importWorker?: WorkerScript;
  /** Asks the user where to save an export; without it, export.pickPath is `unsupported`. */
  pickExportPath?: (request: ExportPathRequest) => Promise<string | null>;
  /** How to start the export worker; by default from source through tsx. */
  exportWorker?: WorkerScript;
  /** How often the open project is backed up and how many copies are kept (projectBackups.ts). */
  backupPolicy?: BackupPolicy;
}

export class Workspace {
  /// One function per contract call; give it to main/api/dispatch.ts with a validated payload.
  readonly handlers: CallHandlers;
  readonly settings: SettingsStore;
  /** Imports in progress and their reports; they run in worker threads. */
  readonly imports: ImportJobs;
  /** Exports in progress and their reports; they run in worker threads. */
  readonly exports: ExportJobs;
  private project: Project | null = null;
  /** The open project's rolling backups. */
  private backups: ProjectBackups | null = null;
  private stopWatching: (() => void) | null = null;
  /** Settles when the last open or create asked for has finished (either way). */
  private opening: Promise<unknown> = Promise.resolve();
  /** Bumped by close(): an open still in flight then is not kept. */
  private closings = 0;
  private readonly listeners = new Set<(message: EventMessage) => void>();

  constructor(private readonly options: WorkspaceOptions) {
    this.settings = new SettingsStore(options.settingsDir);
    this.imports = new ImportJobs(options.importWorker ?? sourceWorkerScript(), (message) => this.emit(message));
    this.exports = new ExportJobs(options.exportWorker ?? sourceExportWorkerScript(), (message) => this.emit(message));
    this.handlers = tellingStorageTrouble(createHandlers({
      version: options.version,
      mode: options.mode,
      requireProject: () => this.requireProject(),
      current: () => this.current(),
      openProject: (path) => this.openProject(path),
      createProject: (path, sample) => this.createProject(path, sample),
      recent: () => this.settings.recent(),
      pickPath: options.pickPath,
      imports: { imports: this.imports, pickImportPaths: options.pickImportPaths },
      exports: { exports: this.exports, pickExportPath: options.pickExportPath },
      backups: {
        requireBackups: () => (this.requireProject(), this.backups!),
        restore: (file) => this.restoreBackup(file),
      },
    }), () => this.project?.path ?? null);
  }

  /// Subscribes to pushed events; returns the unsubscribe function.
  onEvent(listener: (message: EventMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /// Opens a project in place of the current one (which stays open if this fails), adds it
  /// to the recent list and tells the UI ('project.changed').
  openProject(path: string): Promise<ProjectInfo> {
    return this.oneAtATime(() => Project.open(path));
  }

  /// Creates a project (the default schema, and with `sample` the sample article) and opens it.
  createProject(path: string, sample: boolean): Promise<ProjectInfo> {
    return this.oneAtATime(() => Project.create(path, { sample }));
  }

  /// Replaces the open project with one of its backups (see backups/restoreBackup.ts) and
  /// reopens it; queued like an open, since it closes and reopens the project.
  restoreBackup(file: string): Promise<ProjectInfo> {
    return this.oneAtATime(() =>
      restoreBackup(
        {
          project: this.requireProject(),
          backups: this.backups!,
          release: () => this.release(),
          adopt: (project) => this.use(project),
        },
        file,
      ),
    );
  }

  current(): ProjectInfo | null {
    return this.project?.info() ?? null;
  }

  /// The open project; `no_project` when none is open.
  requireProject(): Project {
    if (!this.project) throw new SpanlabError('no_project', 'Open or create a project first.');
    return this.project;
  }

  /// Closes the open project, if any (on quit, or before the window closes). An open or
  /// create still in flight is abandoned: its connection is closed as soon as it is ready
  /// and its caller gets `conflict`.
  close(): void {
    this.closings++;
    // Running imports stop after the file in hand; what they wrote is whole.
    void this.imports.stopAll();
    // Running exports stop before their next document and leave nothing behind.
    void this.exports.stopAll();
    if (!this.project) return;
    this.release();
    this.emit({ name: 'project.changed', payload: null });
  }

  // Opening is asynchronous (an outdated file is backed up first, over many event-loop
  // turns), so a second open (a double click, the menu and the UI at once, a recent
  // project picked mid-upgrade) can arrive while one is in flight. Run side by side, both
  // would hold a connection, the one finishing last would win rather than the one asked
  // for last, and two opens of the same outdated file would both back it up and both try
  // to migrate it. So opens and creates queue: each starts once the previous one has
  // settled, and each caller still gets its own result or error. At any moment there is
  // the current project plus at most the one being opened to replace it, and use()
  // closes the one replaced.
  private oneAtATime(open: () => Promise<Project>): Promise<ProjectInfo> {
    const closings = this.closings;
    const turn = this.opening.then(async () => {
      if (closings !== this.closings) throw abandoned();
      const project = await open();
      if (closings !== this.closings) {
        project.close();
        throw abandoned();
      }
      return this.use(project);
    });
    this.opening = turn.catch(() => undefined);
    return turn;
  }

  private use(project: Project): ProjectInfo {
    this.release();
    this.project = project;
    this.stopWatching = project.recorder.onCommit((action) => this.announce(action));
    this.backups = new ProjectBackups(project.path, this.options.backupPolicy ?? DEFAULT_BACKUP_POLICY, (failure) =>
      this.emit({ name: 'backup.failed', payload: failure }),
    );
    this.backups.start();
    const info = project.info();
    try {
      this.settings.addRecent(info.path, info.name);
    } catch (error) {
      // A read-only settings folder must not keep the project from opening.
      console.warn(`[spanlab] could not update the recent projects in ${this.options.settingsDir}:`, error);
    }
    this.emit({ name: 'project.changed', payload: info });
    return info;
  }

  private release(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    // Its read connection first, so that the project's close is the last and removes the WAL.
    this.backups?.stop();
    this.backups = null;
    this.project?.close();
    this.project = null;
  }

  // The caller of an ordinary edit already knows its document changed. Undo and redo, and
  // project-wide edits that reach into documents (a type deleted with its annotations, an
  // entity deleted), change documents the UI may be showing without having asked.
  private announce(action: CommittedAction): void {
    if (action.kind === 'edit' && action.documentId !== null) return;
    for (const documentId of action.documentIds) this.emit({ name: 'document.changed', payload: { documentId } });
  }

  private emit(message: EventMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        console.error('[spanlab] an event listener failed:', error);
      }
    }
  }
}

// A call the disk refused (full, read-only, held by another process) is the analyst's
// situation, not a bug: it is told as such, naming the project file, and that what was
// saved before is safe — every call is one transaction, so the refused one left nothing.
function tellingStorageTrouble(handlers: CallHandlers, file: () => string | null): CallHandlers {
  const told: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: unknown) => unknown][]) {
    told[name] = async (input) => {
      try {
        return await handler(input);
      } catch (error) {
        // SQLite's errors only: they are the project file's. A file-system error here is
        // another file's (the settings, a path the call named) and says which itself.
        const sqlite = /^SQLITE_/.test(String((error as { code?: unknown } | null)?.code));
        const trouble = sqlite ? storageTrouble(error) : null;
        const path = file();
        if (trouble === null || path === null) throw error;
        throw storageError(trouble, path, 'The change was not saved; everything saved before it is safe in the project.');
      }
    };
  }
  // Same names, same inputs and outputs; only the errors thrown differ.
  return told as unknown as CallHandlers;
}

function abandoned(): SpanlabError {
  return new SpanlabError('conflict', 'Spanlab closed the workspace before the project finished opening.');
}
