// The plain data that crosses every boundary: what the services return, what the
// contract carries, what the renderer draws. No behaviour lives here.
//
// Offsets: every `start`/`end` in this file is a Unicode code-point offset into the
// document's text, end exclusive, exactly what Python's `text[start:end]` expects.
// The renderer converts to UTF-16 / ProseMirror positions at its own edge
// (core/offsetMap.ts); nothing else ever sees another unit.

export const DOCUMENT_STATUSES = ['todo', 'in_progress', 'done', 'skipped'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const BLOCK_KINDS = ['heading', 'paragraph'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** A heading or paragraph of a document, as a code-point range of its text. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

/** A JSON object of free-form values (metadata, attribute values). */
export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** Attribute values of a mention, event or relation, by attribute name. */
export type AttributeValues = Record<string, string | boolean>;

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
  documentCount: number;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface DocumentSummary {
  id: number;
  title: string;
  status: DocumentStatus;
  mentionCount: number;
  /** Set when the list was filtered by a search: a short excerpt with the hits in «…». */
  snippet?: string;
}

export interface DocumentPage {
  total: number;
  offset: number;
  items: DocumentSummary[];
}

export interface Mention {
  id: number;
  documentId: number;
  start: number;
  end: number;
  /** Entity type id; null for an untyped span such as an event trigger. */
  typeId: number | null;
  entityId: number | null;
  attributes: AttributeValues;
  note: string;
}

export interface EventRecord {
  id: number;
  documentId: number;
  triggerMentionId: number;
  typeId: number;
  attributes: AttributeValues;
  note: string;
}

/** An event argument fills one role with either a mention or (nested events) another event. */
export interface EventArgument {
  id: number;
  eventId: number;
  roleId: number;
  mentionId: number | null;
  argEventId: number | null;
}

export interface Relation {
  id: number;
  documentId: number;
  typeId: number;
  fromMentionId: number;
  toMentionId: number;
  attributes: AttributeValues;
  note: string;
}

/** A real-world thing that mentions in any document of the project may refer to. */
export interface Entity {
  id: number;
  name: string;
  typeId: number | null;
  aliases: string[];
  externalId: string | null;
  mentionCount: number;
}

export interface DocumentDetail {
  id: number;
  title: string;
  source: string;
  metadata: JsonObject;
  status: DocumentStatus;
  note: string;
  text: string;
  blocks: Block[];
  mentions: Mention[];
  events: EventRecord[];
  arguments: EventArgument[];
  relations: Relation[];
  /** Entities linked from this document's mentions. */
  entities: Entity[];
}

// --- the label schema -------------------------------------------------------

export interface EntityType {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
}

export interface EventRole {
  id: number;
  eventTypeId: number;
  name: string;
  /** Entity type ids the role accepts; empty means any. A mismatch is a warning, never refused. */
  accepts: number[];
  /** Whether the role may be filled more than once in one event. */
  repeatable: boolean;
}

export interface EventType {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
  roles: EventRole[];
}

export interface RelationType {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
}

export const ATTRIBUTE_TARGETS = ['mention', 'event', 'relation'] as const;
export type AttributeTarget = (typeof ATTRIBUTE_TARGETS)[number];

/** A named attribute: a flag (true/false) when `values` is empty, else one of `values`. */
export interface AttributeDef {
  id: number;
  target: AttributeTarget;
  name: string;
  values: string[];
  defaultValue: string | null;
}

export interface LabelSchema {
  entityTypes: EntityType[];
  eventTypes: EventType[];
  relationTypes: RelationType[];
  attributes: AttributeDef[];
}

/** What importing a brat annotation.conf into the label schema did. */
export interface SchemaImportReport {
  /** How many of each kind were added. */
  added: { entityTypes: number; eventTypes: number; relationTypes: number; attributes: number };
  /** What was left out and why: definitions the schema already has, parts Spanlab does not keep. */
  skipped: string[];
  /** Lines of the file that could not be read (1-based), each skipped. */
  errors: { line: number; message: string }[];
}

export interface ProjectStats {
  documents: number;
  mentions: number;
  events: number;
  entities: number;
  relations: number;
  /** Mentions per entity type name, events per event type name, relations per relation type name. */
  perLabel: Record<string, number>;
  byStatus: Record<DocumentStatus, number>;
}

/** What an undo or redo did, for the UI to say and to refresh. */
export interface HistoryStep {
  actionId: number;
  label: string;
  documentId: number | null;
}
