// One import run: lists the batch's files, reads each with its format's reader
// (core/import/), hands what was read to DocumentCommits (which writes it in transactions
// that are all-or-nothing per file; see documentCommits.ts), and keeps the report. It runs
// in the import worker (importWorker.ts), off the UI's thread and on its own connection.
//
// Files are read synchronously: the worker has nothing else to do meanwhile, and for
// 10,000 small files the thread-pool round trips of asynchronous reads (open, stat, read,
// close) cost more than the reads. Long JSONL and CSV files stream in chunks. Cancel takes
// effect after the file, or the group of records, in hand: what was read is written first.

import { createReadStream, readFileSync } from 'node:fs';
import { SpanlabError } from '../../../common/errors';
import type { ImportFormat, ImportProgress, ImportReport } from '../../../common/importReport';
import { readBrat } from '../../../core/import/brat';
import { readConll } from '../../../core/import/conll';
import { readCsv } from '../../../core/import/csv';
import { decodeBytes } from '../../../core/import/decoding';
import { textFormat } from '../../../core/import/formatDetection';
import { readJson } from '../../../core/import/json';
import { JsonlReader } from '../../../core/import/jsonl';
import { readPlainText } from '../../../core/import/plainText';
import type { ReadOptions, ReadResult } from '../../../core/import/readResult';
import { storageError, storageTrouble } from '../../../db/storageTrouble';
import type { Project } from '../project';
import { importBratConf } from '../schemaInterchange';
import type { BatchFile } from './batchFiles';
import { collectFiles, fileSystemReason } from './batchFiles';
import { DocumentCommits, isFatal } from './documentCommits';
import { ProgressMeter } from './progressMeter';
import { ReportBuilder } from './reportBuilder';
import { mergeSchemaSeed } from './schemaSeedMerge';

/** What to import: the same whether it comes from the UI, the CLI or a test. */
export interface ImportRequest {
  paths: string[];
  format: ImportFormat | 'auto';
  textField?: string | undefined;
  titleField?: string | undefined;
  /** [path, name] pairs naming files in the report otherwise than by path (dropped files). */
  names?: [string, string][] | undefined;
}

export interface ImportHooks {
  onProgress?(progress: ImportProgress): void;
  /** Asked between files and between groups of records. */
  isCancelled?(): boolean;
}

/** Largest file read whole (text, HTML, JSON, brat, CoNLL); JSONL and CSV stream. */
const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;
const STREAM_CHUNK = 1024 * 1024;

/// Imports the files of `request` into `project` and returns the report. Never throws for
/// bad files; a failure that stops the whole batch (disk full) ends it as `failed`.
export async function importBatch(project: Project, request: ImportRequest, hooks: ImportHooks = {}): Promise<ImportReport> {
  return new BatchImport(project, request, hooks).run();
}

class Cancelled extends Error {}

// Why the batch stopped, for the report's failure line: a full or read-only disk said as
// such, with what it means for what was imported.
function stopped(error: unknown, projectPath: string): Error {
  const trouble = error instanceof SpanlabError ? null : storageTrouble(error);
  if (trouble === null) return error instanceof Error ? error : new Error(String(error));
  return storageError(
    trouble,
    projectPath,
    'The import stopped there: the documents imported before are whole in the project, and running the ' +
      'same import again adds the rest (what is already in is skipped).',
  );
}

class BatchImport {
  private readonly report: ReportBuilder;
  private readonly options: ReadOptions;
  private meter!: ProgressMeter;
  private commits!: DocumentCommits;

  constructor(
    private readonly project: Project,
    private readonly request: ImportRequest,
    private readonly hooks: ImportHooks,
  ) {
    this.report = new ReportBuilder(project.path, request.paths, request.format);
    this.options = { textField: request.textField, titleField: request.titleField };
  }

  async run(): Promise<ImportReport> {
    const forced = this.request.format === 'auto' ? null : this.request.format;
    const batch = collectFiles(this.request.paths, forced, new Map(this.request.names ?? []));
    this.report.filesTotal = batch.files.length;
    for (const issue of batch.errors) this.report.error(issue);
    for (const issue of batch.skipped) this.report.skip(issue);
    const meter = new ProgressMeter(batch.files.length, batch.bytes, (p) => this.hooks.onProgress?.(p));
    this.meter = meter;
    meter.failed = this.report.errorCount;

    const { db } = this.project;
    let batchId: number;
    try {
      const insert = db.prepare('INSERT INTO import_batches (source, format) VALUES (?, ?)');
      batchId = Number(insert.run(this.request.paths.join('\n'), this.request.format).lastInsertRowid);
    } catch (error) {
      throw stopped(error, this.project.path);
    }
    this.report.batchId = batchId;
    this.commits = new DocumentCommits(db, this.project.documents, batchId, this.report, meter);

    let outcome: ImportReport['outcome'] = 'finished';
    let failure: string | undefined;
    try {
      for (const file of batch.files) {
        if (this.hooks.isCancelled?.()) throw new Cancelled();
        meter.currentFile = file.name;
        await this.importFile(file);
        this.commits.fileDone(file);
        meter.filesDone++;
        meter.tick();
      }
      this.commits.flush();
    } catch (error) {
      if (error instanceof Cancelled) {
        outcome = 'cancelled';
        // What was read before Cancel is written: Cancel stops reading, it loses nothing.
        this.commits.flush();
      } else {
        outcome = 'failed';
        failure = stopped(error, this.project.path).message;
      }
    }
    meter.currentFile = null;
    this.report.bytes = meter.bytesDone;
    const report = this.report.build(outcome, this.commits.labels.created, failure);
    try {
      db.prepare(`UPDATE import_batches SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), report = ? WHERE id = ?`).run(
        JSON.stringify(report),
        batchId,
      );
    } catch (error) {
      // On a full disk the report cannot be kept in the project; the caller still gets it.
      if (!isFatal(error)) throw error;
    }
    meter.tick(true);
    return report;
  }

