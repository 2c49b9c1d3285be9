// The mentions of an article in text order, with what drawing them piecemeal needs: the
// mentions over a stretch of text (a paragraph coming into view), each mention's lane
// (core/spanLanes.ts), worked out per cluster of mentions that overlap one another and only
// when asked for, and a new index after a few changes that sorts nothing again and keeps
// the lanes of every cluster the changes did not touch. What an index holds never changes;
// each change makes a new index. (Its lane memo fills in as lanes are asked for, which
// changes no answer.)

import type { Mention } from '../../common/model';
import { firstIndex } from '../../core/firstIndex';
import { spanLanes } from '../../core/spanLanes';
import { compareTextOrder, textOrder } from './mentionOrder';

/** How one list of mentions became the next, mention by mention (by object identity). */
export interface MentionChanges {
  added: readonly Mention[];
  removed: readonly Mention[];
  /** [before, after] for each mention whose object was replaced (any field may differ). */
  replaced: readonly (readonly [Mention, Mention])[];
}

// Past this many changes the index is built afresh: one sort beats many insertions.
const PIECEMEAL_LIMIT = 64;

export class MentionIndex {
  private constructor(
    /** The mentions in text order (mentionOrder.ts's textOrder). */
    readonly order: readonly Mention[],
    readonly byId: ReadonlyMap<number, Mention>,
    // reach[i] is the furthest end among order[0..i]: it ascends, so the first mention
    // that may reach a point is found by binary search, however long the mentions.
    private readonly reach: Float64Array,
    // Lanes worked out so far, by mention id: whole clusters at a time.
    private readonly lanes: Map<number, number> = new Map(),
  ) {}

  static of(mentions: readonly Mention[]): MentionIndex {
    const order = textOrder(mentions);
    return new MentionIndex(order, new Map(order.map((m) => [m.id, m])), reachOf(order));
  }

  /// The lane `m` (a mention of this index) is drawn on.
  laneOf(m: Mention): number {
    let lane = this.lanes.get(m.id);
    if (lane === undefined) {
      const cluster = this.cluster(m.start, m.end);
      const lanes = spanLanes(cluster);
      cluster.forEach((c, i) => this.lanes.set(c.id, lanes[i]!));
      lane = this.lanes.get(m.id) ?? 0;
    }
    return lane;
  }

  /// The mentions whose lanes `changes` may have moved: those in the clusters, in this
  /// index, around every span that came, went or moved.
  unsettled(changes: MentionChanges): Mention[] {
    const spans = [...changes.added, ...changes.removed, ...moved(changes).flat()];
    const found = new Set<Mention>();
    for (const span of spans) for (const m of this.cluster(span.start, span.end)) found.add(m);
    return [...found];
  }

  /// The index of `mentions`, which `changes` (from `changesTo`) says how this index's
  /// became. A mention replaced by one with the same extent (a new label, a refetch) keeps
  /// its place, and every lane stays.
  with(mentions: readonly Mention[], changes: MentionChanges): MentionIndex {
    const shifted = moved(changes);
    if (changes.added.length + changes.removed.length + shifted.length > PIECEMEAL_LIMIT) return MentionIndex.of(mentions);
    let order = this.order.slice();
    const byId = new Map(this.byId);
    const take = (m: Mention) => {
      const at = order.indexOf(m, sortedIndex(order, m));
      if (at >= 0) order.splice(at, 1);
      byId.delete(m.id);
    };
    const put = (m: Mention) => {
      order.splice(sortedIndex(order, m), 0, m);
      byId.set(m.id, m);
    };
    for (const m of changes.removed) take(m);
    for (const [before] of shifted) take(before);
    if (changes.replaced.length > shifted.length) {
      const inPlace = new Map(changes.replaced.map(([, after]) => [after.id, after]));
      order = order.map((m) => inPlace.get(m.id) ?? m);
      for (const after of inPlace.values()) byId.set(after.id, after);
    }
    for (const m of changes.added) put(m);
    for (const [, after] of shifted) put(after);
    const next = new MentionIndex(order, byId, reachOf(order), new Map(this.lanes));
    for (const m of next.unsettled(changes)) next.lanes.delete(m.id);
    for (const m of changes.removed) next.lanes.delete(m.id);
    return next;
  }

  /// What differs between this index's mentions and `next`: O(n), no sorting.
  changesTo(next: readonly Mention[]): MentionChanges {
    const added: Mention[] = [];
    const replaced: [Mention, Mention][] = [];
    const kept = new Set<number>();
    for (const m of next) {
      const before = this.byId.get(m.id);
      kept.add(m.id);
      if (before === undefined) added.push(m);
      else if (before !== m) replaced.push([before, m]);
    }
    const removed = kept.size === this.byId.size ? [] : this.order.filter((m) => !kept.has(m.id));
    return { added, removed, replaced };
  }

  /// The mentions that share some of [start, end) with it, in text order.
  overlapping(start: number, end: number): Mention[] {
    return this.touching(start, end, false);
  }

  /// The mentions whose lanes may change when spans within [start, end) change: the
  /// overlapping mentions there, and those overlapping them in turn, until the stretch of
  /// text no further mention crosses into. Touching mentions are taken too (harmless:
  /// they are only recomputed).
  cluster(start: number, end: number): Mention[] {
    let from = start;
    let to = end;
    for (;;) {
      const found = this.touching(from, to, true);
      const wider = found.reduce((a, m) => Math.min(a, m.start), from);
      const further = found.reduce((a, m) => Math.max(a, m.end), to);
      if (wider === from && further === to) return found;
      from = wider;
      to = further;
    }
  }

  // Mentions with start < end and end > start (with `inclusive`, start ≤ end and end ≥ start).
  private touching(start: number, end: number, inclusive: boolean): Mention[] {
    const order = this.order;
    const reach = this.reach;
    // Candidates: from the first mention that reaches `start` to the last that starts before `end`.
    const first = firstIndex(order.length, (i) => (inclusive ? reach[i]! >= start : reach[i]! > start));
    const stop = firstIndex(order.length, (i) => (inclusive ? order[i]!.start > end : order[i]!.start >= end));
    const found: Mention[] = [];
    for (let i = first; i < stop; i++) {
      const m = order[i]!;
      if (inclusive ? m.end >= start : m.end > start) found.push(m);
    }
    return found;
  }
}

// The replaced mentions whose extent changed.
function moved(changes: MentionChanges): (readonly [Mention, Mention])[] {
  return changes.replaced.filter(([before, after]) => before.start !== after.start || before.end !== after.end);
}

function reachOf(order: readonly Mention[]): Float64Array {
  const reach = new Float64Array(order.length);
  let furthest = -Infinity;
  for (let i = 0; i < order.length; i++) reach[i] = furthest = Math.max(furthest, order[i]!.end);
  return reach;
}

// Where `m` goes in text order.
function sortedIndex(order: readonly Mention[], m: Mention): number {
  return firstIndex(order.length, (i) => compareTextOrder(order[i]!, m) >= 0);
}

