// One export from start to finish, on a connection of its own: checks the request against
// the project, reads the selected documents a page at a time inside one read transaction
// (so the export is one consistent snapshot even while the analyst keeps annotating),
// sends each to its split's writer, and renames the finished output into place. Runs in
// a worker thread (exportJob.ts); any failure or a cancel leaves nothing behind.

import path from 'node:path';
import type { ExportReport, ExportRequest, SplitName } from '../../../common/export';
import { DEFAULT_SPLIT_SEED, SPLIT_NAMES } from '../../../common/export';
import { SpanlabError } from '../../../common/errors';
import { exportCommandLine } from '../../../core/export/exportCommandLine';
import type { ExportContext, ExportSink } from '../../../core/export/exportFormat';
import { EXPORT_WRITERS } from '../../../core/export/exportFormats';
import { TOKENIZER_NAME } from '../../../core/export/tokenizer';
import type { Connection } from '../../../db/openDatabase';
import { PROJECT_EXTENSION } from '../../../db/schema';
import { exportBratConf } from '../schemaInterchange';
import { splitOf } from './datasetSplit';
import { ExportOutput, REPORT_FILE } from './exportOutput';
import { readExportSchema } from './exportSchema';
import { ExportTally } from './exportTally';
import { PortableDocumentReader } from './portableDocuments';

export interface ExportControl {
  progress(done: number, total: number): void;
  /// Whether Cancel was asked for; checked between documents.
  cancelled(): boolean;
}

/** Thrown once a cancelled export has thrown its temporary output away. */
export class ExportCancelled extends Error {
  override readonly name = 'ExportCancelled';
  constructor() {
    super('The export was cancelled.');
  }
}

/// Writes the export `request` asks for from the project open on `db` (whose file is
/// `projectPath`) and returns its report. `request.out` must be absolute. Throws
/// SpanlabError for a request the project cannot satisfy, ExportViolation when a check
/// fails, ExportCancelled when cancelled.
export function runExport(db: Connection, projectPath: string, request: ExportRequest, control: ExportControl): ExportReport {
  const format = EXPORT_WRITERS[request.format];
  if (!path.isAbsolute(request.out)) throw new Error('bug: the export path must be absolute');
  db.exec('BEGIN');
  try {
    const schema = readExportSchema(db);
    const labels = request.labels ? checkedLabels(request.labels, schema.seed) : null;
    const reader = new PortableDocumentReader(db, schema, {
      status: request.status,
      batch: request.batch,
      query: request.query,
      labels,
    });
    const total = reader.count();
    const split = request.split ?? null;
    const seed = split ? (request.seed ?? DEFAULT_SPLIT_SEED) : null;
    const splitNames: readonly string[] = split ? SPLIT_NAMES : ['all'];
    const tally = new ExportTally(splitNames);
    const context: ExportContext = {
      schema: schema.seed,
      request,
      ...(request.format === 'brat' ? { annotationConf: exportBratConf(schema.labels, projectName(db, projectPath)) } : {}),
      issue: (document, item, reason) => tally.issue(document, item, reason),
      count: (label) => tally.count(label),
      note: (text) => tally.note(text),
    };

    const output = ExportOutput.open(request.out, format.info, split !== null);
    try {
      const writer = format.create(context);
      const sinks = new Map<string, ExportSink>(
        splitNames.map((name) => [name, output.sink(split ? (name as SplitName) : null)]),
      );
      for (const name of splitNames) writer.begin?.(sinks.get(name)!);
      control.progress(0, total);
      let done = 0;
      for (const { document, contentHash } of reader.documents()) {
        if (control.cancelled()) throw new ExportCancelled();
        tally.current = split && seed !== null ? splitOf(contentHash, split, seed) : 'all';
        writer.write(document, sinks.get(tally.current)!);
        tally.document();
        control.progress(++done, total);
      }
      writer.finish(output.root);
      if (control.cancelled()) throw new ExportCancelled();

      const files = output.files();
      const report: ExportReport = {
        format: request.format,
        out: request.out,
        files: output.folder ? [...files.names, REPORT_FILE] : files.names,
        fileCount: files.count + (output.folder ? 1 : 0),
        documents: tally.documents,
        labels: tally.labels(),
        splits: tally.splits,
        split,
        seed,
        issues: tally.issues,
        issueCount: tally.issueCount,
        notes: tally.notes,
        tokenizer: format.info.tokenized ? TOKENIZER_NAME : null,
        command: exportCommandLine(projectPath, request),
      };
      if (output.folder) output.root.file(REPORT_FILE, `${JSON.stringify(report, null, 2)}\n`);
      output.commit();
      return report;
    } finally {
      output.discard();
    }
  } finally {
    db.exec('ROLLBACK');
  }
}

// The project's name as the Schema view's annotation.conf names it.
function projectName(db: Connection, projectPath: string): string {
  const stored = db.prepare<[], string>("SELECT value FROM project_meta WHERE key = 'name'").pluck().get();
  return stored ?? path.basename(projectPath, PROJECT_EXTENSION);
}

// The chosen labels must all be in the schema: a misspelt one would silently export nothing.
function checkedLabels(labels: readonly string[], schema: ExportContext['schema']): Set<string> {
  const known = new Set([...schema.entityTypes, ...schema.eventTypes, ...schema.relationTypes].map((t) => t.name));
  const unknown = labels.filter((l) => !known.has(l));
  if (unknown.length > 0) {
    const list = unknown.map((l) => JSON.stringify(l)).join(', ');
    throw new SpanlabError('invalid_input', `The project has no label ${list}; labels are type names such as ${[...known].slice(0, 4).join(', ')}.`, 'labels');
  }
  return new Set(labels);
}
