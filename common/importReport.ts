// What an import of a batch of files tells the analyst: its progress while it runs and its
// report at the end, with one line for every file or record it could not take. Plain
// data: it crosses the worker boundary, the contract and the CLI's --json unchanged.

/** The formats an import reads; `auto` (the default) picks one per file. */
export const IMPORT_FORMATS = ['txt', 'html', 'jsonl', 'json', 'csv', 'brat', 'conll'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One line of the report: a file or record that failed, or a remark about one that did not. */
export interface ImportIssue {
  /** The file as the analyst gave it (a path, or the name of a dropped file). */
  file: string;
  /** 1-based line of the file, where the format has lines (JSONL, CoNLL, .ann). */
  line?: number;
  /** 1-based record of the file, where it holds several (a JSON array, CSV rows, CoNLL documents). */
  record?: number;
  reason: string;
}

/** Counts of what was written, per kind. */
export interface ImportCounts {
  /** New documents. */
  documents: number;
  /** Documents whose exact text was already in the project: skipped. */
  duplicates: number;
  mentions: number;
  events: number;
  relations: number;
  entities: number;
}

/** Label-schema entries the import had to create because the files used them. */
export interface CreatedSchema {
  entityTypes: string[];
  eventTypes: string[];
  relationTypes: string[];
  /** As "EventType.Role". */
  roles: string[];
  /** As "target.name", e.g. "mention.Negation". */
  attributes: string[];
}

export interface ImportProgress {
  files: { done: number; total: number | null };
  /** Documents read so far: added plus duplicates. */
  documents: number;
  added: number;
  failed: number;
  bytes: { done: number; total: number | null };
  /** Documents per second since the start. */
  rate: number;
  bytesPerSecond: number;
  /** Estimated from the bytes still to read; null until there is something to go on. */
  etaSeconds: number | null;
  currentFile: string | null;
}

export interface ImportReport {
  /** The `import_batches` row; null when the import stopped before it could write one. */
  batchId: number | null;
  project: string;
  paths: string[];
  format: ImportFormat | 'auto';
  startedAt: string;
  finishedAt: string;
  /** `cancelled`: stopped by the analyst after a whole file; `failed`: stopped by an error. */
  outcome: 'finished' | 'cancelled' | 'failed';
  files: {
    /** Files found (folders are taken recursively). */
    total: number;
    /** Files from which at least one document was read, new or duplicate. */
    imported: number;
    /** Files with at least one error. */
    failed: number;
    /** Files left aside: not a supported format, hidden, or the .txt of a brat pair. */
    skipped: number;
  };
  counts: ImportCounts;
  bytes: number;
  /** Schema entries created for labels the project did not have. */
  created: CreatedSchema;
  /** brat annotation.conf files merged into the project's schema. */
  schemaFiles: string[];
  /** One line per failed file or record, in the order met. */
  errors: ImportIssue[];
  /** Remarks about what was imported (e.g. a discontinuous brat span split in fragments). */
  warnings: ImportIssue[];
  /** Files left aside and why. */
  skipped: ImportIssue[];
  /** Issues beyond the report's limit, counted but not listed. */
  unlisted: number;
  /** Set when outcome is `failed`. */
  failure?: string;
}

/** An import as the UI asks after it. */
export interface ImportJobState {
  jobId: string;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
  progress: ImportProgress;
  /** Set once the job has ended. */
  report: ImportReport | null;
}
