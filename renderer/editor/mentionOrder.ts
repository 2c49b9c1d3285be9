// The order in which mentions are visited: Tab and Shift+Tab walk the text from start to
// end, an enclosing mention before the mentions inside it; a click on nested mentions
// picks the innermost first and each further click the next one out.

import type { Mention } from '../../common/model';

/// The mentions in text order: by start, then the longer (enclosing) first, then by id.
export function textOrder(mentions: readonly Mention[]): Mention[] {
  return mentions.slice().sort(compareTextOrder);
}

/// textOrder's comparison: negative when `a` comes before `b`.
export function compareTextOrder(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

/// The mention `step` places after `currentId` in `ordered` (before it for a negative step),
/// wrapping around; the first (or last) when nothing is focused. Null for no mentions.
export function stepFocus(ordered: readonly Mention[], currentId: number | null, step: 1 | -1): number | null {
  if (ordered.length === 0) return null;
  const at = currentId === null ? -1 : ordered.findIndex((m) => m.id === currentId);
  if (at < 0) return (step > 0 ? ordered[0] : ordered.at(-1))!.id;
  return ordered[(at + step + ordered.length) % ordered.length]!.id;
}

/// Which of the mentions under a click to focus: the innermost (shortest) one, or, when one
/// of them is already focused, the next one out, wrapping back to the innermost.
export function cycleAt(under: readonly Mention[], currentId: number | null): number | null {
  if (under.length === 0) return null;
  const inside = under.slice().sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start || a.id - b.id);
  const at = currentId === null ? -1 : inside.findIndex((m) => m.id === currentId);
  return inside[(at + 1) % inside.length]!.id;
}
