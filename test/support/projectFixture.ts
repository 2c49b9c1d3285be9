// Throwaway projects for the data-side tests: a real .spanlab file in a fresh temp folder,
// and a dump of every table to prove that a refused call changed nothing.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Connection } from '../../db/openDatabase';
import { APPLICATION_ID } from '../../db/schema';
import { Project } from '../../main/services/project';

const made: string[] = [];
// Each test file runs in its own process: its folders go when it ends.
process.on('exit', () => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/// A fresh folder under the system temp dir, removed when the test process exits.
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spanlab-'));
  made.push(dir);
  return dir;
}

/// A new project (default schema; the sample article unless `sample: false`) and its path.
export async function newProject(
  options: { sample?: boolean } = {},
): Promise<{ project: Project; file: string; dir: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'test.spanlab');
  return { project: await Project.create(file, { sample: options.sample ?? true }), file, dir };
}

/// A project file as it would be before any migration: our application id, format version
/// 0, WAL mode, and a table of its own, `legacy_notes`, holding one row, 'kept' (written
/// into the file itself, not left in the WAL). Opening it as a project backs it up and runs
/// every migration. Returns the connection that wrote it, still open: the caller closes it.
export function versionZeroFile(file: string): Connection {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec("CREATE TABLE legacy_notes (body TEXT); INSERT INTO legacy_notes VALUES ('kept')");
    db.pragma('wal_checkpoint(TRUNCATE)');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/// Adds a document with `text` and returns its id.
export function addText(project: Project, text: string, title = 'Test'): number {
  return project.documents.add({ text, title }).id;
}

/// Every row of every table (FTS shadow tables included), in a stable order.
export function dumpDatabase(db: Connection): Record<string, unknown[]> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).raw().all();
  return dump;
}

/// The id of the entity type, event type or relation type with `name`.
export function typeId(project: Project, kind: 'entity' | 'event' | 'relation', name: string): number {
  const schema = project.schema.get();
  const list = kind === 'entity' ? schema.entityTypes : kind === 'event' ? schema.eventTypes : schema.relationTypes;
  const found = list.find((t) => t.name === name);
  if (!found) throw new Error(`no ${kind} type ${name}`);
  return found.id;
}

/// The id of role `role` of event type `eventType`.
export function roleId(project: Project, eventType: string, role: string): number {
  const type = project.schema.get().eventTypes.find((t) => t.name === eventType);
  const found = type?.roles.find((r) => r.name === role);
  if (!found) throw new Error(`no role ${eventType}/${role}`);
  return found.id;
}

/// Looks up the default schema's ids by name: `ids.entity('PER')`, `ids.role('Conflict.Attack', 'Place')`.
export function labelIds(project: Project) {
  return {
    entity: (name: string) => typeId(project, 'entity', name),
    event: (name: string) => typeId(project, 'event', name),
    relation: (name: string) => typeId(project, 'relation', name),
    role: (eventType: string, role: string) => roleId(project, eventType, role),
  };
}

/// Code-point offsets of the first `phrase` in `text`.
export function spanOf(text: string, phrase: string, from = 0): { start: number; end: number } {
  const index = text.indexOf(phrase, from);
  if (index < 0) throw new Error(`"${phrase}" not in text`);
  const start = Array.from(text.slice(0, index)).length;
  return { start, end: start + Array.from(phrase).length };
}
