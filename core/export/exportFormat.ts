// What an export format is to the export service: a named writer that turns portable
// documents (core/formats/portableDocument.ts) into text, one document at a time, through
// sinks that the service backs with temporary files. Writers are pure: they never touch the
// file system, so they are tested with in-memory sinks and run unchanged in a worker.

import type { ExportFormatInfo, ExportRequest } from '../../common/export';
import type { SchemaSeed } from '../defaultSchema';
import type { PortableDocument } from '../formats/portableDocument';

/** Where a writer's text goes: one split's output (or the whole export's, without a split). */
export interface ExportSink {
  /// Appends to the data file (`data<extension>`, or `train<extension>`… with a split).
  append(text: string): void;
  /// Writes a whole file into the output folder; `name` is a plain file name.
  file(name: string, text: string): void;
}

/** What a writer is given: the project's schema, the analyst's choices, and the report. */
export interface ExportContext {
  /** The project's label schema, by name. */
  schema: SchemaSeed;
  request: ExportRequest;
  /**
   * The schema as brat's annotation.conf, exactly as the Schema view exports it
   * (main/services/schemaInterchange.ts): the brat writer takes its type names from it.
   * Set for brat only.
   */
  annotationConf?: string;
  /// Reports an annotation left out or written differently (`item` null: the document).
  issue(document: string, item: string | null, reason: string): void;
  /// Counts one annotation written with `label` (for the per-label, per-split report).
  count(label: string): void;
  /// A note about the export as a whole, for the end of the report.
  note(text: string): void;
}

/** One export's writer. The service calls `begin` once per output, then `write` per document, then `finish`. */
export interface ExportWriter {
  /// Starts an output (the export, or one split of it): a header line, say.
  begin?(sink: ExportSink): void;
  /// Writes one document to the output of its split. Throws ExportViolation rather than
  /// write something wrong.
  write(document: PortableDocument, sink: ExportSink): void;
  /// After the last document: files at the top of the export (annotation.conf,
  /// labels.json) and notes about what the format left out as a whole.
  finish(root: ExportSink): void;
}

/** An export format: its description and its writer. */
export interface ExportFormat {
  info: ExportFormatInfo;
  create(context: ExportContext): ExportWriter;
}
