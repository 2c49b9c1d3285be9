// Reads a project's documents as portable documents (core/formats/portableDocument.ts),
// page by page, for an export: memory holds one page of documents at a time, however many
// the project has. The annotations of a page come from one query per table, not per
// document.
//
// Everything an export writes must come out the same whenever the same annotations are
// exported, in this project or in another one they were imported into, so nothing here
// depends on database ids except to break a tie between otherwise identical annotations:
//
// - a document's id is the first 16 hex digits of the SHA-256 of its text (the project's
//   content hash): the same article has the same id in every export of every project;
// - mentions are ordered by start, then longest first, then label, and numbered T1, T2…;
//   events by their trigger's place, then type, and numbered E1…; relations by their ends,
//   then type (R1…); an event's arguments by role, then target;
// - entities are numbered N1, N2… in the order the export first meets them, so one entity
//   has one id in every document of the export.
//
// With `labels`, only annotations with those labels are read: mentions of the chosen
// entity types, events of the chosen event types (with their triggers, which lose a type
// that was not chosen), relations of the chosen relation types whose ends were read, and
// arguments whose targets were read.

import type { Statement } from 'better-sqlite3';
import type { AttributeValues, Block, DocumentStatus, JsonObject } from '../../../common/model';
import type {
  PortableArgument,
  PortableDocument,
  PortableEntity,
  PortableEvent,
  PortableMention,
  PortableRelation,
} from '../../../core/formats/portableDocument';
import { CodePointText } from '../../../core/codePointText';
import type { Connection } from '../../../db/openDatabase';
import type { ArgumentRow, EventRow, MentionRow, RelationRow } from '../annotationRows';
import { ARGUMENT_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, RELATION_COLUMNS } from '../annotationRows';
import { ftsQuery } from '../documents';
import type { ExportSchema } from './exportSchema';

/** Which documents to read. */
export interface DocumentSelection {
  status?: DocumentStatus | undefined;
  batch?: number | undefined;
  /** A full-text search, as typed in the document list. */
  query?: string | undefined;
  /** Label names to keep; null for all. */
  labels: ReadonlySet<string> | null;
}

/** A document read for export, with what the split is decided on. */
export interface ExportedDocument {
  document: PortableDocument;
  /** The SHA-256 of the text, hex. */
  contentHash: string;
}

interface DocumentRow {
  id: number;
  title: string;
  source: string;
  metadata: string;
  status: DocumentStatus;
  note: string;
  text: string;
  blocks: string;
  content_hash: string;
}

interface EntityRow {
  id: number;
  name: string;
  type_id: number | null;
  aliases: string;
  external_id: string | null;
}

/**
 * How many documents a page holds: enough for few queries, and few enough that most of a
 * page's rows die young (at 200, the garbage collector took twice as long, copying them).
 */
const PAGE_SIZE = 50;
/** How many entities the reader keeps as written (a few MB). */
const ENTITY_CACHE = 10_000;
/** `document_id IN (the page's ids)`, with the ids as one JSON array parameter. */
const IN_PAGE = 'IN (SELECT value FROM json_each(?))';

export class PortableDocumentReader {
  private readonly page: Statement<Record<string, unknown>, DocumentRow>;
  private readonly counter: Statement<Record<string, unknown>, number>;
  private readonly mentions: Statement<[string], MentionRow>;
  private readonly events: Statement<[string], EventRow>;
  private readonly arguments: Statement<[string], ArgumentRow & { document_id: number }>;
  private readonly relations: Statement<[string], RelationRow>;
  private readonly entities: Statement<[string], EntityRow>;
  private readonly parameters: Record<string, unknown>;
  /** Portable ids of the entities met so far, by database id. */
  private readonly entityIds = new Map<number, string>();
  /**
   * Entities met lately, as written, by database id. An entity is linked from page after
   * page; reading and parsing it once rather than once a page saved 7% of the lossless export.
   */
  private readonly entityCache = new Map<number, PortableEntity>();

