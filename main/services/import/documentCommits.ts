// Writing what the readers read, in transactions that are all-or-nothing for every file in
// them. Documents gather in a group until there are a few hundred or several MB of them,
// and the group is written in one transaction (BEGIN IMMEDIATE), each document in a
// savepoint of its own. So:
//   - a crash, a power cut or a SIGKILL loses at most the group being written, whole: the
//     project holds only whole documents and whole files, and a re-run adds what is missing
//     (what is already in is skipped by its hash);
//   - a document that cannot be stored costs itself only;
//   - the write lock is held only while a group is written — never while files are read —
//     so the UI's own writes wait for at most that long;
//   - the full-text index, which writes a segment per transaction, gets few large ones:
//     a transaction per small file made a 10,000-file import several times slower.
// A long file (JSONL, CSV) is written in several groups as it streams in.

import type { PortableDocument } from '../../../core/formats/portableDocument';
import type { Connection } from '../../../db/openDatabase';
import type { Documents } from '../documents';
import type { BatchFile } from './batchFiles';
import { ImportWriter } from './importWriter';
import { LabelResolver } from './labelResolver';
import type { ProgressMeter } from './progressMeter';
import type { ReportBuilder } from './reportBuilder';
import { RowIds } from './rowIds';

/** A group is written once it holds this many documents or characters of text. */
const GROUP_DOCUMENTS = 500;
const GROUP_CHARACTERS = 8 * 1024 * 1024;
// SQLite failures after which no further group can be written either.
const FATAL_SQLITE = /^SQLITE_(FULL|IOERR|CORRUPT|READONLY|NOTADB|CANTOPEN)/;

interface Entry {
  file: BatchFile;
  documents: readonly PortableDocument[];
  /** The file's entity ids → rows (see ImportWriter.write); shared by all its entries. */
  entities: Map<string, number>;
}

export class DocumentCommits {
  readonly labels: LabelResolver;
  private readonly ids: RowIds;
  private readonly writer: ImportWriter;
  private group: Entry[] = [];
  private groupDocuments = 0;
  private groupCharacters = 0;
  private readonly scopes = new Map<string, Map<string, number>>();
  private readonly entityExists;

  constructor(
    private readonly db: Connection,
    documents: Documents,
    private readonly batchId: number,
    private readonly report: ReportBuilder,
    private readonly meter: ProgressMeter,
  ) {
    this.ids = new RowIds(db);
    this.labels = new LabelResolver(db, this.ids);
    this.writer = new ImportWriter(db, documents, this.ids, this.labels);
    this.entityExists = db.prepare<[number], number>('SELECT count(*) FROM entities WHERE id = ?').pluck();
  }

  /// Queues documents of `file`; writes the group when it is full.
  add(file: BatchFile, documents: readonly PortableDocument[]): void {
    if (documents.length === 0) return;
    let entities = this.scopes.get(file.path);
    if (!entities) {
      entities = new Map();
      this.scopes.set(file.path, entities);
    }
    this.group.push({ file, documents, entities });
    this.groupDocuments += documents.length;
    for (const document of documents) this.groupCharacters += document.text.length;
    if (this.groupDocuments >= GROUP_DOCUMENTS || this.groupCharacters >= GROUP_CHARACTERS) this.flush();
  }

  /// The file has been read to its end: its entity ids mean nothing to the next file.
  fileDone(file: BatchFile): void {
    this.scopes.delete(file.path);
  }

  /// Writes the group now (before Cancel takes effect, before a schema merge, at the end).
  /// Throws only for a failure that no later group could escape either (disk full).
  flush(): void {
    const group = this.group;
    this.group = [];
    this.groupDocuments = 0;
    this.groupCharacters = 0;
    if (group.length === 0) return;

    const written = new Map<Entry, { added: number; duplicates: number; failures: string[]; remarks: string[] }>();
    const counts = { mentions: 0, events: 0, relations: 0, entities: 0 };
    const writeOne = this.db.transaction((document: PortableDocument, entry: Entry) =>
      this.writer.write(document, this.batchId, entry.entities),
    );
    const writeAll = this.db.transaction(() => {
      this.ids.refresh();
      for (const entry of group) {
        const tally = { added: 0, duplicates: 0, failures: [] as string[], remarks: [] as string[] };
        written.set(entry, tally);
        for (const document of entry.documents) {
          try {
            const result = writeOne(document, entry);
            if (result.duplicate) tally.duplicates++;
            else tally.added++;
            counts.mentions += result.counts.mentions;
            counts.events += result.counts.events;
            counts.relations += result.counts.relations;
            counts.entities += result.counts.entities;
            tally.remarks.push(...result.remarks.map((r) => `${document.id}: ${r}`));
          } catch (error) {
            if (isFatal(error)) throw error;
            this.labels.reset('document');
            this.forgetLostEntities(entry.entities);
            tally.failures.push(`${document.id}: could not be stored: ${message(error)}`);
          }
        }
      }
    });

    try {
      writeAll.immediate();
    } catch (error) {
      this.labels.reset('transaction');
      for (const entry of group) this.forgetLostEntities(entry.entities);
      if (isFatal(error)) throw error;
      // Nothing of the group was written: each of its files says so.
      for (const file of new Set(group.map((e) => e.file))) {
        this.report.error({ file: file.name, reason: `could not be written: ${message(error)}` });
      }
      this.meter.failed = this.report.errorCount;
      return;
    }
    this.labels.commit();

    const total = this.report.counts;
    total.mentions += counts.mentions;
    total.events += counts.events;
    total.relations += counts.relations;
    total.entities += counts.entities;
    for (const [entry, tally] of written) {
      total.documents += tally.added;
      total.duplicates += tally.duplicates;
      this.meter.added += tally.added;
      this.meter.duplicates += tally.duplicates;
      if (tally.added + tally.duplicates > 0) this.report.documentRead(entry.file.name);
      for (const reason of tally.failures) this.report.error({ file: entry.file.name, reason });
      for (const reason of new Set(tally.remarks)) this.report.warning({ file: entry.file.name, reason });
    }
    this.meter.failed = this.report.errorCount;
  }

  // After a rollback, entity rows written in it are gone.
  private forgetLostEntities(entities: Map<string, number>): void {
    for (const [key, id] of entities) if (this.entityExists.get(id) === 0) entities.delete(key);
  }
}

/// Whether an error means the project cannot be written at all any more.
export function isFatal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && FATAL_SQLITE.test(code);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
