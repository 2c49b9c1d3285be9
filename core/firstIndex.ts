// Binary search over anything indexable, for the sorted arrays the offset map and the
// editor's mention index keep.

/// The smallest k in [0, n) for which `holds(k)` is true, or n if none; `holds` must be
/// false up to some index and true from there on (a sorted array compared with a value).
export function firstIndex(n: number, holds: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
