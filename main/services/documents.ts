// Documents: the imported articles. Their text never changes once stored (a trigger in the
// schema refuses it), because every annotation points into it by offset. Adding documents
// is an import, not an undoable edit; status and note are edits on the document's stack.

import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { ValidInput } from '../../common/contract';
import { SpanlabError } from '../../common/errors';
import type {
  Block,
  DocumentDetail,
  DocumentPage,
  DocumentStatus,
  DocumentSummary,
  JsonObject,
} from '../../common/model';
import { BLOCK_KINDS } from '../../common/model';
import { blocksFromText } from '../../core/blocks';
import { codePointLength, sliceCodePoints } from '../../core/codePoints';
import type { ChangeRecorder } from '../../db/changeRecorder';
import type { Connection } from '../../db/openDatabase';
import type { Entities } from './entities';
import type { EventArguments } from './eventArguments';
import type { Events } from './events';
import type { Mentions } from './mentions';
import type { Relations } from './relations';

/** A document to add; everything but the text is optional. */
export interface NewDocument {
  text: string;
  /** Defaults to the text's first block (its headline), shortened. */
  title?: string;
  /** Where it came from: a URL, a file name, a feed. */
  source?: string;
  metadata?: JsonObject;
  /** Code-point ranges; defaults to blocksFromText(text). */
  blocks?: Block[];
  /**
   * The import batch it comes with. A document of a batch is not put in the full-text index
   * as it is added: the import indexes a whole group of them at once, with
   * indexBatchDocuments, in the transaction that adds them (migration 002 says why).
   */
  batchId?: number | null;
}

/** The new document's id, or with `duplicate` the id of the document that has the same text. */
export interface AddedDocument {
  id: number;
  duplicate: boolean;
}

/// Adds a document to an open project (the importer's and the sample's entry point). Not
/// an undoable action; wrap many calls in one `project.db.transaction()` for speed.
export function addDocument(project: { readonly documents: Documents }, input: NewDocument): AddedDocument {
  return project.documents.add(input);
}

interface SummaryRow {
  id: number;
  title: string;
  status: DocumentStatus;
  mention_count: number;
  snippet?: string;
}

interface SearchParameters {
  match: string;
  status?: string;
  limit: number;
  offset: number;
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
}

/** Readers of a document's annotations, for documents.get. */
export interface AnnotationReaders {
  mentions: Mentions;
  events: Events;
  arguments: EventArguments;
  relations: Relations;
  entities: Entities;
}

const MAX_TITLE = 200;
const STATUS_WORDS: Record<DocumentStatus, string> = {
  todo: 'to do',
  in_progress: 'in progress',
  done: 'done',
  skipped: 'skipped',
};
const MENTION_COUNT = '(SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS mention_count';

export class Documents {
  private readonly byHash: Statement<[string], number>;
  private readonly insert: Statement<[number | null, string, string, string, string, string, string]>;
  private readonly lastIdQuery: Statement<[], number>;
  private readonly indexBatch: Statement<[number]>;
  private readonly byId: Statement<[number], DocumentRow>;
  private readonly summary: Statement<[number], SummaryRow>;
  private readonly page: Statement<[number, number], SummaryRow>;
  private readonly pageByStatus: Statement<[string, number, number], SummaryRow>;
  private readonly count: Statement<[], number>;
  private readonly countByStatus: Statement<[string], number>;
  private readonly search: Statement<[SearchParameters], SummaryRow>;
  private readonly searchByStatus: Statement<[SearchParameters], SummaryRow>;
  private readonly searchCount: Statement<[string], number>;
  private readonly searchCountByStatus: Statement<[string, string], number>;

