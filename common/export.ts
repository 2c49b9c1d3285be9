// What an export is asked for and what it reports: the formats Spanlab writes, the choices
// an analyst makes in the Export dialog or on `spanlab export`, and the end report. Plain
// data shared by the contract, the export service, the CLI and the dialog.

import type { ValidInput } from './contract';

/** Every format Spanlab exports, by the name the CLI and the contract use. */
export const EXPORT_FORMAT_NAMES = [
  'spanlab-jsonl',
  'brat',
  'conll',
  'iob2',
  'bioes',
  'spacy-jsonl',
  'doccano',
  'hf',
  'dygiepp',
  'oneie',
] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** The options a format listens to; the others are ignored by it. */
export type ExportOptionName = 'docstart' | 'keep' | 'level' | 'doccanoForm';

export interface ExportFormatInfo {
  name: ExportFormatName;
  /** For a menu: "CoNLL-2003". */
  title: string;
  /** One sentence for the dialog. */
  description: string;
  /**
   * `file`: one file (with a split: a folder of train/dev/test files).
   * `directory`: always a folder of files.
   */
  layout: 'file' | 'directory';
  /** The extension of its data files, dot included. */
  extension: string;
  /**
   * Whether documents go into one data file per output (`data.jsonl`, or `train.jsonl`…
   * with a split); false for a file per document (brat).
   */
  dataFile: boolean;
  /** Whether it is written in tokens (and so names a tokenizer in its report). */
  tokenized: boolean;
  options: readonly ExportOptionName[];
}

export const EXPORT_FORMATS: Readonly<Record<ExportFormatName, ExportFormatInfo>> = {
  'spanlab-jsonl': {
    name: 'spanlab-jsonl',
    title: 'Spanlab JSONL (lossless)',
    description: 'Everything: texts, metadata, status, mentions, entities, events and relations, plus the label schema.',
    layout: 'file',
    extension: '.jsonl',
    dataFile: true,
    tokenized: false,
    options: [],
  },
  brat: {
    name: 'brat',
    title: 'brat standoff',
    description: 'A .txt and an .ann file per document, and annotation.conf for the schema.',
    layout: 'directory',
    extension: '.ann',
    dataFile: false,
    tokenized: false,
    options: [],
  },
  conll: {
    name: 'conll',
    title: 'CoNLL-2003',
    description: 'A token and its IOB2 tag per line, a blank line between sentences, -DOCSTART- between documents.',
    layout: 'file',
    extension: '.conll',
    dataFile: true,
    tokenized: true,
    options: ['docstart', 'keep'],
  },
  iob2: {
    name: 'iob2',
    title: 'IOB2 (TSV)',
    description: 'A token, a tab and its B-/I-/O tag per line, a blank line between sentences.',
    layout: 'file',
    extension: '.iob2',
    dataFile: true,
    tokenized: true,
    options: ['keep'],
  },
  bioes: {
    name: 'bioes',
    title: 'BIOES (TSV)',
    description: 'A token, a tab and its B-/I-/E-/S-/O tag per line, a blank line between sentences.',
    layout: 'file',
    extension: '.bioes',
    dataFile: true,
    tokenized: true,
    options: ['keep'],
  },
  'spacy-jsonl': {
    name: 'spacy-jsonl',
    title: 'spaCy / Prodigy JSONL',
    description: 'Text, tokens with character offsets, and spans with token indices, as Prodigy writes them.',
    layout: 'file',
    extension: '.jsonl',
    dataFile: true,
    tokenized: true,
    options: [],
  },
  doccano: {
    name: 'doccano',
    title: 'doccano JSONL',
    description: 'Text with [start, end, label] triples, or the entities-and-relations form.',
    layout: 'file',
    extension: '.jsonl',
    dataFile: true,
    tokenized: false,
    options: ['doccanoForm'],
  },
  hf: {
    name: 'hf',
    title: 'Hugging Face token classification',
    description: 'JSONL of tokens and integer ner_tags, with labels.json mapping the integers to tags.',
    layout: 'directory',
    extension: '.jsonl',
    dataFile: true,
    tokenized: true,
    options: ['keep', 'level'],
  },
  dygiepp: {
    name: 'dygiepp',
    title: 'DyGIE++',
    description: 'One document per line: sentences, entities, relations, coreference clusters and events.',
    layout: 'file',
    extension: '.jsonl',
    dataFile: true,
    tokenized: true,
    options: [],
  },
  oneie: {
    name: 'oneie',
    title: 'OneIE / TextEE',
    description: 'One sentence window per line: tokens, entity, relation and event mentions.',
    layout: 'file',
    extension: '.jsonl',
    dataFile: true,
    tokenized: true,
    options: [],
  },
};

