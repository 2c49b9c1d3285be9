// Writing what the readers read, in transactions that are all-or-nothing for every file in
// them. Documents gather in a group until there are a few hundred or several MB of them,
// and the group is written in one transaction (BEGIN IMMEDIATE), each document in a
// savepoint of its own (a document of one row needs none: one INSERT is atomic by itself).
// A group is sized, from how fast the last one was written, to hold the write lock for
// about a tenth of a second: fewer documents on a slow or busy machine. So:
//   - a crash, a power cut or a SIGKILL loses at most the group being written, whole: the
//     project holds only whole documents and whole files, and a re-run adds what is missing
//     (what is already in is skipped by its hash);
//   - a document that cannot be stored costs itself only;
//   - the write lock is held only while a group is written — never while files are read —
//     so the UI's own writes wait for about that long at most. Two groups written back to
//     back (a long file read whole) have a short pause between them, for a waiting write
//     to get its turn: SQLite does not queue writers, a waiting one polls;
//   - the full-text index, which writes a segment for every statement that adds to it, gets
//     one per group: the group's documents are indexed together before it commits
//     (migration 002), where indexing each as it was inserted spent more time merging
//     segments than on all the rest.
// A long file (JSONL, CSV) is written in several groups as it streams in.

import type { PortableDocument } from '../../../core/formats/portableDocument';
import { storageTrouble } from '../../../db/storageTrouble';
import type { Connection } from '../../../db/openDatabase';
import type { Documents } from '../documents';
import type { BatchFile } from './batchFiles';
import { ImportWriter, writesOneRow } from './importWriter';
import { LabelResolver } from './labelResolver';
import type { ProgressMeter } from './progressMeter';
import type { ReportBuilder } from './reportBuilder';
import { RowIds } from './rowIds';

/** A group is written once it holds this many documents or characters of text, or sooner (see budget). */
const GROUP_DOCUMENTS = 500;
const GROUP_CHARACTERS = 8 * 1024 * 1024;
/** How long a group should hold the write lock, which the UI's edits wait for. */
const GROUP_MS = 100;
/** The first group's characters, before any rate is known; and the fewest a group is given. */
const FIRST_GROUP_CHARACTERS = 1024 * 1024;
const LEAST_GROUP_CHARACTERS = 64 * 1024;
/** The pause between two groups written back to back. */
const PAUSE_MS = 20;
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
  /** Characters in a group, from the rate at which the last one was written. */
  private budget = FIRST_GROUP_CHARACTERS;
  private readonly scopes = new Map<string, Map<string, number>>();
  private readonly entityExists;

  constructor(
    private readonly db: Connection,
    private readonly documents: Documents,
    private readonly batchId: number,
    private readonly report: ReportBuilder,
    private readonly meter: ProgressMeter,
  ) {
    this.ids = new RowIds(db);
    this.labels = new LabelResolver(db, this.ids);
    this.writer = new ImportWriter(db, documents, this.ids, this.labels);
    this.entityExists = db.prepare<[number], number>('SELECT count(*) FROM entities WHERE id = ?').pluck();
  }

  /// Queues documents of `file`, writing each group as it fills up.
  add(file: BatchFile, documents: readonly PortableDocument[]): void {
    if (documents.length === 0) return;
    let entities = this.scopes.get(file.path);
    if (!entities) {
      entities = new Map();
      this.scopes.set(file.path, entities);
    }
    const part = (from: number, to: number) => (from === 0 && to === documents.length ? documents : documents.slice(from, to));
    let from = 0;
    let flushed = false;
    for (let i = 0; i < documents.length; i++) {
      this.groupDocuments++;
      this.groupCharacters += documents[i]!.text.length;
      if (this.groupDocuments < GROUP_DOCUMENTS && this.groupCharacters < this.budget) continue;
      this.group.push({ file, documents: part(from, i + 1), entities });
      from = i + 1;
      if (flushed) pause(PAUSE_MS);
      this.flush();
      flushed = true;
    }
    if (from < documents.length) this.group.push({ file, documents: part(from, documents.length), entities });
  }

  /// The file has been read to its end: its entity ids mean nothing to the next file.
  fileDone(file: BatchFile): void {
    this.scopes.delete(file.path);
  }

  /// Writes the group now (before Cancel takes effect, before a schema merge, at the end).
  /// Throws only for a failure that no later group could escape either (disk full).
  flush(): void {
    const group = this.group;
    const characters = this.groupCharacters;
    this.group = [];
    this.groupDocuments = 0;
    this.groupCharacters = 0;
    if (group.length === 0) return;

    const written = new Map<Entry, { added: number; duplicates: number; failures: string[]; remarks: string[] }>();
    const counts = { mentions: 0, events: 0, relations: 0, entities: 0 };
    const writeOne = this.db.transaction((document: PortableDocument, entry: Entry) =>
      this.writer.write(document, this.batchId, entry.entities),
    );
    let writing = 0;
    const writeAll = this.db.transaction(() => {
      const began = performance.now();
      const lastId = this.documents.lastId();
      this.ids.refresh();
      for (const entry of group) {
        const tally = { added: 0, duplicates: 0, failures: [] as string[], remarks: [] as string[] };
        written.set(entry, tally);
        for (const document of entry.documents) {
          try {
            // A document of one row is one INSERT, atomic by itself: it needs no savepoint.
            const result = writesOneRow(document)
              ? this.writer.write(document, this.batchId, entry.entities)
              : writeOne(document, entry);
            if (result.duplicate) tally.duplicates++;
            else tally.added++;
            counts.mentions += result.counts.mentions;
            counts.events += result.counts.events;
            counts.relations += result.counts.relations;
            counts.entities += result.counts.entities;
            for (const remark of result.remarks) tally.remarks.push(`${document.id}: ${remark}`);
          } catch (error) {
            if (isFatal(error)) throw error;
            this.labels.reset('document');
            this.forgetLostEntities(entry.entities);
            tally.failures.push(`${document.id}: could not be stored: ${message(error)}`);
          }
        }
      }
      // The group's documents go into the full-text index together (see Documents.add).
      this.documents.indexBatchDocuments(lastId);
      writing = performance.now() - began;
    });

    try {
      writeAll.immediate();
    } catch (error) {
      this.labels.reset('transaction');
      for (const entry of group) this.forgetLostEntities(entry.entities);
      // Nothing of the group was written: each of its files says so (and when the disk is
      // full, the batch stops after saying it).
      const trouble = storageTrouble(error);
      const reason = trouble === 'disk_full' ? 'the disk is full' : trouble === 'read_only' ? 'the project is read-only' : message(error);
      for (const file of new Set(group.map((e) => e.file))) {
        this.report.error({ file: file.name, reason: `could not be written: ${reason}` });
      }
      this.meter.failed = this.report.errorCount;
      if (isFatal(error)) throw error;
      return;
    }
    this.labels.commit();
    const rate = characters / Math.max(writing, 1);
    this.budget = Math.min(Math.max(rate * GROUP_MS, LEAST_GROUP_CHARACTERS), GROUP_CHARACTERS);

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

// Sleeps the thread (the import's worker, whose only work this is) without spinning.
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
