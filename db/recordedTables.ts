// The tables whose rows user actions may change, and how the change recorder treats each.
// Anything not listed here is out of reach of annotation writes and of undo.

export type RecordedTable =
  | 'documents'
  | 'mentions'
  | 'events'
  | 'event_arguments'
  | 'relations'
  | 'entities'
  | 'entity_types'
  | 'event_types'
  | 'event_roles'
  | 'event_role_accepts'
  | 'relation_types'
  | 'attribute_defs';

export interface TableSpec {
  /** What one row is called in a message. */
  noun: string;
  /**
   * The columns a change image holds; undefined means every column of the table. A
   * document's text is immutable and large, so its images keep only what users edit.
   */
  columns?: readonly string[];
  /**
   * The columns that identify a row. Tables with an `id` use it; event_role_accepts has no
   * rowid (WITHOUT ROWID, primary key role_id + entity_type_id), so its rows are named by
   * both ids, which the images carry — and its changes.row_id holds the role id, which is
   * all the log's integer column needs to say where the row belongs.
   */
  key: readonly string[];
  /** Documents arrive by import and are never created or removed by an undoable action. */
  insertable: boolean;
  /**
   * Rows that SQLite itself would delete (ON DELETE CASCADE) or unlink (SET NULL) when a
   * row of this table goes. The recorder does it first, row by row, so that every such
   * change is in the log and undo puts it back. RESTRICT references are the services' job.
   */
  dependents: readonly Dependent[];
}

export interface Dependent {
  table: RecordedTable;
  /** The referencing column (it refers to this table's `id`). */
  column: string;
  onDelete: 'cascade' | 'setNull';
}

const ID = ['id'] as const;

export const RECORDED_TABLES: Readonly<Record<RecordedTable, TableSpec>> = {
  documents: {
    noun: 'document',
    columns: ['id', 'status', 'note', 'updated_at'],
    key: ID,
    insertable: false,
    dependents: [],
  },
  mentions: { noun: 'mention', key: ID, insertable: true, dependents: [] },
  events: {
    noun: 'event',
    key: ID,
    insertable: true,
    dependents: [{ table: 'event_arguments', column: 'event_id', onDelete: 'cascade' }],
  },
  event_arguments: { noun: 'argument', key: ID, insertable: true, dependents: [] },
  relations: { noun: 'relation', key: ID, insertable: true, dependents: [] },
  entities: {
    noun: 'entity',
    key: ID,
    insertable: true,
    dependents: [{ table: 'mentions', column: 'entity_id', onDelete: 'setNull' }],
  },
  entity_types: {
    noun: 'entity type',
    key: ID,
    insertable: true,
    dependents: [
      { table: 'event_role_accepts', column: 'entity_type_id', onDelete: 'cascade' },
      { table: 'entities', column: 'type_id', onDelete: 'setNull' },
    ],
  },
  event_types: {
    noun: 'event type',
    key: ID,
    insertable: true,
    dependents: [{ table: 'event_roles', column: 'event_type_id', onDelete: 'cascade' }],
  },
  event_roles: {
    noun: 'role',
    key: ID,
    insertable: true,
    dependents: [{ table: 'event_role_accepts', column: 'role_id', onDelete: 'cascade' }],
  },
  event_role_accepts: {
    noun: 'accepted type of a role',
    key: ['role_id', 'entity_type_id'],
    insertable: true,
    dependents: [],
  },
  relation_types: { noun: 'relation type', key: ID, insertable: true, dependents: [] },
  attribute_defs: { noun: 'attribute', key: ID, insertable: true, dependents: [] },
};

export function isRecordedTable(name: string): name is RecordedTable {
  return Object.hasOwn(RECORDED_TABLES, name);
}
