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

/** How many documents a page holds: large enough for few queries, small enough for flat memory. */
const PAGE_SIZE = 200;
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
    const match = selection.query === undefined ? null : ftsQuery(selection.query);
    if (match !== null) {
      where.push('d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @match)');
      this.parameters.match = match;
    }
    const filter = where.map((w) => ` AND ${w}`).join('');
    this.page = db.prepare(
      `SELECT d.id, d.title, d.source, d.metadata, d.status, d.note, d.text, d.blocks, d.content_hash
       FROM documents d WHERE d.id > @after${filter} ORDER BY d.id LIMIT ${PAGE_SIZE}`,
    );
    this.counter = db.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM documents d WHERE 1${filter}`).pluck();
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
    // The entities the page's mentions link to, by the ids already in hand.
    const linked = new Set<number>();
    for (const list of mentions.values()) for (const m of list) if (m.entity_id !== null) linked.add(m.entity_id);
    const entities = new Map<number, EntityRow>();
    if (linked.size > 0) for (const row of this.entities.all(JSON.stringify([...linked]))) entities.set(row.id, row);

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
    const keep = (name: string) => chosen === null || chosen.has(name);
    const text = row.text;
    const eventRows = rows.events.filter((e) => keep(schema.eventTypes.get(e.type_id)!));
    const triggers = new Set(eventRows.map((e) => e.trigger_mention_id));

    // Mentions: canonical order, then T1, T2…
    const mentionRows: { row: MentionRow; label: string | null }[] = [];
    for (const m of rows.mentions) {
      const label = m.type_id === null ? null : schema.entityTypes.get(m.type_id)!;
      if (chosen === null || (label !== null && chosen.has(label))) mentionRows.push({ row: m, label });
      // A trigger of a chosen event stays, without a type that was not chosen.
      else if (triggers.has(m.id)) mentionRows.push({ row: m, label: null });
    }
    mentionRows.sort(
        (a, b) =>
          a.row.start - b.row.start ||
          b.row.end - a.row.end ||
          compareLabels(a.label, b.label) ||
          a.row.id - b.row.id,
      );
    const mentionIds = new Map<number, string>();
    const position = new Map<number, number>();
    const covered = new CodePointText(text);
    const documentEntities = new Map<string, PortableEntity>();
    const mentions: PortableMention[] = mentionRows.map(({ row: m, label }, i) => {
      const id = `T${i + 1}`;
      mentionIds.set(m.id, id);
      position.set(m.id, i);
      let entity: string | null = null;
      const entityRow = m.entity_id === null ? undefined : rows.entities.get(m.entity_id);
      if (entityRow) {
        entity = this.entityId(entityRow.id);
        if (!documentEntities.has(entity)) documentEntities.set(entity, this.entity(entity, entityRow));
      }
      return {
        id,
        start: m.start,
        end: m.end,
        label,
        text: covered.slice(m.start, m.end),
        attributes: attributeValues(m.attributes),
        note: m.note,
        entity,
      };
    });

    // Events: by trigger, then type; E1, E2…
    const eventEntries = eventRows
      .map((e) => ({ row: e, type: schema.eventTypes.get(e.type_id)! }))
      .sort(
        (a, b) =>
          position.get(a.row.trigger_mention_id)! - position.get(b.row.trigger_mention_id)! ||
          compareLabels(a.type, b.type) ||
          a.row.id - b.row.id,
      );
    const eventIds = new Map(eventEntries.map((e, i) => [e.row.id, `E${i + 1}`]));
    const eventPosition = new Map(eventEntries.map((e, i) => [e.row.id, i]));
    const argumentsOf = new Map<number, ArgumentRow[]>();
    for (const a of rows.arguments) {
      if (!eventIds.has(a.event_id)) continue;
      if (a.mention_id !== null ? !mentionIds.has(a.mention_id) : !eventIds.has(a.arg_event_id!)) continue;
      const list = argumentsOf.get(a.event_id);
      if (list) list.push(a);
      else argumentsOf.set(a.event_id, [a]);
    }
    const events: PortableEvent[] = eventEntries.map(({ row: e, type }) => {
      const args = (argumentsOf.get(e.id) ?? [])
        .map((a) => ({ row: a, role: schema.roles.get(a.role_id)! }))
        .sort(
          (a, b) =>
            compareLabels(a.role, b.role) ||
            targetRank(a.row, position, eventPosition) - targetRank(b.row, position, eventPosition) ||
            a.row.id - b.row.id,
        )
        .map(({ row: a, role }): PortableArgument =>
          a.mention_id !== null ? { role, mention: mentionIds.get(a.mention_id)! } : { role, event: eventIds.get(a.arg_event_id!)! },
        );
      return {
        id: eventIds.get(e.id)!,
        type,
        trigger: mentionIds.get(e.trigger_mention_id)!,
        arguments: args,
        attributes: attributeValues(e.attributes),
        note: e.note,
      };
    });

    // Relations: by their ends, then type; R1, R2…
    const relations: PortableRelation[] = rows.relations
      .map((r) => ({ row: r, type: schema.relationTypes.get(r.type_id)! }))
      .filter((r) => keep(r.type) && mentionIds.has(r.row.from_mention_id) && mentionIds.has(r.row.to_mention_id))
      .sort(
        (a, b) =>
          position.get(a.row.from_mention_id)! - position.get(b.row.from_mention_id)! ||
          position.get(a.row.to_mention_id)! - position.get(b.row.to_mention_id)! ||
          compareLabels(a.type, b.type) ||
          a.row.id - b.row.id,
      )
      .map(({ row: r, type }, i) => ({
        id: `R${i + 1}`,
        type,
        from: mentionIds.get(r.from_mention_id)!,
        to: mentionIds.get(r.to_mention_id)!,
        attributes: attributeValues(r.attributes),
        note: r.note,
      }));

    return {
      id: row.content_hash.slice(0, 16),
      title: row.title,
      text,
      source: row.source,
      metadata: JSON.parse(row.metadata) as JsonObject,
      status: row.status,
      note: row.note,
      blocks: JSON.parse(row.blocks) as Block[],
      mentions,
      // In the order of their ids' numbers, which is the order the export met them in.
      entities: [...documentEntities.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))),
      events,
      relations,
    };
  }

  private entityId(databaseId: number): string {
    let id = this.entityIds.get(databaseId);
    if (id === undefined) {
      id = `N${this.entityIds.size + 1}`;
      this.entityIds.set(databaseId, id);
    }
    return id;
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

// Most annotations have no attributes: no need to run the JSON parser for them.
function attributeValues(json: string): AttributeValues {
  return json === '{}' ? {} : (JSON.parse(json) as AttributeValues);
}

// Untyped (null) first, then by code units: the same order in every runtime and locale.
function compareLabels(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

// Mention targets before event targets, each in document order.
function targetRank(a: ArgumentRow, mentions: ReadonlyMap<number, number>, events: ReadonlyMap<number, number>): number {
  return a.mention_id !== null ? mentions.get(a.mention_id)! : 1e9 + events.get(a.arg_event_id!)!;
}
