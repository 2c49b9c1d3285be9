// Mentions: typed (or, for event triggers, untyped) spans of a document's text. Every
// write is one undoable action on the document's stack.

import type { Statement } from 'better-sqlite3';
import type { ValidInput } from '../../common/contract';
import { SpanlabError } from '../../common/errors';
import type { AttributeValues, Mention } from '../../common/model';
import type { ChangeRecorder, Row } from '../../db/changeRecorder';
import type { Connection } from '../../db/openDatabase';
import type { MentionRow } from './annotationRows';
import { MENTION_COLUMNS, toMention } from './annotationRows';
import type { AnnotationRemoval, Removed } from './annotationRemoval';
import type { AttributeRules } from './attributeRules';

export interface NewMention {
  documentId: number;
  start: number;
  end: number;
  typeId: number | null;
  attributes?: AttributeValues;
  note?: string;
}

export class Mentions {
  private readonly byId: Statement<[number], MentionRow>;
  private readonly byDocument: Statement<[number], MentionRow>;
  private readonly textLength: Statement<[number], number>;
  private readonly typeName: Statement<[number], string>;
  private readonly entityName: Statement<[number], string>;

  constructor(
    db: Connection,
    private readonly recorder: ChangeRecorder,
    private readonly rules: AttributeRules,
    private readonly removal: AnnotationRemoval,
  ) {
    this.byId = db.prepare(`SELECT ${MENTION_COLUMNS} FROM mentions WHERE id = ?`);
    this.byDocument = db.prepare(
      `SELECT ${MENTION_COLUMNS} FROM mentions WHERE document_id = ? ORDER BY start, "end" DESC, id`,
    );
    // length() counts code points, the offsets' unit (texts hold no NUL; see db/schema.ts).
    this.textLength = db.prepare<[number], number>('SELECT length(text) FROM documents WHERE id = ?').pluck();
    this.typeName = db.prepare<[number], string>('SELECT name FROM entity_types WHERE id = ?').pluck();
    this.entityName = db.prepare<[number], string>('SELECT name FROM entities WHERE id = ?').pluck();
  }

  /// Marks a span as a mention, as its own undoable action.
  create(input: NewMention): Mention {
    const label = input.typeId === null ? 'Add span' : `Add ${this.requireType(input.typeId)} mention`;
    return this.recorder.action(label, input.documentId, () => this.add(input));
  }

  /// Adds a mention inside the action already running (an event's trigger, an argument's
  /// span). Checks the document, the span against the text's length and the type.
  add(input: NewMention): Mention {
    this.checkSpan(input.documentId, input.start, input.end);
    if (input.typeId !== null) this.requireType(input.typeId);
    const row: Row = {
      document_id: input.documentId,
      start: input.start,
      end: input.end,
      type_id: input.typeId,
      attributes: this.rules.check('mention', input.attributes, true),
      note: input.note ?? '',
    };
    return this.get(this.recorder.insert('mentions', row));
  }

  /// Changes the given fields; `attributes` replaces the whole set.
  update(input: ValidInput<'mentions.update'>): Mention {
    const mention = this.get(input.id);
    const start = input.start ?? mention.start;
    const end = input.end ?? mention.end;
    const patch: Row = {};
    const changed: string[] = [];
    if (start !== mention.start || end !== mention.end) {
      if (start >= end) {
        throw new SpanlabError('invalid_input', 'The start of a mention must be before its end.', 'start');
      }
      this.checkSpan(mention.documentId, start, end);
      patch.start = start;
      patch.end = end;
      changed.push('Resize mention');
    }
    if (input.typeId !== undefined && input.typeId !== mention.typeId) {
      patch.type_id = input.typeId;
      const typeId = input.typeId;
      changed.push(typeId === null ? 'Remove mention type' : `Change mention to ${this.requireType(typeId)}`);
    }
    if (input.entityId !== undefined && input.entityId !== mention.entityId) {
      patch.entity_id = input.entityId;
      const entityId = input.entityId;
      changed.push(entityId === null ? 'Unlink mention' : `Link mention to ${this.requireEntity(entityId)}`);
    }
    if (input.attributes !== undefined) {
      patch.attributes = this.rules.check('mention', input.attributes, false);
      changed.push('Edit mention attributes');
    }
    if (input.note !== undefined) {
      patch.note = input.note;
      changed.push('Edit mention note');
    }
    if (changed.length === 0) return mention;
    const label = changed.length === 1 ? changed[0]! : 'Edit mention';
    this.recorder.action(label, mention.documentId, () => this.recorder.update('mentions', mention.id, patch));
    return this.get(mention.id);
  }

  /// Deletes the mention and everything that depends on it (see AnnotationRemoval).
  delete(id: number): Removed {
    const mention = this.get(id);
    const label = mention.typeId === null ? 'Delete span' : `Delete ${this.typeName.get(mention.typeId) ?? ''} mention`;
    return this.recorder.action(label, mention.documentId, () => this.removal.mention(id));
  }

  /// One mention; `not_found` if there is none with that id.
  get(id: number): Mention {
    const row = this.byId.get(id);
    if (!row) throw new SpanlabError('not_found', `There is no mention ${id}.`);
    return toMention(row);
  }

  /// A document's mentions in text order (an enclosing span before the spans inside it).
  inDocument(documentId: number): Mention[] {
    return this.byDocument.all(documentId).map(toMention);
  }

  /// Refuses a span outside the document's text; `not_found` for a missing document.
  checkSpan(documentId: number, start: number, end: number): void {
    const length = this.textLength.get(documentId);
    if (length === undefined) throw new SpanlabError('not_found', `There is no document ${documentId}.`, 'documentId');
    if (start < 0 || start >= end) throw new SpanlabError('invalid_input', 'A span must start before it ends.', 'end');
    if (end > length) {
      throw new SpanlabError(
        'invalid_input',
        `The span ${start}–${end} ends past the end of the text, which is ${length} characters long ` +
          '(offsets count Unicode code points).',
        'end',
      );
    }
  }

  /// The name of entity type `typeId`; `not_found` if it does not exist.
  requireType(typeId: number): string {
    const name = this.typeName.get(typeId);
    if (name === undefined) throw new SpanlabError('not_found', `There is no entity type ${typeId}.`, 'typeId');
    return name;
  }

  private requireEntity(entityId: number): string {
    const name = this.entityName.get(entityId);
    if (name === undefined) throw new SpanlabError('not_found', `There is no entity ${entityId}.`, 'entityId');
    return name;
  }
}
