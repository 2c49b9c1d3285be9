// The running count behind an export's end report: documents and annotations per label in
// each split, the issues (listed up to a limit, always counted) and the format's notes.
// Writers feed it through their ExportContext; the runner says which split is current.

import type { ExportIssue, ExportSplitCounts } from '../../../common/export';
import { ISSUE_LIST_LIMIT } from '../../../common/export';

export class ExportTally {
  readonly issues: ExportIssue[] = [];
  issueCount = 0;
  readonly notes: string[] = [];
  readonly splits: Record<string, ExportSplitCounts>;
  /** The split the document being written belongs to (`all` without a split). */
  current: string;

  constructor(splitNames: readonly string[]) {
    this.splits = Object.fromEntries(splitNames.map((name) => [name, { documents: 0, labels: {} }]));
    this.current = splitNames[0]!;
  }

  issue(document: string, item: string | null, reason: string): void {
    this.issueCount++;
    if (this.issues.length < ISSUE_LIST_LIMIT) this.issues.push({ document, item, reason });
  }

  count(label: string): void {
    const labels = this.splits[this.current]!.labels;
    labels[label] = (labels[label] ?? 0) + 1;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  document(): void {
    this.splits[this.current]!.documents++;
  }

  /// Documents over all splits.
  get documents(): number {
    return Object.values(this.splits).reduce((sum, s) => sum + s.documents, 0);
  }

  /// Annotations per label over all splits, the busiest first.
  labels(): Record<string, number> {
    const totals = new Map<string, number>();
    for (const split of Object.values(this.splits)) {
      for (const [label, n] of Object.entries(split.labels)) totals.set(label, (totals.get(label) ?? 0) + n);
    }
    return Object.fromEntries([...totals].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
  }
}
