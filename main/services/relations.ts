// Relations: a typed, directed link between two mentions of one document.

import type { Statement } from 'better-sqlite3';
import type { ValidInput } from '../../common/contract';
import { SpanlabError } from '../../common/errors';
import type { Relation } from '../../common/model';
import type { ChangeRecorder } from '../../db/changeRecorder';
import type { Connection } from '../../db/openDatabase';
import type { RelationRow } from './annotationRows';
import { RELATION_COLUMNS, toRelation } from './annotationRows';
import type { AttributeRules } from './attributeRules';
import type { Mentions } from './mentions';

export class Relations {
  private readonly byId: Statement<[number], RelationRow>;
  private readonly byDocument: Statement<[number], RelationRow>;
  private readonly typeName: Statement<[number], string>;
  private readonly existing: Statement<[number, number, number], number>;

  constructor(
    db: Connection,
    private readonly recorder: ChangeRecorder,
    private readonly mentions: Mentions,
    private readonly rules: AttributeRules,
  ) {
    this.byId = db.prepare(`SELECT ${RELATION_COLUMNS} FROM relations WHERE id = ?`);
    this.byDocument = db.prepare(`SELECT ${RELATION_COLUMNS} FROM relations WHERE document_id = ? ORDER BY id`);
    this.typeName = db.prepare<[number], string>('SELECT name FROM relation_types WHERE id = ?').pluck();
    this.existing = db
      .prepare<[number, number, number], number>(
        'SELECT id FROM relations WHERE type_id = ? AND from_mention_id = ? AND to_mention_id = ?',
      )
      .pluck();
  }

  /// Links two different mentions of the same document; the same typed link twice is a
  /// `conflict`.
  create(input: ValidInput<'relations.create'>): Relation {
    const typeName = this.typeName.get(input.typeId);
    if (typeName === undefined) {
      throw new SpanlabError('not_found', `There is no relation type ${input.typeId}.`, 'typeId');
    }
    const from = this.mentions.get(input.fromMentionId);
    const to = this.mentions.get(input.toMentionId);
    if (from.id === to.id) {
      throw new SpanlabError('invalid_input', 'A relation links two different mentions.', 'toMentionId');
    }
    if (from.documentId !== to.documentId) {
      const message = 'Both mentions of a relation must be in the same document.';
      throw new SpanlabError('invalid_input', message, 'toMentionId');
    }
    if (this.existing.get(input.typeId, from.id, to.id) !== undefined) {
      throw new SpanlabError('conflict', `These mentions are already linked by ${typeName}.`);
    }
    const attributes = this.rules.check('relation', input.attributes, true);
    const id = this.recorder.action(`Add ${typeName} relation`, from.documentId, () =>
      this.recorder.insert('relations', {
        document_id: from.documentId,
        type_id: input.typeId,
        from_mention_id: from.id,
        to_mention_id: to.id,
        attributes,
        note: '',
      }),
    );
    return this.get(id);
  }

  delete(id: number): { relations: number } {
    const relation = this.get(id);
    const label = `Delete ${this.typeName.get(relation.typeId) ?? ''} relation`;
    this.recorder.action(label, relation.documentId, () => this.recorder.delete('relations', id));
    return { relations: 1 };
  }

  /// One relation; `not_found` if there is none with that id.
  get(id: number): Relation {
    const row = this.byId.get(id);
    if (!row) throw new SpanlabError('not_found', `There is no relation ${id}.`);
    return toRelation(row);
  }

  inDocument(documentId: number): Relation[] {
    return this.byDocument.all(documentId).map(toRelation);
  }
}
