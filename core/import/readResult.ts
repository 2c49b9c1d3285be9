// What every reader of core/import returns: the documents it could read and one issue per
// file or record it could not. Readers never throw for bad input; they collect and go on,
// so that one broken record costs one line of the report, not the batch.

import type { ImportIssue } from '../../common/importReport';
import type { SchemaSeed } from '../defaultSchema';
import type { PortableDocument } from '../formats/portableDocument';
import { checkDocument } from './documentCheck';

/** What a reader made of a file, or of one stretch of a long one. */
export interface ReadResult {
  documents: PortableDocument[];
  /** Files or records left out, each with its reason. */
  errors: ImportIssue[];
  /** Remarks about documents that were read (a brat span split into fragments…). */
  warnings: ImportIssue[];
  /** The label schema the file carries (a spanlab-jsonl header): merged before its documents. */
  schema?: SchemaSeed;
}

/** What the analyst may say about the files' fields (JSON keys, CSV columns). */
export interface ReadOptions {
  /** The field holding the article's text; by default `text` (or `content`, `body`). */
  textField?: string | undefined;
  /** The field holding its title; by default `title` (or `headline`). */
  titleField?: string | undefined;
}

/// A result with nothing in it yet.
export function emptyResult(): ReadResult {
  return { documents: [], errors: [], warnings: [] };
}

/** Where in a file a document or an issue comes from. */
export type Place = Pick<ImportIssue, 'file' | 'line' | 'record'>;

/// Adds `document` to `result` when it passes checkDocument; otherwise adds one error for
/// it, every reason on that one line.
export function accept(result: ReadResult, document: PortableDocument, place: Place): boolean {
  const reasons = checkDocument(document);
  if (reasons.length === 0) {
    result.documents.push(document);
    return true;
  }
  result.errors.push({ ...place, reason: reasons.join('; ') });
  return false;
}