  constructor(
    db: Connection,
    private readonly recorder: ChangeRecorder,
    private readonly readers: AnnotationReaders,
  ) {
    this.byHash = db.prepare<[string], number>('SELECT id FROM documents WHERE content_hash = ?').pluck();
    this.insert = db.prepare(
      `INSERT INTO documents (batch_id, title, source, metadata, text, blocks, content_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.lastIdQuery = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM documents').pluck();
    // What the insert trigger leaves out (batch_id set), and only that: an id indexed twice
    // would break the index.
    this.indexBatch = db.prepare(
      `INSERT INTO documents_fts (rowid, title, text)
       SELECT id, title, text FROM documents WHERE id > ? AND batch_id IS NOT NULL`,
    );
    this.byId = db.prepare(
      'SELECT id, title, source, metadata, status, note, text, blocks FROM documents WHERE id = ?',
    );
    // With ORDER BY id there is no sorter, so SQLite skips the OFFSET rows before computing
    // their columns: mentions are counted for the page only.
    const summary = `SELECT d.id, d.title, d.status, ${MENTION_COUNT} FROM documents d`;
    this.page = db.prepare(`${summary} ORDER BY d.id LIMIT ? OFFSET ?`);
    this.pageByStatus = db.prepare(`${summary} WHERE d.status = ? ORDER BY d.id LIMIT ? OFFSET ?`);
    this.summary = db.prepare(`${summary} WHERE d.id = ?`);
    this.count = db.prepare<[], number>('SELECT count(*) FROM documents').pluck();
    this.countByStatus = db.prepare<[string], number>('SELECT count(*) FROM documents WHERE status = ?').pluck();
    // Ranking needs every match, but the page is chosen from ids and scores alone, so the
    // snippet and the mention count are computed for the page's rows only. bm25 ranks best
    // first (lowest); a hit in the title weighs five times a hit in the text.
    const searchSql = (status: boolean) =>
      `WITH hits AS (
         SELECT documents_fts.rowid AS id, bm25(documents_fts, 5.0, 1.0) AS score
         FROM documents_fts ${status ? 'JOIN documents s ON s.id = documents_fts.rowid' : ''}
         WHERE documents_fts MATCH @match ${status ? 'AND s.status = @status' : ''}
         ORDER BY score, id LIMIT @limit OFFSET @offset)
       SELECT d.id, d.title, d.status, ${MENTION_COUNT}, snippet(documents_fts, -1, '«', '»', '…', 12) AS snippet
       FROM hits JOIN documents_fts ON documents_fts.rowid = hits.id JOIN documents d ON d.id = hits.id
       WHERE documents_fts MATCH @match
       ORDER BY hits.score, hits.id`;
    this.search = db.prepare(searchSql(false));
    this.searchByStatus = db.prepare(searchSql(true));
    this.searchCount = db
      .prepare<[string], number>('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?')
      .pluck();
    this.searchCountByStatus = db
      .prepare<[string, string], number>(
        `SELECT count(*) FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
         WHERE documents_fts MATCH ? AND d.status = ?`,
      )
      .pluck();
  }

  /// Stores a new document, or reports the one that already has exactly this text.
  /// `invalid_input` for an empty text, a NUL character or blocks outside the text.
  add(input: NewDocument): AddedDocument {
    // Lone surrogates would be stored as U+FFFD anyway; hash what is stored.
    const text = input.text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
    if (text.trim() === '') throw new SpanlabError('invalid_input', 'The document has no text.', 'text');
    if (text.includes('\u0000')) {
      throw new SpanlabError('invalid_input', 'The text contains a NUL character, which Spanlab cannot store.', 'text');
    }
    const hash = createHash('sha256').update(text, 'utf8').digest('hex');
    const existing = this.byHash.get(hash);
    if (existing !== undefined) return { id: existing, duplicate: true };

    // Blocks split here are right by construction; only an importer's are checked.
    const blocks = input.blocks ?? blocksFromText(text);
    if (input.blocks) checkBlocks(blocks, codePointLength(text));
    const title = clipped(input.title?.trim() || defaultTitle(text, blocks), MAX_TITLE);
    const result = this.insert.run(
      input.batchId ?? null,
      title,
      input.source ?? '',
      JSON.stringify(input.metadata ?? {}),
      text,
      JSON.stringify(blocks),
      hash,
    );
    return { id: Number(result.lastInsertRowid), duplicate: false };
  }

  /// The largest document id so far (0 when there is none).
  lastId(): number {
    return this.lastIdQuery.get()!;
  }

  /// Puts the documents of import batches added after `afterId` in the full-text index, in
  /// one statement: call it in the transaction that added them, which must have held the
  /// write lock since `afterId` was read (BEGIN IMMEDIATE), so that every such row is its own.
  indexBatchDocuments(afterId: number): void {
    this.indexBatch.run(afterId);
  }

  /// A page of documents in import order, or with `query` the best matches first, each
  /// with a snippet of the hit between « ». The query is a list of words, all required;
  /// FTS5 syntax in it is taken literally.
  list(input: ValidInput<'documents.list'>): DocumentPage {
    const match = input.query === undefined ? null : ftsQuery(input.query);
    const { offset, limit, status } = input;
    let rows: SummaryRow[];
    let total: number;
    if (match === null) {
      rows = status ? this.pageByStatus.all(status, limit, offset) : this.page.all(limit, offset);
      total = status ? this.countByStatus.get(status)! : this.count.get()!;
    } else {
      rows = status
        ? this.searchByStatus.all({ match, status, limit, offset })
        : this.search.all({ match, limit, offset });
      total = status ? this.searchCountByStatus.get(match, status)! : this.searchCount.get(match)!;
    }
    return { total, offset, items: rows.map(toSummary) };
  }

  /// A document with all its annotations; `not_found` if there is none with that id.
  get(id: number): DocumentDetail {
    const row = this.requireRow(id);
    const { mentions, events, arguments: args, relations, entities } = this.readers;
    return {
      id: row.id,
      title: row.title,
      source: row.source,
      metadata: JSON.parse(row.metadata) as JsonObject,
      status: row.status,
      note: row.note,
      text: row.text,
      blocks: JSON.parse(row.blocks) as Block[],
      mentions: mentions.inDocument(id),
      events: events.inDocument(id),
      arguments: args.inDocument(id),
      relations: relations.inDocument(id),
      entities: entities.inDocument(id),
    };
  }

  /// The list entry of one document.
  summaryOf(id: number): DocumentSummary {
    const row = this.summary.get(id);
    if (!row) throw new SpanlabError('not_found', `There is no document ${id}.`);
    return toSummary(row);
  }

  setStatus(id: number, status: DocumentStatus): DocumentSummary {
    const current = this.summaryOf(id);
    if (current.status === status) return current;
    this.recorder.action(`Mark document as ${STATUS_WORDS[status]}`, id, () =>
      this.recorder.update('documents', id, { status, updated_at: new Date().toISOString() }),
    );
    return this.summaryOf(id);
  }

  setNote(id: number, note: string): { id: number; note: string } {
    const row = this.requireRow(id);
    if (row.note !== note) {
      this.recorder.action('Edit document note', id, () =>
        this.recorder.update('documents', id, { note, updated_at: new Date().toISOString() }),
      );
    }
    return { id, note };
  }

  private requireRow(id: number): DocumentRow {
    const row = this.byId.get(id);
    if (!row) throw new SpanlabError('not_found', `There is no document ${id}.`);
    return row;
  }
}

/// The FTS5 query for what a person typed: each word quoted as an FTS5 string (so `AND`,
/// `*`, `"`, `NEAR(` mean nothing special) and all of them required. Words without a letter
/// or digit are dropped — the tokenizer would drop them too, and an empty phrase matches
/// nothing. Null when nothing searchable is left (then the list is not filtered).
export function ftsQuery(input: string): string | null {
  const words = input.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' AND ');
}

function toSummary(row: SummaryRow): DocumentSummary {
  const summary: DocumentSummary = {
    id: row.id,
    title: row.title,
    status: row.status,
    mentionCount: row.mention_count,
  };
  if (row.snippet !== undefined) summary.snippet = row.snippet;
  return summary;
}

// Blocks given by an importer must lie in the text, in order, without overlapping.
function checkBlocks(blocks: readonly Block[], length: number): void {
  let previousEnd = 0;
  for (const [i, block] of blocks.entries()) {
    const ok =
      (BLOCK_KINDS as readonly string[]).includes(block.kind) &&
      Number.isInteger(block.start) &&
      Number.isInteger(block.end) &&
      block.start >= previousEnd &&
      block.start < block.end &&
      block.end <= length;
    if (!ok) {
      const message = `Block ${i} (${block.start}–${block.end}) is not a range of the text in order.`;
      throw new SpanlabError('invalid_input', message, `blocks.${i}`);
    }
    previousEnd = block.end;
  }
}

// An untitled article is named by its first block, usually its headline.
function defaultTitle(text: string, blocks: readonly Block[]): string {
  const first = blocks[0];
  const line = (first ? sliceCodePoints(text, first.start, first.end) : text).trim().split(/\r?\n/)[0] ?? '';
  return codePointLength(line) > 120 ? `${clipped(line, 119)}…` : line;
}

// The first `max` code points of `text`. No more UTF-16 units than that means no more code
// points either, the usual case, which then costs nothing.
function clipped(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('');
}
