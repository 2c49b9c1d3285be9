// Where each of a set of possibly nested or overlapping spans is drawn: a lane, 0 being the
// underline closest to the text. "the US embassy in Baghdad" with "US embassy" and
// "Baghdad" inside it draws the two inner spans on lane 0 and the outer one on lane 1, under
// both, like a bracket; so a span's lane is its nesting height (how many levels of spans it
// encloses), not its depth. Any two spans that overlap get different lanes, so every span
// stays visible and, drawn with a little room of its own, clickable.
//
// O(n log n) for the sort plus O(n·k), k being how many spans overlap at one point (a
// handful in real annotation, however many spans the document holds).

/** A span's extent: any unit, end exclusive. */
export interface SpanExtent {
  start: number;
  end: number;
}

/// The lane of each span, in the order given.
export function spanLanes(spans: readonly SpanExtent[]): number[] {
  const n = spans.length;
  // Text order, an enclosing span before the spans inside it.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end || a - b,
  );
  const height = new Array<number>(n).fill(0);
  const parent = new Array<number>(n).fill(-1);

  // Pass 1: nesting heights. The stack holds the spans still open at the current start;
  // a span's parent is the nearest open span that encloses it (a span it only crosses is
  // not its parent). A span's height is final when it is popped, before its parent's.
  const stack: number[] = [];
  const close = (i: number) => {
    const p = parent[i]!;
    if (p >= 0) height[p] = Math.max(height[p]!, height[i]! + 1);
  };
  for (const i of order) {
    const span = spans[i]!;
    while (stack.length > 0 && spans[stack.at(-1)!]!.end <= span.start) close(stack.pop()!);
    for (let k = stack.length - 1; k >= 0; k--) {
      if (spans[stack[k]!]!.end >= span.end) {
        parent[i] = stack[k]!;
        break;
      }
    }
    stack.push(i);
  }
  while (stack.length > 0) close(stack.pop()!);

  // Pass 2: spans that cross (neither encloses the other) may have the same height; the
  // later one moves up to the first lane no span overlapping it uses.
  const lanes = height.slice();
  let open: number[] = [];
  for (const i of order) {
    const span = spans[i]!;
    open = open.filter((j) => spans[j]!.end > span.start);
    const used = new Set(open.filter((j) => spans[j]!.start < span.end).map((j) => lanes[j]!));
    if (span.start < span.end) while (used.has(lanes[i]!)) lanes[i]!++;
    open.push(i);
  }
  return lanes;
}