  private async importFile(file: BatchFile): Promise<void> {
    try {
      if (file.role.role === 'schema') return this.importSchema(file);
      const { format, markdown } = file.role;
      if (format === 'jsonl') return await this.importJsonl(file);
      if (format === 'csv') return await this.importCsv(file);
      const text = this.readWhole(file.path, file.name, file.size);
      if (text === null) return;
      switch (format) {
        case 'brat': {
          const ann = file.annotations!;
          const annText = this.readWhole(ann.path, ann.name, ann.size);
          if (annText === null) return;
          return this.take(file, readBrat({ text, ann: annText, textFile: file.name, annFile: ann.name }));
        }
        case 'html': {
          // Loaded on the first page: the DOM (linkedom) is the slowest module to load, and
          // most batches hold no HTML.
          const { readHtml } = await import('../../../core/import/html');
          return this.take(file, readHtml(text, file.name));
        }
        case 'json':
          return this.take(file, readJson(text, file.name, this.options));
        case 'conll':
          return this.take(file, readConll(text, file.name));
        case 'txt': {
          // A .txt of tokens and tags is CoNLL, unless the analyst said it is text.
          const conll = this.request.format === 'auto' && !markdown && textFormat(text) === 'conll';
          return this.take(file, conll ? readConll(text, file.name) : readPlainText(text, file.name, { markdown }));
        }
      }
    } catch (error) {
      if (error instanceof Cancelled || isFatal(error)) throw error;
      this.report.error({ file: file.name, reason: `could not be imported: ${fileSystemReason(error)}` });
    }
  }

  // An annotation.conf: merged into the schema (one undoable schema action, like the
  // schema editor's own import), after what was read before it is written.
  private importSchema(file: BatchFile): void {
    const text = this.readWhole(file.path, file.name, file.size);
    if (text === null) return;
    this.commits.flush();
    const merged = importBratConf(this.project, text);
    this.report.schemaFiles.push(file.name);
    for (const error of merged.errors) this.report.error({ file: file.name, line: error.line, reason: error.message });
    this.commits.labels.reset('document');
  }

  private async importJsonl(file: BatchFile): Promise<void> {
    const reader = new JsonlReader(file.name, this.options);
    for await (const chunk of createReadStream(file.path, { highWaterMark: STREAM_CHUNK }) as AsyncIterable<Buffer>) {
      this.take(file, reader.push(chunk));
      this.meter.bytesDone += chunk.length;
      this.meter.tick();
      if (this.hooks.isCancelled?.()) throw new Cancelled();
    }
    this.take(file, reader.end());
  }

  private async importCsv(file: BatchFile): Promise<void> {
    const meter = this.meter;
    const stream = createReadStream(file.path, { highWaterMark: STREAM_CHUNK }) as AsyncIterable<Buffer>;
    const counted = (async function* () {
      for await (const chunk of stream) {
        meter.bytesDone += chunk.length;
        yield chunk;
      }
    })();
    for await (const result of readCsv(counted, file.name, this.options)) {
      this.take(file, result);
      meter.tick();
      if (this.hooks.isCancelled?.()) throw new Cancelled();
    }
  }

  // A whole file, decoded; null (and a report line) when it cannot be.
  private readWhole(path: string, name: string, size: number): string | null {
    if (size > WHOLE_FILE_LIMIT) {
      const limit = `${WHOLE_FILE_LIMIT / 1024 / 1024} MB`;
      this.report.error({ file: name, reason: `larger than ${limit}, the most read at once; split it, or use JSON Lines` });
      return null;
    }
    const bytes = readFileSync(path);
    this.meter.bytesDone += bytes.length;
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      this.report.error({ file: name, reason: decoded.reason });
      return null;
    }
    return decoded.text;
  }

  // A reader's result: its issues into the report, the schema a file carries (a
  // spanlab-jsonl header) into the project before its documents, the documents to be written.
  private take(file: BatchFile, result: ReadResult): void {
    for (const issue of result.errors) this.report.error(issue);
    for (const issue of result.warnings) this.report.warning(issue);
    if (result.schema) {
      this.commits.flush();
      const merged = mergeSchemaSeed(this.project, result.schema);
      this.report.schemaFiles.push(file.name);
      for (const reason of merged.skipped) this.report.warning({ file: file.name, line: 1, reason });
      this.commits.labels.reset('document');
    }
    this.commits.add(file, result.documents);
    this.meter.failed = this.report.errorCount;
  }
}
