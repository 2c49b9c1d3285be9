// The database rows of annotations and how they become the model's plain objects
// (common/model.ts). JSON columns are parsed here, once, for every service that reads them.

import type { AttributeValues, Entity, EventArgument, EventRecord, Mention, Relation } from '../../common/model';

export interface MentionRow {
  id: number;
  document_id: number;
  start: number;
  end: number;
  type_id: number | null;
  entity_id: number | null;
  attributes: string;
  note: string;
}

export interface EventRow {
  id: number;
  document_id: number;
  trigger_mention_id: number;
  type_id: number;
  attributes: string;
  note: string;
}

export interface ArgumentRow {
  id: number;
  event_id: number;
  role_id: number;
  mention_id: number | null;
  arg_event_id: number | null;
}

export interface RelationRow {
  id: number;
  document_id: number;
  type_id: number;
  from_mention_id: number;
  to_mention_id: number;
  attributes: string;
  note: string;
}

export interface EntityRow {
  id: number;
  name: string;
  type_id: number | null;
  aliases: string;
  external_id: string | null;
  /** Counted by the query: mentions linked to the entity in the whole project. */
  mention_count: number;
}

/** Column lists for SELECTs, so that every query returns the row shapes above. */
export const MENTION_COLUMNS = 'id, document_id, start, "end", type_id, entity_id, attributes, note';
export const EVENT_COLUMNS = 'id, document_id, trigger_mention_id, type_id, attributes, note';
export const ARGUMENT_COLUMNS = 'id, event_id, role_id, mention_id, arg_event_id';
export const RELATION_COLUMNS = 'id, document_id, type_id, from_mention_id, to_mention_id, attributes, note';
/** Needs the table aliased `e`. */
export const ENTITY_COLUMNS = `e.id, e.name, e.type_id, e.aliases, e.external_id,
  (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count`;

export function toMention(row: MentionRow): Mention {
  return {
    id: row.id,
    documentId: row.document_id,
    start: row.start,
    end: row.end,
    typeId: row.type_id,
    entityId: row.entity_id,
    attributes: JSON.parse(row.attributes) as AttributeValues,
    note: row.note,
  };
}

export function toEvent(row: EventRow): EventRecord {
  return {
    id: row.id,
    documentId: row.document_id,
    triggerMentionId: row.trigger_mention_id,
    typeId: row.type_id,
    attributes: JSON.parse(row.attributes) as AttributeValues,
    note: row.note,
  };
}

export function toArgument(row: ArgumentRow): EventArgument {
  return {
    id: row.id,
    eventId: row.event_id,
    roleId: row.role_id,
    mentionId: row.mention_id,
    argEventId: row.arg_event_id,
  };
}

export function toRelation(row: RelationRow): Relation {
  return {
    id: row.id,
    documentId: row.document_id,
    typeId: row.type_id,
    fromMentionId: row.from_mention_id,
    toMentionId: row.to_mention_id,
    attributes: JSON.parse(row.attributes) as AttributeValues,
    note: row.note,
  };
}

export function toEntity(row: EntityRow): Entity {
  return {
    id: row.id,
    name: row.name,
    typeId: row.type_id,
    aliases: JSON.parse(row.aliases) as string[],
    externalId: row.external_id,
    mentionCount: row.mention_count,
  };
}
