// Every write a user action makes goes through the recorder: it runs the action as one
// transaction, writes the row, and appends the row's before and after images to the
// `changes` log under the action's `actions` row. Undo and redo (history.ts) replay that log,
// so it must hold every row the action touched — including rows SQLite would otherwise
// change silently through ON DELETE CASCADE / SET NULL (see recordedTables.ts).

import type { Statement, Transaction } from 'better-sqlite3';
import { SpanlabError } from '../common/errors';
import type { Connection } from './openDatabase';
import type { RecordedTable, TableSpec } from './recordedTables';
import { RECORDED_TABLES } from './recordedTables';

/** A row's column values as SQLite returns and binds them. */
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;
/** A row's id, or for event_role_accepts its key columns. */
export type RowKey = number | Readonly<Record<string, number>>;

export type ActionKind = 'edit' | 'undo' | 'redo';

export interface ActionOptions {
  kind: ActionKind;
  label: string;
  /** The undo stack the action belongs to: a document, or null for schema and project actions. */
  documentId: number | null;
  /** For undo and redo: the action acted on. */
  reverts?: number;
}

/** What a committed action changed, for whoever tells the UI to refresh. */
export interface CommittedAction {
  id: number;
  kind: ActionKind;
  label: string;
  documentId: number | null;
  /** Every document whose annotations, status or note the action changed. */
  documentIds: number[];
}

interface OpenAction extends ActionOptions {
  /** The `actions` row, written on the first change so that a no-op leaves no trace. */
  id: number | null;
  touched: Set<number>;
}

export class ChangeRecorder {
  private current: OpenAction | null = null;
  private readonly listeners = new Set<(action: CommittedAction) => void>();
  private readonly statements = new Map<string, Statement>();
  /**
   * The largest id each table has ever had, from the change log. New rows get ids above
   * it: SQLite would otherwise hand a deleted row's id to the next insert (these tables have
   * no AUTOINCREMENT), and undoing that deletion — say in another document's stack — would
   * then collide with an unrelated row. Another process with the project open (a second
   * window, the CLI) writes the log too, so each action first catches up with the log rows
   * added since the last look (see catchUp).
   */
  private readonly highWater = new Map<string, number>();
  /** The last change-log row read into highWater. */
  private seenChange = 0;
  private readonly newChanges: Statement<[number], { t: string; m: number; last: number }>;
  private readonly columns = new Map<RecordedTable, readonly string[]>();
  private readonly runInTransaction: Transaction<(work: () => unknown) => unknown>;

  constructor(private readonly db: Connection) {
    this.runInTransaction = db.transaction((work: () => unknown) => {
      this.catchUp();
      return work();
    });
    // The log is append-only, so the rows after the last one seen are all that is new.
    this.newChanges = db.prepare(
      'SELECT table_name AS t, max(row_id) AS m, max(id) AS last FROM changes WHERE id > ? GROUP BY table_name',
    );
    this.catchUp();
  }

  /// Runs `work` as one user edit: one transaction, one `actions` row (created only if
  /// something changes). A new edit clears the redo stack of its scope. When an action is
  /// already running, `work` joins it, so services can build on one another.
  action<T>(label: string, documentId: number | null, work: () => T): T {
    return this.run({ kind: 'edit', label, documentId }, work);
  }

  /// @internal The general form of action(), used by history for undo and redo.
  run<T>(options: ActionOptions, work: () => T): T {
    if (this.current) return work();
    const open: OpenAction = { ...options, id: null, touched: new Set() };
    if (options.documentId !== null) open.touched.add(options.documentId);
    this.current = open;
    let result: T;
    try {
      // IMMEDIATE: take the write lock before the first read. Another connection (an
      // import's worker) may commit while this one waits; a deferred transaction that had
      // already read would then fail with SQLITE_BUSY_SNAPSHOT instead of waiting its turn.
      result = this.runInTransaction.immediate(work) as T;
    } finally {
      this.current = null;
    }
    if (open.id !== null) {
      const committed: CommittedAction = {
        id: open.id,
        kind: open.kind,
        label: open.label,
        documentId: open.documentId,
        documentIds: [...open.touched].sort((a, b) => a - b),
      };
      for (const listener of this.listeners) listener(committed);
    }
    return result;
  }

