// Writes one PortableDocument into the project, inside the caller's transaction: the
// document through Documents.add (which hashes, titles, splits blocks and recognises a
// duplicate), then its entities, mentions, events, arguments and relations as plain rows.
// An import is not an undoable action — a batch can hold 10,000 files — so nothing here
// goes through the change recorder or the `actions` log; the ids still follow its rule
// (rowIds.ts). Readers have already checked each document (core/import/documentCheck.ts),
// so a failure here is a broken invariant, and the caller's savepoint takes the document
// back whole.

import type { Statement } from 'better-sqlite3';
import type { ImportCounts } from '../../../common/importReport';
import type { AttributeTarget, AttributeValues } from '../../../common/model';
import type { PortableDocument } from '../../../core/formats/portableDocument';
import type { Connection } from '../../../db/openDatabase';
import type { Documents } from '../documents';
import type { LabelResolver } from './labelResolver';
import type { RowIds } from './rowIds';

/** What writing one document did. */
export interface Written {
  duplicate: boolean;
  counts: Omit<ImportCounts, 'documents' | 'duplicates'>;
  /** Remarks for the report (an attribute value that does not fit its definition…). */
  remarks: string[];
}

/// Whether writing `document` is a single INSERT of its row (plus the lookup of its hash):
/// a document without annotations, to do and without a note.
export function writesOneRow(document: PortableDocument): boolean {
  const { entities, mentions, events, relations } = document;
  return (
    entities.length + mentions.length + events.length + relations.length === 0 && document.status === 'todo' && document.note === ''
  );
}

export class ImportWriter {
  private readonly insertEntity: Statement;
  private readonly insertMention: Statement;
  private readonly insertEvent: Statement;
  private readonly insertArgument: Statement;
  private readonly insertRelation: Statement;
  private readonly setStatus: Statement<[string, string, number]>;

  constructor(
    db: Connection,
    private readonly documents: Documents,
    private readonly ids: RowIds,
    private readonly labels: LabelResolver,
  ) {
    this.insertEntity = db.prepare(
      'INSERT INTO entities (id, name, type_id, aliases, external_id) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertMention = db.prepare(
      `INSERT INTO mentions (id, document_id, start, "end", type_id, entity_id, attributes, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEvent = db.prepare(
      'INSERT INTO events (id, document_id, trigger_mention_id, type_id, attributes, note) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertArgument = db.prepare(
      'INSERT INTO event_arguments (id, event_id, role_id, mention_id, arg_event_id) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertRelation = db.prepare(
      `INSERT INTO relations (id, document_id, type_id, from_mention_id, to_mention_id, attributes, note)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.setStatus = db.prepare('UPDATE documents SET status = ?, note = ? WHERE id = ?');
  }

  /// Writes `document` as part of `batchId`. `entities` maps the file's entity ids to rows
  /// already written for it: an export names one entity by one id in every document.
  write(document: PortableDocument, batchId: number, entities: Map<string, number>): Written {
    const counts = { mentions: 0, events: 0, relations: 0, entities: 0 };
    const remarks: string[] = [];
    const added = this.documents.add({
      text: document.text,
      title: document.title,
      source: document.source,
      metadata: document.metadata,
      ...(document.blocks ? { blocks: document.blocks } : {}),
      batchId,
    });
    if (added.duplicate) return { duplicate: true, counts, remarks };
    const documentId = added.id;
    if (document.status !== 'todo' || document.note !== '') this.setStatus.run(document.status, document.note, documentId);

    const attributes = (target: AttributeTarget, values: AttributeValues) => {
      for (const [name, value] of Object.entries(values)) {
        const remark = this.labels.attribute(target, name, value);
        if (remark) remarks.push(remark);
      }
      return JSON.stringify(values);
    };

    const entityIds = new Map<string, number>();
    for (const entity of document.entities) {
      let id = entities.get(entity.id);
      if (id === undefined) {
        id = this.ids.take('entities');
        const typeId = entity.label === null ? null : this.labels.entityType(entity.label);
        this.insertEntity.run(id, entity.name, typeId, JSON.stringify(entity.aliases), entity.externalId);
        entities.set(entity.id, id);
        counts.entities++;
      }
      entityIds.set(entity.id, id);
    }

    const mentionIds = new Map<string, number>();
    for (const mention of document.mentions) {
      const id = this.ids.take('mentions');
      const typeId = mention.label === null ? null : this.labels.entityType(mention.label);
      const entityId = mention.entity === null ? null : entityIds.get(mention.entity)!;
      this.insertMention.run(
        id,
        documentId,
        mention.start,
        mention.end,
        typeId,
        entityId,
        attributes('mention', mention.attributes),
        mention.note,
      );
      mentionIds.set(mention.id, id);
      counts.mentions++;
    }

    // Events first, arguments after: an argument may be any event of the document (nested).
    const eventIds = new Map<string, { id: number; typeId: number }>();
    for (const event of document.events) {
      const id = this.ids.take('events');
      const typeId = this.labels.eventType(event.type);
      const trigger = mentionIds.get(event.trigger)!;
      this.insertEvent.run(id, documentId, trigger, typeId, attributes('event', event.attributes), event.note);
      eventIds.set(event.id, { id, typeId });
      counts.events++;
    }
    for (const event of document.events) {
      const { id, typeId } = eventIds.get(event.id)!;
      const roles = event.arguments.map((a) => a.role.toLowerCase());
      for (const argument of event.arguments) {
        const repeated = roles.filter((r) => r === argument.role.toLowerCase()).length > 1;
        const roleId = this.labels.role(typeId, event.type, argument.role, repeated);
        const mentionId = argument.mention === undefined ? null : mentionIds.get(argument.mention)!;
        const argEventId = argument.event === undefined ? null : eventIds.get(argument.event)!.id;
        this.insertArgument.run(this.ids.take('event_arguments'), id, roleId, mentionId, argEventId);
      }
    }

    for (const relation of document.relations) {
      this.insertRelation.run(
        this.ids.take('relations'),
        documentId,
        this.labels.relationType(relation.type),
        mentionIds.get(relation.from)!,
        mentionIds.get(relation.to)!,
        attributes('relation', relation.attributes),
        relation.note,
      );
      counts.relations++;
    }
    return { duplicate: false, counts, remarks };
  }
}
