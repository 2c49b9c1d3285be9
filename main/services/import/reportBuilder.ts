// The import report as it fills: counts, one line per failed file or record, warnings and
// files left aside. A batch can fail by the million (a 1 GB file of malformed lines), so
// only the first lines are listed and the rest counted; every count stays exact.

import type { CreatedSchema, ImportCounts, ImportFormat, ImportIssue, ImportReport } from '../../../common/importReport';

/** Report lines kept (errors, warnings and skipped files together). */
const MAX_LISTED = 5_000;

export class ReportBuilder {
  readonly counts: ImportCounts = { documents: 0, duplicates: 0, mentions: 0, events: 0, relations: 0, entities: 0 };
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  readonly skipped: ImportIssue[] = [];
  readonly schemaFiles: string[] = [];
  private readonly filesWithErrors = new Set<string>();
  private readonly filesWithDocuments = new Set<string>();
  private unlisted = 0;
  private skippedCount = 0;
  bytes = 0;
  filesTotal = 0;
  batchId: number | null = null;
  private readonly startedAt = new Date().toISOString();

  constructor(
    private readonly project: string,
    private readonly paths: readonly string[],
    private readonly format: ImportFormat | 'auto',
  ) {}

  error(issue: ImportIssue): void {
    this.filesWithErrors.add(issue.file);
    this.list(this.errors, issue);
  }

  warning(issue: ImportIssue): void {
    this.list(this.warnings, issue);
  }

  skip(issue: ImportIssue): void {
    this.skippedCount++;
    this.list(this.skipped, issue);
  }

  /// A document of `file` was read (added or a duplicate).
  documentRead(file: string): void {
    this.filesWithDocuments.add(file);
  }

  get errorCount(): number {
    return this.filesWithErrors.size;
  }

  build(outcome: ImportReport['outcome'], created: CreatedSchema, failure?: string): ImportReport {
    const report: ImportReport = {
      batchId: this.batchId,
      project: this.project,
      paths: [...this.paths],
      format: this.format,
      startedAt: this.startedAt,
      finishedAt: new Date().toISOString(),
      outcome,
      files: {
        total: this.filesTotal,
        imported: this.filesWithDocuments.size,
        failed: this.filesWithErrors.size,
        skipped: this.skippedCount,
      },
      counts: { ...this.counts },
      bytes: this.bytes,
      created,
      schemaFiles: [...this.schemaFiles],
      errors: [...this.errors],
      warnings: [...this.warnings],
      skipped: [...this.skipped],
      unlisted: this.unlisted,
    };
    if (failure !== undefined) report.failure = failure;
    return report;
  }

  private list(list: ImportIssue[], issue: ImportIssue): void {
    if (this.errors.length + this.warnings.length + this.skipped.length < MAX_LISTED) list.push(issue);
    else this.unlisted++;
  }
}

/// The report of an import that ended before it could say more (the worker died, the
/// project could not be opened).
export function failedReport(project: string, request: { paths: string[]; format: ImportFormat | 'auto' }, failure: string): ImportReport {
  const created: CreatedSchema = { entityTypes: [], eventTypes: [], relationTypes: [], roles: [], attributes: [] };
  return new ReportBuilder(project, request.paths, request.format).build('failed', created, failure);
}
