// What the analyst has chosen in the Export dialog, and the export.start request it makes.
// Kept apart from the form so that the request is built (and checked) in one place.

import type { CallInput } from '../../../common/contract';
import type { ExportFormatName } from '../../../common/export';
import { DEFAULT_SPLIT_SEED, EXPORT_FORMATS, writesFolder } from '../../../common/export';
import type { DocumentStatus } from '../../../common/model';

export type DocumentChoice = 'all' | 'done' | 'status' | 'batch' | 'search';

export interface ExportChoices {
  format: ExportFormatName;
  documents: DocumentChoice;
  status: DocumentStatus;
  /** The import batch's id; null until one is chosen. */
  batch: number | null;
  query: string;
  /** Chosen label names; null for all labels. */
  labels: string[] | null;
  split: boolean;
  train: number;
  dev: number;
  test: number;
  seed: number;
  docstart: boolean;
  keep: 'outermost' | 'innermost';
  level: 'sentence' | 'document';
  doccanoForm: 'labels' | 'entities';
  out: string;
}

/// The choices the dialog opens with, for a project named `projectName`.
export function initialChoices(projectName: string): ExportChoices {
  const format: ExportFormatName = 'spanlab-jsonl';
  return {
    format,
    documents: 'all',
    status: 'done',
    batch: null,
    query: '',
    labels: null,
    split: false,
    train: 80,
    dev: 10,
    test: 10,
    seed: DEFAULT_SPLIT_SEED,
    docstart: true,
    keep: 'outermost',
    level: 'sentence',
    doccanoForm: 'labels',
    out: suggestedOut(projectName, format, false),
  };
}

/// A name for the output beside the project: `news-conll.conll`, or a folder `news-brat`.
export function suggestedOut(projectName: string, format: ExportFormatName, split: boolean): string {
  const name = `${projectName}-${format}`;
  return writesFolder(format, split) ? name : `${name}${EXPORT_FORMATS[format].extension}`;
}

/// Why the choices cannot be exported yet, or null when they can.
export function choicesProblem(choices: ExportChoices): string | null {
  if (choices.out.trim() === '') return 'Say where to write the export.';
  if (choices.documents === 'batch' && choices.batch === null) return 'Choose an import.';
  if (choices.documents === 'search' && choices.query.trim() === '') return 'Type what to search for.';
  if (choices.labels !== null && choices.labels.length === 0) return 'Choose at least one label.';
  if (choices.split) {
    const parts = [choices.train, choices.dev, choices.test];
    if (parts.some((p) => !Number.isInteger(p) || p < 0 || p > 100)) return 'Split percentages are whole numbers from 0 to 100.';
    if (parts.reduce((a, b) => a + b, 0) !== 100) return 'Train, dev and test must add up to 100 %.';
    if (!Number.isInteger(choices.seed) || choices.seed < 0) return 'The seed is a whole number.';
  }
  return null;
}

/// The export.start request for the choices (only the options the format uses).
export function exportRequest(choices: ExportChoices): CallInput<'export.start'> {
  const options = EXPORT_FORMATS[choices.format].options;
  return {
    format: choices.format,
    out: choices.out.trim(),
    ...(choices.documents === 'done' ? { status: 'done' as const } : {}),
    ...(choices.documents === 'status' ? { status: choices.status } : {}),
    ...(choices.documents === 'batch' && choices.batch !== null ? { batch: choices.batch } : {}),
    ...(choices.documents === 'search' ? { query: choices.query.trim() } : {}),
    ...(choices.labels ? { labels: choices.labels } : {}),
    ...(choices.split ? { split: { train: choices.train, dev: choices.dev, test: choices.test }, seed: choices.seed } : {}),
    ...(options.includes('docstart') && !choices.docstart ? { docstart: false } : {}),
    ...(options.includes('keep') && choices.keep === 'innermost' ? { keep: 'innermost' as const } : {}),
    ...(options.includes('level') && choices.level === 'document' ? { level: 'document' as const } : {}),
    ...(options.includes('doccanoForm') && choices.doccanoForm === 'entities' ? { doccanoForm: 'entities' as const } : {}),
  };
}
