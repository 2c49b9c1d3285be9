// Undo and redo, read from the change log (changeRecorder.ts), so they survive closing and
// reopening the project. Each document has its own stack, and so do schema and project
// actions (scope null). In a scope, the actions still `done` form the undo stack (newest
// on top) and the `undone` ones the redo stack: undone actions are always the newest edits
// of their scope, because a new edit marks them `discarded`.

import type { Statement } from 'better-sqlite3';
import { SpanlabError } from '../common/errors';
import type { HistoryStep } from '../common/model';
import type { ChangeRecorder, Row } from './changeRecorder';
import type { Connection } from './openDatabase';
import type { RecordedTable } from './recordedTables';
import { isRecordedTable } from './recordedTables';

interface ActionRow {
  id: number;
  label: string;
  document_id: number | null;
}

interface ChangeRow {
  table_name: string;
  before: string | null;
  after: string | null;
}

export class History {
  private readonly newestDone: Statement<[number | null], ActionRow>;
  private readonly oldestUndone: Statement<[number | null], ActionRow>;
  private readonly changesOf: Statement<[number], ChangeRow>;
  private readonly setState: Statement<[string, number]>;

  constructor(
    db: Connection,
    private readonly recorder: ChangeRecorder,
  ) {
    const inScope = "SELECT id, label, document_id FROM actions WHERE document_id IS ? AND kind = 'edit'";
    this.newestDone = db.prepare(`${inScope} AND state = 'done' ORDER BY id DESC LIMIT 1`);
    this.oldestUndone = db.prepare(`${inScope} AND state = 'undone' ORDER BY id LIMIT 1`);
    this.changesOf = db.prepare('SELECT table_name, before, after FROM changes WHERE action_id = ? ORDER BY id');
    this.setState = db.prepare('UPDATE actions SET state = ? WHERE id = ?');
  }

  /// Reverts the newest edit still done in the scope (a document, or null for schema and
  /// project actions); null when there is nothing to undo. The undo is itself an action
  /// (kind 'undo') with its own changes. Throws `conflict` when a later change in another
  /// scope replaced what the edit wrote; that edit then leaves the history.
  undo(documentId: number | null): HistoryStep | null {
    const target = this.newestDone.get(documentId);
    if (!target) return null;
    const changes = this.changesOf.all(target.id).reverse();
    this.replay(target, 'undo', () => {
      // Undoing walks the log backwards, turning each after image back into its before image.
      for (const change of changes) this.apply(change.table_name, parse(change.after), parse(change.before));
      this.setState.run('undone', target.id);
    });
    return step(target);
  }

  /// Re-applies the oldest undone edit of the scope (the one undone last); null when there
  /// is nothing to redo. Recorded as an action of kind 'redo'.
  redo(documentId: number | null): HistoryStep | null {
    const target = this.oldestUndone.get(documentId);
    if (!target) return null;
    const changes = this.changesOf.all(target.id);
    this.replay(target, 'redo', () => {
      for (const change of changes) this.apply(change.table_name, parse(change.before), parse(change.after));
      this.setState.run('done', target.id);
    });
    return step(target);
  }

  private replay(target: ActionRow, kind: 'undo' | 'redo', work: () => void): void {
    const verb = kind === 'undo' ? 'Undo' : 'Redo';
    try {
      const label = `${verb} ${target.label}`;
      this.recorder.run({ kind, label, documentId: target.document_id, reverts: target.id }, work);
    } catch (error) {
      if (!(error instanceof StaleHistory)) throw error;
      // The transaction rolled back; the action cannot be replayed any more, so it leaves
      // the history rather than blocking every later undo of its scope.
      this.setState.run('discarded', target.id);
      throw new SpanlabError(
        'conflict',
        `Cannot ${verb.toLowerCase()} "${target.label}": a later change elsewhere (the label schema, an entity ` +
          'or another document) replaced what it changed. It was removed from the history.',
      );
    }
  }

  // Moves one row from image `from` (what it must be now) to image `to`; a null image is
  // an absent row. Only the columns the logged change touched are compared and written,
  // so a change to another column since then (say, a renamed attribute) does not block.
  private apply(tableName: string, from: Row | null, to: Row | null): void {
    if (!isRecordedTable(tableName)) throw new Error(`change log names unknown table ${tableName}`);
    const table: RecordedTable = tableName;
    const image = from ?? to;
    if (!image) return;
    const key = this.recorder.keyOf(table, image);
    const current = this.recorder.image(table, key);
    if (from === null) {
      if (current) throw new StaleHistory();
      this.recorder.insert(table, to!);
    } else if (to === null) {
      if (!current) throw new StaleHistory();
      this.recorder.delete(table, key);
    } else {
      const columns = Object.keys(to).filter((column) => from[column] !== to[column]);
      if (!current || columns.some((column) => current[column] !== from[column])) throw new StaleHistory();
      this.recorder.update(table, key, Object.fromEntries(columns.map((column) => [column, to[column] ?? null])));
    }
  }
}

class StaleHistory extends Error {}

function parse(image: string | null): Row | null {
  return image === null ? null : (JSON.parse(image) as Row);
}

function step(action: ActionRow): HistoryStep {
  return { actionId: action.id, label: action.label, documentId: action.document_id };
}
