// What a format cannot hold at all (events in an entity-tagging format, say) is not an
// issue of any one annotation: it is counted over the whole export and said once, in a
// note at the end of the report.

import type { ExportContext } from './exportFormat';

export class LeftOut {
  private readonly counts = new Map<string, number>();

  /// Counts `n` annotations of a kind (singular noun: "event", "relation").
  add(kind: string, n: number): void {
    if (n > 0) this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  /// The note, when anything was left out: "conll holds entity mentions only: 3 events and 1 relation are not part of it."
  report(context: ExportContext, format: string, holds: string): void {
    const parts = [...this.counts].map(([kind, n]) => `${n.toLocaleString('en-US')} ${kind}${n === 1 ? '' : 's'}`);
    if (parts.length === 0) return;
    const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    context.note(`${format} holds ${holds} only: ${list} ${total === 1 ? 'is' : 'are'} not part of it.`);
  }
}
