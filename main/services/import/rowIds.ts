// Ids for the rows an import writes. An import writes outside the change recorder (it is
// not an undoable action), but it must still honour the recorder's rule: a new row never
// gets an id that a deleted row once had, or undoing that deletion (in any document's
// stack) would collide with it. So a new id is above both the table's largest id and the
// largest id the change log has ever seen for the table — the same rule as
// ChangeRecorder.nextId, computed from the database because the UI's connection may have
// logged changes since the import started.

import type { Statement } from 'better-sqlite3';
import type { Connection } from '../../../db/openDatabase';

export type IdTable =
  | 'mentions'
  | 'entities'
  | 'events'
  | 'event_arguments'
  | 'relations'
  | 'entity_types'
  | 'event_types'
  | 'event_roles'
  | 'relation_types'
  | 'attribute_defs';

export class RowIds {
  private readonly next = new Map<IdTable, number>();
  /** The change log's largest row id per table, up to the log row `seen`. */
  private readonly logged = new Map<string, number>();
  private seen = 0;
  private readonly newChanges: Statement<[number], { table_name: string; row_id: number; last: number }>;
  private readonly maxIds = new Map<IdTable, Statement<[], number | null>>();

  constructor(private readonly db: Connection) {
    // Reads only log rows added since the last look: the log only grows (it is append-only).
    this.newChanges = db.prepare(
      `SELECT table_name, max(row_id) AS row_id, max(id) AS last FROM changes WHERE id > ? GROUP BY table_name`,
    );
  }

  /// Forgets what was handed out: call at the start of every write transaction, since other
  /// connections may have written in between.
  refresh(): void {
    this.next.clear();
    for (const row of this.newChanges.all(this.seen)) {
      this.logged.set(row.table_name, Math.max(this.logged.get(row.table_name) ?? 0, row.row_id));
      this.seen = Math.max(this.seen, row.last);
    }
  }

  /// A fresh id for a new row of `table`, valid until the transaction ends.
  take(table: IdTable): number {
    let id = this.next.get(table);
    if (id === undefined) {
      let max = this.maxIds.get(table);
      if (!max) {
        max = this.db.prepare<[], number | null>(`SELECT max(id) FROM ${table}`).pluck();
        this.maxIds.set(table, max);
      }
      id = Math.max(max.get() ?? 0, this.logged.get(table) ?? 0) + 1;
    }
    this.next.set(table, id + 1);
    return id;
  }
}
