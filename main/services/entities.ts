// Entities: the real-world people, organisations and places that mentions in any document
// refer to (coreference across the project). They belong to no document, so their actions
// are on the project-wide stack (scope null); linking a mention is a mention update.

import type { Statement } from 'better-sqlite3';
import type { ValidInput } from '../../common/contract';
import { SpanlabError } from '../../common/errors';
import type { Entity, Mention } from '../../common/model';
import type { ChangeRecorder, Row } from '../../db/changeRecorder';
import type { Connection } from '../../db/openDatabase';
import type { EntityRow, MentionRow } from './annotationRows';
import { ENTITY_COLUMNS, toEntity, toMention } from './annotationRows';

export interface EntityMention {
  mention: Mention;
  documentTitle: string;
  text: string;
}

export class Entities {
  private readonly byId: Statement<[number], EntityRow>;
  private readonly all: Statement<[number], EntityRow>;
  private readonly matching: Statement<[string, string, number], EntityRow>;
  private readonly inDocumentStatement: Statement<[number], EntityRow>;
  private readonly linked: Statement<[number], MentionRow & { title: string; text: string }>;
  private readonly typeExists: Statement<[number], number>;

  constructor(
    db: Connection,
    private readonly recorder: ChangeRecorder,
  ) {
    this.byId = db.prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`);
    this.all = db.prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e ORDER BY e.name COLLATE NOCASE, e.id LIMIT ?`);
    this.matching = db.prepare(
      `SELECT ${ENTITY_COLUMNS} FROM entities e
       WHERE e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\'
       ORDER BY e.name COLLATE NOCASE, e.id LIMIT ?`,
    );
    this.inDocumentStatement = db.prepare(
      `SELECT ${ENTITY_COLUMNS} FROM entities e
       WHERE e.id IN (SELECT entity_id FROM mentions WHERE document_id = ? AND entity_id IS NOT NULL)
       ORDER BY e.name COLLATE NOCASE, e.id`,
    );
    this.linked = db.prepare(
      `SELECT m.id, m.document_id, m.start, m."end", m.type_id, m.entity_id, m.attributes, m.note,
              d.title, substr(d.text, m.start + 1, m."end" - m.start) AS text
       FROM mentions m JOIN documents d ON d.id = m.document_id
       WHERE m.entity_id = ? ORDER BY m.document_id, m.start, m.id`,
    );
    this.typeExists = db.prepare<[number], number>('SELECT count(*) FROM entity_types WHERE id = ?').pluck();
  }

  /// Entities by name (case-insensitive), those whose name or an alias contains `query`.
  list(input: ValidInput<'entities.list'>): Entity[] {
    const query = input.query?.trim();
    if (!query) return this.all.all(input.limit).map(toEntity);
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.matching.all(pattern, pattern, input.limit).map(toEntity);
  }

  create(input: ValidInput<'entities.create'>): Entity {
    if (input.typeId !== null) this.requireType(input.typeId);
    const id = this.recorder.action(`Add entity ${input.name}`, null, () =>
      this.recorder.insert('entities', {
        name: input.name,
        type_id: input.typeId,
        aliases: JSON.stringify(input.aliases ?? []),
        external_id: input.externalId ?? null,
      }),
    );
    return this.get(id);
  }

  update(input: ValidInput<'entities.update'>): Entity {
    const entity = this.get(input.id);
    const patch: Row = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.typeId !== undefined) {
      if (input.typeId !== null) this.requireType(input.typeId);
      patch.type_id = input.typeId;
    }
    if (input.aliases !== undefined) patch.aliases = JSON.stringify(input.aliases);
    if (input.externalId !== undefined) patch.external_id = input.externalId;
    const renamed = patch.name !== undefined && patch.name !== entity.name;
    const label = renamed ? `Rename entity ${entity.name} to ${input.name}` : `Edit entity ${entity.name}`;
    this.recorder.action(label, null, () => this.recorder.update('entities', entity.id, patch));
    return this.get(entity.id);
  }

  /// Deletes the entity; its mentions stay, unlinked (the recorder unlinks them one by one,
  /// so undo links them again).
  delete(id: number): { entities: number; unlinkedMentions: number } {
    const entity = this.get(id);
    this.recorder.action(`Delete entity ${entity.name}`, null, () => this.recorder.delete('entities', id));
    return { entities: 1, unlinkedMentions: entity.mentionCount };
  }

  /// Every mention linked to the entity, across documents, with its text.
  mentions(id: number): EntityMention[] {
    this.get(id);
    return this.linked.all(id).map((row) => ({ mention: toMention(row), documentTitle: row.title, text: row.text }));
  }

  /// The entities linked from a document's mentions.
  inDocument(documentId: number): Entity[] {
    return this.inDocumentStatement.all(documentId).map(toEntity);
  }

  /// One entity; `not_found` if there is none with that id.
  get(id: number): Entity {
    const row = this.byId.get(id);
    if (!row) throw new SpanlabError('not_found', `There is no entity ${id}.`);
    return toEntity(row);
  }

  private requireType(typeId: number): void {
    if (this.typeExists.get(typeId) === 0) {
      throw new SpanlabError('not_found', `There is no entity type ${typeId}.`, 'typeId');
    }
  }
}