  /// Calls `listener` after each action that changed something has committed.
  onCommit(listener: (action: CommittedAction) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /// Inserts `row` (raw column values) and returns its id (for event_role_accepts: the role
  /// id). Without an `id`, the row gets a fresh one that no logged row ever had.
  insert(table: RecordedTable, row: Row): number {
    const spec = this.spec(table);
    if (!spec.insertable) throw new Error(`${table} rows are not inserted by user actions`);
    const values: Row = { ...row };
    if (spec.key[0] === 'id' && values.id == null) values.id = this.nextId(table);
    const names = Object.keys(values);
    this.checkColumns(table, names);
    const sql = `INSERT INTO ${q(table)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
    this.statement(sql).run(...names.map((n) => values[n]));
    const key = keyOf(spec, values);
    this.append(table, key, null, this.image(table, key));
    return typeof key === 'number' ? key : key[spec.key[0]!]!;
  }

  /// Sets the columns in `patch` on one row; records nothing when nothing changes.
  update(table: RecordedTable, key: RowKey, patch: Row): void {
    const spec = this.spec(table);
    const before = this.require(table, key);
    const names = Object.keys(patch).filter((name) => before[name] !== patch[name]);
    this.checkColumns(table, names);
    if (names.some((name) => spec.key.includes(name))) throw new Error(`cannot change the key of a ${table} row`);
    if (names.length === 0) return;
    const sql = `UPDATE ${q(table)} SET ${names.map((n) => `${q(n)} = ?`).join(', ')} WHERE ${where(spec)}`;
    this.statement(sql).run(...names.map((n) => patch[n]), ...keyValues(spec, key));
    this.append(table, key, before, this.image(table, key));
  }

  /// Deletes one row, after deleting or unlinking (recorded) the rows that SQLite would
  /// cascade to.
  delete(table: RecordedTable, key: RowKey): void {
    const spec = this.spec(table);
    if (!spec.insertable) throw new Error(`${table} rows are not deleted by user actions`);
    const before = this.require(table, key);
    for (const dependent of spec.dependents) {
      const depSpec = this.spec(dependent.table);
      const rows = this.statement(
        `SELECT ${depSpec.key.map(q).join(', ')} FROM ${q(dependent.table)} WHERE ${q(dependent.column)} = ?`,
      ).all(before.id) as Record<string, number>[];
      for (const row of rows) {
        const depKey = depSpec.key.length === 1 ? row[depSpec.key[0]!]! : row;
        if (dependent.onDelete === 'cascade') this.delete(dependent.table, depKey);
        else this.update(dependent.table, depKey, { [dependent.column]: null });
      }
    }
    this.statement(`DELETE FROM ${q(table)} WHERE ${where(spec)}`).run(...keyValues(spec, key));
    this.append(table, key, before, null);
  }

  /// The row as the log would record it (the recorded columns), or undefined.
  image(table: RecordedTable, key: RowKey): Row | undefined {
    const spec = this.spec(table);
    const columns = this.columnsOf(table);
    const sql = `SELECT ${columns.map(q).join(', ')} FROM ${q(table)} WHERE ${where(spec)}`;
    return this.statement(sql).get(...keyValues(spec, key)) as Row | undefined;
  }

  /// The key of a row given its image.
  keyOf(table: RecordedTable, row: Row): RowKey {
    return keyOf(this.spec(table), row);
  }

  private require(table: RecordedTable, key: RowKey): Row {
    const row = this.image(table, key);
    if (!row) throw new SpanlabError('not_found', `That ${this.spec(table).noun} no longer exists.`);
    return row;
  }

  private append(table: RecordedTable, key: RowKey, before: Row | null | undefined, after: Row | null | undefined) {
    const action = this.current;
    if (!action) throw new Error('a recorded write must run inside ChangeRecorder.action()');
    if (action.id === null) action.id = this.openAction(action);
    const rowId = typeof key === 'number' ? key : key[this.spec(table).key[0]!]!;
    this.statement('INSERT INTO changes (action_id, table_name, row_id, before, after) VALUES (?, ?, ?, ?, ?)').run(
      action.id,
      table,
      rowId,
      before ? JSON.stringify(before) : null,
      after ? JSON.stringify(after) : null,
    );
    if (this.spec(table).key[0] === 'id') this.highWater.set(table, Math.max(this.highWater.get(table) ?? 0, rowId));
    for (const image of [before, after]) {
      if (!image) continue;
      const documentId = table === 'documents' ? image.id : image.document_id;
      if (typeof documentId === 'number') action.touched.add(documentId);
    }
  }

  private openAction(action: OpenAction): number {
    if (action.kind === 'edit') {
      // A new edit overtakes whatever was undone in its scope: that redo stack is gone.
      this.statement("UPDATE actions SET state = 'discarded' WHERE document_id IS ? AND state = 'undone'").run(
        action.documentId,
      );
    }
    const result = this.statement('INSERT INTO actions (kind, label, document_id, reverts) VALUES (?, ?, ?, ?)').run(
      action.kind,
      action.label,
      action.documentId,
      action.reverts ?? null,
    );
    return Number(result.lastInsertRowid);
  }

  // Inside the write transaction, so nothing can be logged between this look and the insert.
  private catchUp(): void {
    for (const { t, m, last } of this.newChanges.all(this.seenChange)) {
      this.highWater.set(t, Math.max(this.highWater.get(t) ?? 0, m));
      this.seenChange = Math.max(this.seenChange, last);
    }
  }

  private nextId(table: RecordedTable): number {
    const max = (this.statement(`SELECT max(id) FROM ${q(table)}`).pluck().get() as number | null) ?? 0;
    return Math.max(max, this.highWater.get(table) ?? 0) + 1;
  }

  private columnsOf(table: RecordedTable): readonly string[] {
    let columns = this.columns.get(table);
    if (!columns) {
      const all = (this.db.pragma(`table_info(${q(table)})`) as { name: string }[]).map((c) => c.name);
      columns = RECORDED_TABLES[table].columns ?? all;
      this.columns.set(table, columns);
    }
    return columns;
  }

  private checkColumns(table: RecordedTable, names: readonly string[]): void {
    const allowed = this.columnsOf(table);
    for (const name of names) {
      if (!allowed.includes(name)) throw new Error(`${table}.${name} is not a recorded column`);
    }
  }

  private spec(table: RecordedTable): TableSpec {
    const spec = RECORDED_TABLES[table];
    if (!spec) throw new Error(`${String(table)} is not a recorded table`);
    return spec;
  }

  // SQL text is built only from the whitelisted table and column names above, so the set of
  // distinct statements is small and each is prepared once.
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function q(identifier: string): string {
  return `"${identifier}"`;
}

function where(spec: TableSpec): string {
  return spec.key.map((column) => `${q(column)} = ?`).join(' AND ');
}

function keyValues(spec: TableSpec, key: RowKey): number[] {
  return typeof key === 'number' ? [key] : spec.key.map((column) => key[column]!);
}

function keyOf(spec: TableSpec, row: Row): RowKey {
  if (spec.key.length === 1) return row[spec.key[0]!] as number;
  return Object.fromEntries(spec.key.map((column) => [column, row[column] as number]));
}