export const SPLIT_NAMES = ['train', 'dev', 'test'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

/** Percentages of documents per split; they add up to 100. */
export type SplitRatios = Record<SplitName, number>;

/** Whether an export writes a folder (else one file): folder formats, and any split. */
export function writesFolder(format: ExportFormatName, split: boolean): boolean {
  return split || EXPORT_FORMATS[format].layout === 'directory';
}

/** The seed used when a split is asked for without one. */
export const DEFAULT_SPLIT_SEED = 13;

/**
 * What to export and where: the input of `export.start` and of `spanlab export`, as the
 * contract checks it (its schema, with each field's meaning, is in contract.ts).
 */
export type ExportRequest = ValidInput<'export.start'>;

/** An import batch that documents can be exported by (`--batch N`), as the dialog lists it. */
export interface ExportBatch {
  /** The `import_batches` id. */
  id: number;
  /** When the import started, ISO 8601 UTC. */
  createdAt: string;
  /** The files and folders imported, as given. */
  paths: string[];
  /** Documents of the batch still in the project. */
  documents: number;
}

/** One annotation that was left out or written differently, and why. */
export interface ExportIssue {
  /** The document's id in the export. */
  document: string;
  /** The annotation's id in the document (`T3`, `E1`, `R2`), or null for the document itself. */
  item: string | null;
  reason: string;
}

/** Counts for one split (or `all` without a split). */
export interface ExportSplitCounts {
  documents: number;
  /** Annotations written per label (entity, event and relation type names). */
  labels: Record<string, number>;
}

/** What an export did: the end report in the dialog, on the CLI and beside folder outputs. */
export interface ExportReport {
  format: ExportFormatName;
  /** The absolute path written. */
  out: string;
  /** The first files written under `out`, relative to it (for a single file: its name). */
  files: string[];
  /** How many files were written. */
  fileCount: number;
  documents: number;
  /** Annotations written per label, over all splits. */
  labels: Record<string, number>;
  /** Per split: `train`, `dev`, `test`, or only `all` when there was no split. */
  splits: Record<string, ExportSplitCounts>;
  split: SplitRatios | null;
  seed: number | null;
  /** The first issues (up to ISSUE_LIST_LIMIT); `issueCount` says how many there were. */
  issues: ExportIssue[];
  issueCount: number;
  /** What the format leaves out as a whole, e.g. "conll holds entity mentions only: 4 events left out". */
  notes: string[];
  /** The tokenizer the tokens and sentences came from; null for formats without tokens. */
  tokenizer: string | null;
  /** The `spanlab export` command that writes the same export again. */
  command: string;
}

/** How many issues a report lists one by one; the rest are counted. */
export const ISSUE_LIST_LIMIT = 1_000;

/** An export job as `export.status` answers: how far it is, and its report once finished. */
export interface ExportJobState {
  jobId: string;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
  /** Documents written so far, of how many. */
  progress: { done: number; total: number | null };
  /** Set once finished. */
  report: ExportReport | null;
  /** Why it failed, when it did. */
  error: string | null;
}