  constructor(
    db: Connection,
    private readonly schema: ExportSchema,
    private readonly selection: DocumentSelection,
  ) {
    const where: string[] = [];
    this.parameters = {};
    if (selection.status !== undefined) {
      where.push('d.status = @status');
      this.parameters.status = selection.status;
    }
    if (selection.batch !== undefined) {
      where.push('d.batch_id = @batch');
      this.parameters.batch = selection.batch;
    }
    // A search walks the full-text index in id order from where the previous page ended,
    // rather than listing every match again for each page.
    let from = 'documents d';
    let key = 'd.id';
    const match = selection.query === undefined ? null : ftsQuery(selection.query);
    if (match !== null) {
      from = 'documents_fts f JOIN documents d ON d.id = f.rowid';
      key = 'f.rowid';
      where.push('documents_fts MATCH @match');
      this.parameters.match = match;
    }
    const filter = where.map((w) => ` AND ${w}`).join('');
    this.page = db.prepare(
      `SELECT d.id, d.title, d.source, d.metadata, d.status, d.note, d.text, d.blocks, d.content_hash
       FROM ${from} WHERE ${key} > @after${filter} ORDER BY ${key} LIMIT ${PAGE_SIZE}`,
    );
    this.counter = db.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM ${from} WHERE 1${filter}`).pluck();
    // No ORDER BY: they are sorted per document below, and SQLite's sort of a whole page
    // cost more than the rest of reading them.
    this.mentions = db.prepare(`SELECT ${MENTION_COLUMNS} FROM mentions WHERE document_id ${IN_PAGE}`);
    this.events = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE document_id ${IN_PAGE}`);
    this.arguments = db.prepare(
      `SELECT ${ARGUMENT_COLUMNS.replace(/(\w+)/g, 'a.$1')}, e.document_id FROM event_arguments a
       JOIN events e ON e.id = a.event_id WHERE e.document_id ${IN_PAGE}`,
    );
    this.relations = db.prepare(`SELECT ${RELATION_COLUMNS} FROM relations WHERE document_id ${IN_PAGE}`);
    this.entities = db.prepare(`SELECT id, name, type_id, aliases, external_id FROM entities WHERE id ${IN_PAGE}`);
  }

  /// How many documents the selection holds.
  count(): number {
    return this.counter.get(this.parameters)!;
  }

  /// The selected documents in import order, read a page at a time.
  *documents(): Generator<ExportedDocument> {
    let after = 0;
    for (;;) {
      const rows = this.page.all({ ...this.parameters, after });
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.id;
      yield* this.assemble(rows);
    }
  }

  // The annotations of a page's documents, grouped by document, made portable.
  private *assemble(rows: readonly DocumentRow[]): Generator<ExportedDocument> {
    const ids = JSON.stringify(rows.map((r) => r.id));
    // all() rather than iterate(): one call into SQLite per page, not one per row.
    const group = <T extends { document_id: number }>(statement: Statement<[string], T>) => {
      const byDocument = new Map<number, T[]>();
      for (const row of statement.all(ids)) {
        const list = byDocument.get(row.document_id);
        if (list) list.push(row);
        else byDocument.set(row.document_id, [row]);
      }
      return byDocument;
    };
    const mentions = group(this.mentions);
    const events = group(this.events);
    const args = group(this.arguments);
    const relations = group(this.relations);
    // The entities the page's mentions link to that are not in the cache, by the ids
    // already in hand. The cache holds a bounded number, whatever the project has.
    if (this.entityCache.size > ENTITY_CACHE) this.entityCache.clear();
    const unread = new Set<number>();
    for (const list of mentions.values()) {
      for (const m of list) if (m.entity_id !== null && !this.entityCache.has(m.entity_id)) unread.add(m.entity_id);
    }
    const entities = new Map<number, EntityRow>();
    if (unread.size > 0) for (const row of this.entities.all(JSON.stringify([...unread]))) entities.set(row.id, row);

    for (const row of rows) {
      yield {
        contentHash: row.content_hash,
        document: this.portable(row, {
          mentions: mentions.get(row.id) ?? [],
          events: events.get(row.id) ?? [],
          arguments: args.get(row.id) ?? [],
          relations: relations.get(row.id) ?? [],
          entities,
        }),
      };
    }
  }

  private portable(
    row: DocumentRow,
    rows: {
      mentions: MentionRow[];
      events: EventRow[];
      arguments: ArgumentRow[];
      relations: RelationRow[];
      entities: ReadonlyMap<number, EntityRow>;
    },
  ): PortableDocument {
    const { schema } = this;
    const chosen = this.selection.labels;
    const text = new CodePointText(row.text);
    const eventRows = chosen === null ? rows.events : rows.events.filter((e) => chosen.has(schema.eventTypes.get(e.type_id)!));
    const triggers = chosen === null ? null : new Set(eventRows.map((e) => e.trigger_mention_id));
    // A mention's label, or undefined for one that is not exported. A trigger of a chosen
    // event stays, without a type that was not chosen.
    const labelOf = (m: MentionRow): string | null | undefined => {
      const label = m.type_id === null ? null : schema.entityTypes.get(m.type_id)!;
      if (chosen === null || (label !== null && chosen.has(label))) return label;
      return triggers!.has(m.id) ? null : undefined;
    };

    // Mentions: canonical order, then T1, T2… This runs for every mention of the export:
    // a plain loop, and no object per mention beyond the one written.
    const kept = chosen === null ? rows.mentions : rows.mentions.filter((m) => labelOf(m) !== undefined);
    kept.sort((a, b) => a.start - b.start || b.end - a.end || compareLabels(labelOf(a)!, labelOf(b)!) || a.id - b.id);
    /** Index in `mentions`, by database id. */
    const position = new Map<number, number>();
    const documentEntities = new Set<PortableEntity>();
    const mentions: PortableMention[] = [];
    for (let i = 0; i < kept.length; i++) {
      const m = kept[i]!;
      position.set(m.id, i);
      mentions.push({
        id: `T${i + 1}`,
        start: m.start,
        end: m.end,
        label: labelOf(m)!,
        text: text.slice(m.start, m.end),
        attributes: parsedObject<AttributeValues>(m.attributes),
        note: m.note,
        entity: m.entity_id === null ? null : this.linkedEntity(m.entity_id, rows.entities, documentEntities),
      });
    }
    const mentionId = (databaseId: number) => mentions[position.get(databaseId)!]!.id;

    // Events: by trigger, then type; E1, E2…
    const typeOf = (e: EventRow) => schema.eventTypes.get(e.type_id)!;
    eventRows.sort(
      (a, b) =>
        position.get(a.trigger_mention_id)! - position.get(b.trigger_mention_id)! ||
        compareLabels(typeOf(a), typeOf(b)) ||
        a.id - b.id,
    );
    const eventPosition = new Map<number, number>();
    for (let i = 0; i < eventRows.length; i++) eventPosition.set(eventRows[i]!.id, i);
    const argumentsOf = new Map<number, ArgumentRow[]>();
    for (const a of rows.arguments) {
      if (!eventPosition.has(a.event_id)) continue;
      if (a.mention_id !== null ? !position.has(a.mention_id) : !eventPosition.has(a.arg_event_id!)) continue;
      const list = argumentsOf.get(a.event_id);
      if (list) list.push(a);
      else argumentsOf.set(a.event_id, [a]);
    }
    const roleOf = (a: ArgumentRow) => schema.roles.get(a.role_id)!;
    // Mention targets before event targets, each in document order.
    const rank = (a: ArgumentRow) => (a.mention_id !== null ? position.get(a.mention_id)! : 1e9 + eventPosition.get(a.arg_event_id!)!);
    const events: PortableEvent[] = eventRows.map((e, i) => ({
      id: `E${i + 1}`,
      type: typeOf(e),
      trigger: mentionId(e.trigger_mention_id),
      arguments: (argumentsOf.get(e.id) ?? [])
        .sort((a, b) => compareLabels(roleOf(a), roleOf(b)) || rank(a) - rank(b) || a.id - b.id)
        .map((a): PortableArgument =>
          a.mention_id !== null
            ? { role: roleOf(a), mention: mentionId(a.mention_id) }
            : { role: roleOf(a), event: `E${eventPosition.get(a.arg_event_id!)! + 1}` },
        ),
      attributes: parsedObject<AttributeValues>(e.attributes),
      note: e.note,
    }));

    // Relations: by their ends, then type; R1, R2…
    const relationType = (r: RelationRow) => schema.relationTypes.get(r.type_id)!;
    const relations: PortableRelation[] = rows.relations
      .filter(
        (r) =>
          (chosen === null || chosen.has(relationType(r))) && position.has(r.from_mention_id) && position.has(r.to_mention_id),
      )
      .sort(
        (a, b) =>
          position.get(a.from_mention_id)! - position.get(b.from_mention_id)! ||
          position.get(a.to_mention_id)! - position.get(b.to_mention_id)! ||
          compareLabels(relationType(a), relationType(b)) ||
          a.id - b.id,
      )
      .map((r, i) => ({
        id: `R${i + 1}`,
        type: relationType(r),
        from: mentionId(r.from_mention_id),
        to: mentionId(r.to_mention_id),
        attributes: parsedObject<AttributeValues>(r.attributes),
        note: r.note,
      }));

    return {
      id: row.content_hash.slice(0, 16),
      title: row.title,
      text: row.text,
      source: row.source,
      metadata: parsedObject<JsonObject>(row.metadata),
      status: row.status,
      note: row.note,
      blocks: JSON.parse(row.blocks) as Block[],
      mentions,
      // In the order of their ids' numbers, which is the order the export met them in.
      // (N9 before N10: the shorter number first.)
      entities: [...documentEntities].sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : 1)),
      events,
      relations,
    };
  }

  // The portable id of a mention's entity (null for one that is gone), adding the entity to
  // the document's list when the document first links to it. `rows` holds the page's
  // entities that are not in the cache.
  private linkedEntity(
    databaseId: number,
    rows: ReadonlyMap<number, EntityRow>,
    documentEntities: Set<PortableEntity>,
  ): string | null {
    let entity = this.entityCache.get(databaseId);
    if (entity === undefined) {
      const row = rows.get(databaseId);
      if (row === undefined) return null;
      let id = this.entityIds.get(databaseId);
      if (id === undefined) {
        id = `N${this.entityIds.size + 1}`;
        this.entityIds.set(databaseId, id);
      }
      entity = this.entity(id, row);
      this.entityCache.set(databaseId, entity);
    }
    documentEntities.add(entity);
    return entity.id;
  }

  private entity(id: string, row: EntityRow): PortableEntity {
    return {
      id,
      name: row.name,
      label: row.type_id === null ? null : (this.schema.entityTypes.get(row.type_id) ?? null),
      aliases: JSON.parse(row.aliases) as string[],
      externalId: row.external_id,
    };
  }
}

// Most annotations have no attributes, and most documents no metadata: no need to run the
// JSON parser for them.
function parsedObject<T extends AttributeValues | JsonObject>(json: string): T {
  return (json === '{}' ? {} : JSON.parse(json)) as T;
}

// Untyped (null) first, then by code units: the same order in every runtime and locale.
function compareLabels(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
