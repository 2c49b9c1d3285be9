// An open project: one .spanlab file, one SQLite connection, and the services that read and
// write it. Both shells and the CLI hold a Project; nothing else opens the file.

import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import type { DocumentStatus, ProjectInfo, ProjectStats } from '../../common/model';
import { DOCUMENT_STATUSES } from '../../common/model';
import { ChangeRecorder } from '../../db/changeRecorder';
import { History } from '../../db/history';
import type { Connection, OpenedDatabase } from '../../db/openDatabase';
import { openDatabase, removeDatabaseFiles } from '../../db/openDatabase';
import { PROJECT_EXTENSION, SCHEMA_VERSION } from '../../db/schema';
import { storageError, storageTrouble } from '../../db/storageTrouble';
import { AnnotationRemoval } from './annotationRemoval';
import { AttributeRules } from './attributeRules';
import { Documents } from './documents';
import { Entities } from './entities';
import { EventArguments } from './eventArguments';
import { Events } from './events';
import { LabelSchemaEditor } from './labelSchema';
import { Mentions } from './mentions';
import { seedProject } from './projectSeed';
import { Relations } from './relations';

/** What `checkProjectFile` found. */
export interface ProjectCheck {
  /** SQLite's integrity_check lines and any broken references; `['ok']` when sound. */
  integrity: string[];
  /** The file's format version (`PRAGMA user_version`). */
  schemaVersion: number;
  /** The newest format this Spanlab writes. */
  latestVersion: number;
}

export class Project {
  readonly recorder: ChangeRecorder;
  readonly history: History;
  readonly documents: Documents;
  readonly mentions: Mentions;
  readonly events: Events;
  readonly arguments: EventArguments;
  readonly relations: Relations;
  readonly entities: Entities;
  readonly schema: LabelSchemaEditor;
  /** Where the copy of the file went when this open upgraded it from an older version. */
  readonly backupPath: string | null;
  readonly db: Connection;
  private readonly counts: Record<string, Statement<[], number>>;
  private readonly perLabel: Statement<[], { name: string; count: number }>;
  private readonly byStatus: Statement<[], { status: DocumentStatus; count: number }>;
  private readonly meta: Statement<[string], string>;

  private constructor(
    /** The absolute path of the project file. */
    readonly path: string,
    opened: OpenedDatabase,
  ) {
    const db = opened.db;
    this.db = db;
    this.backupPath = opened.backupPath;
    this.recorder = new ChangeRecorder(db);
    this.history = new History(db, this.recorder);
    const rules = new AttributeRules(db);
    const removal = new AnnotationRemoval(db, this.recorder);
    this.mentions = new Mentions(db, this.recorder, rules, removal);
    this.events = new Events(db, this.recorder, this.mentions, rules, removal);
    this.arguments = new EventArguments(db, this.recorder, this.mentions, this.events);
    this.relations = new Relations(db, this.recorder, this.mentions, rules);
    this.entities = new Entities(db, this.recorder);
    this.schema = new LabelSchemaEditor(db, this.recorder, removal);
    this.documents = new Documents(db, this.recorder, {
      mentions: this.mentions,
      events: this.events,
      arguments: this.arguments,
      relations: this.relations,
      entities: this.entities,
    });

    this.counts = Object.fromEntries(
      ['documents', 'mentions', 'events', 'entities', 'relations'].map((table) => [
        table,
        db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck(),
      ]),
    );
    this.perLabel = db.prepare(
      `SELECT t.name, (SELECT count(*) FROM mentions WHERE type_id = t.id) AS count FROM entity_types t
       UNION ALL SELECT t.name, (SELECT count(*) FROM events WHERE type_id = t.id) FROM event_types t
       UNION ALL SELECT t.name, (SELECT count(*) FROM relations WHERE type_id = t.id) FROM relation_types t`,
    );
    this.byStatus = db.prepare('SELECT status, count(*) AS count FROM documents GROUP BY status');
    this.meta = db.prepare<[string], string>('SELECT value FROM project_meta WHERE key = ?').pluck();
  }

  /// Opens an existing project, upgrading an older file (after backing it up). Rejects with
  /// SpanlabError `io` or `incompatible_project` (see db/openDatabase.ts).
  static async open(file: string): Promise<Project> {
    const absolute = path.resolve(file);
    return new Project(absolute, await openDatabase(absolute, { mode: 'open' }));
  }

  /// Creates a project file with the default label schema and, with `sample`, the sample
  /// article. Refuses (`conflict`) to overwrite an existing file.
  static async create(file: string, options: { sample: boolean }): Promise<Project> {
    const absolute = path.resolve(file);
    const project = new Project(absolute, await openDatabase(absolute, { mode: 'create' }));
    try {
      seedProject(project.db, project.documents, absolute, options);
    } catch (error) {
      project.close();
      removeDatabaseFiles(absolute);
      const trouble = storageTrouble(error);
      throw trouble ? storageError(trouble, absolute, 'The project was not created.') : error;
    }
    return project;
  }

  info(): ProjectInfo {
    return {
      path: this.path,
      name: this.meta.get('name') ?? path.basename(this.path, PROJECT_EXTENSION),
      schemaVersion: SCHEMA_VERSION,
      documentCount: this.counts.documents!.get()!,
    };
  }

  /// Counts for a dashboard or `spanlab stats`: rows per kind, annotations per label name,
  /// documents per status (every status present, zero included).
  stats(): ProjectStats {
    const count = (table: string) => this.counts[table]!.get()!;
    const perLabel: Record<string, number> = {};
    for (const { name, count: n } of this.perLabel.all()) perLabel[name] = n;
    const byStatus = Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<DocumentStatus, number>;
    for (const { status, count: n } of this.byStatus.all()) byStatus[status] = n;
    return {
      documents: count('documents'),
      mentions: count('mentions'),
      events: count('events'),
      entities: count('entities'),
      relations: count('relations'),
      perLabel,
      byStatus,
    };
  }

  /// Closes the connection (SQLite checkpoints the WAL into the file). Idempotent; never
  /// throws for a full or read-only disk, whose trouble the last write has already told.
  close(): void {
    if (!this.db.open) return;
    try {
      // Lets SQLite refresh its query-planner statistics where they have drifted; cheap.
      // It writes, so a full disk or another process holding the lock can refuse it: the
      // connection must close all the same.
      this.db.pragma('optimize');
    } catch (error) {
      if (!storageTrouble(error)) throw error;
    } finally {
      this.db.close();
    }
  }
}

/// Checks a project file without changing it: SQLite's integrity check, the foreign-key
/// check and the format version. A file from a newer Spanlab is checked too (the caller
/// compares the versions); a file that is not a Spanlab project is refused
/// (`incompatible_project`).
export async function checkProjectFile(file: string): Promise<ProjectCheck> {
  const { db, foundVersion } = await openDatabase(path.resolve(file), { mode: 'inspect' });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const broken = (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
      (r) => `${r.table} row ${r.rowid} refers to a missing ${r.parent} row`,
    );
    const sound = integrity.length === 1 && integrity[0] === 'ok';
    return {
      integrity: broken.length === 0 ? integrity : [...(sound ? [] : integrity), ...broken],
      schemaVersion: foundVersion,
      latestVersion: SCHEMA_VERSION,
    };
  } finally {
    db.close();
  }
}
